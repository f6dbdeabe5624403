"""Trainings by participant and year, and the alliance's members on a day."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.alliance import AllianceMembership
from ledger.domain.errors import AllianceMembershipNotFoundError, TrainingNotFoundError
from ledger.domain.training import Training


def list_trainings(
    ledger: LedgerCore,
    directory: Directory,
    page: Page = WHOLE,
    *,
    participant_id: UUID | None = None,
    year: int | None = None,
) -> Listed[Training]:
    """Trainings (starting in ``year``; organised by ``participant_id`` or naming its staff on
    the roster), in the order planned. Who is on a roster changes until it is closed, so the
    directory narrows by year and the roster is read on the trainings themselves."""

    def takes_part(t: Training) -> bool:
        return participant_id in (None, t.organiser_id) or participant_id in t.participant_ids

    return listed(
        ledger, directory, "training", Training, TrainingNotFoundError, page, takes_part,
        year=year,
    )  # fmt: skip


def alliance_members(
    ledger: LedgerCore, directory: Directory, page: Page = WHOLE, *, on: date
) -> Listed[AllianceMembership]:
    """The memberships of those who were alliance members on ``on``, in the order they joined."""
    return listed(
        ledger, directory, "alliance_membership", AllianceMembership,
        AllianceMembershipNotFoundError, page, lambda m: m.member_on(on),
    )  # fmt: skip
