"""The expert pool on SQLite: an expert is registered once, and only an active expert of the
pool reviews an onboarding application."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.experts import DeactivateExpert
from ledger.application.commands.onboarding import RecordExpertReview
from ledger.application.queries.experts import list_experts
from ledger.domain import ids
from ledger.domain.errors import ExpertExistsError, ExpertInactiveError, UnknownExpertError
from tests.acting import CaughtUp, act
from tests.application.onboarding_support import (  # with the fixtures clock, hub_id, experts
    FILED_AT,
    clock_after_the_notice,  # noqa: F401
    hub_meta,
    register_experts,
    registered_experts,  # noqa: F401
    registered_hub,  # noqa: F401
    submit,
)


def test_a_review_by_an_expert_not_in_the_pool_is_refused(
    clocked_ledger: LedgerApplication, hub_id: UUID
) -> None:
    application_id = submit(clocked_ledger, hub_id)

    with pytest.raises(UnknownExpertError) as excinfo:
        act(
            clocked_ledger,
            RecordExpertReview(
                application_id=application_id,
                expert_id=ids.expert_id("never-registered"),
                score=80,
                opinion="",
            ),
            hub_meta(hub_id),
        )

    assert excinfo.value.code == "unknown_expert"


def test_a_deactivated_expert_is_given_no_new_review(
    clocked_ledger: LedgerApplication, hub_id: UUID, experts: list[UUID]
) -> None:
    application_id = submit(clocked_ledger, hub_id)
    act(
        clocked_ledger,
        DeactivateExpert(expert_id=experts[0], reason="利益冲突"),
        hub_meta(hub_id, FILED_AT - timedelta(days=1)),
    )

    with pytest.raises(ExpertInactiveError):
        act(
            clocked_ledger,
            RecordExpertReview(
                application_id=application_id, expert_id=experts[0], score=80, opinion=""
            ),
            hub_meta(hub_id),
        )


def test_an_expert_is_registered_once_under_a_pool_reference(
    clocked_ledger: LedgerApplication, hub_id: UUID, experts: list[UUID]
) -> None:
    with pytest.raises(ExpertExistsError):
        register_experts(clocked_ledger, hub_id, 1)

    assert [e.id for e in list_experts(clocked_ledger, CaughtUp(clocked_ledger))] == experts
