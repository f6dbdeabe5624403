"""Who may score an appraisal (回避): not an expert who reviewed the subject's onboarding, not one
of the subject's own organisation; on the demonstration network, where windows were onboarded."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from demo import seed_demo
from ledger.application.app import LedgerApplication
from ledger.application.commands.appraisals import AddExpertScore
from ledger.domain.appraisal import Appraisal
from ledger.domain.errors import ExpertConflictOfInterestError
from ledger.domain.ids import appraisal_id
from ledger.domain.onboarding import OnboardingApplication
from ledger.domain.platform import Platform
from projections.appraisal import figures_at, subjects_of_kind
from tests.acting import act
from tests.application.support import envelope

YEAR = 2025


def test_an_expert_who_reviewed_the_onboarding_does_not_score_the_appraisal(
    ledger: LedgerApplication,
) -> None:
    report = seed_demo(ledger, seed=5, year=YEAR, scale=0.03)
    position = ledger.head_position()
    windows = subjects_of_kind(
        figures_at(ledger, position=position, year=YEAR, as_on=date(2026, 1, 31)), "window"
    )
    platforms = [ledger.get(Platform, UUID(window)) for window in windows]
    onboarded = next(p for p in platforms if p.application_id is not None)
    assert onboarded.application_id is not None
    application = ledger.find(onboarded.application_id)
    assert isinstance(application, OnboardingApplication)
    reviewer = application.reviews[0].expert_id
    hub = envelope(report.hub_id)
    appraisal = appraisal_id(onboarded.id, YEAR)  # the demonstration appraised it (no reviewer)
    panel = set(seeded_scores(ledger, appraisal))
    assert len(panel) == 3
    assert reviewer not in panel

    with pytest.raises(ExpertConflictOfInterestError) as raised:
        act(ledger, AddExpertScore(appraisal_id=appraisal, expert_id=reviewer, score=90), hub)

    assert "reviewed the subject's onboarding" in raised.value.detail


def seeded_scores(ledger: LedgerApplication, appraisal: UUID) -> list[UUID]:
    """The experts who scored ``appraisal``."""
    return list(ledger.get(Appraisal, appraisal).expert_scores)
