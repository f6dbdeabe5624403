"""Reads of window onboarding that scan the log."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.store import LedgerCore
from ledger.domain.errors import OnboardingApplicationNotFoundError
from ledger.domain.onboarding import OnboardingApplication


def list_onboarding_applications(ledger: LedgerCore) -> list[OnboardingApplication]:
    """Every application ever recorded, in the order they were filed (through the log)."""
    topic = get_topic(OnboardingApplication.Submitted)
    return [
        ledger.load(
            cast(UUID, n.originator_id),
            OnboardingApplication,
            OnboardingApplicationNotFoundError,
            "onboarding application",
        )
        for n in ledger.scan([topic])
    ]
