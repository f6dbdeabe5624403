"""Trainings by participant and year, and the alliance's members on a day."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ledger.application.ports import Directory
from ledger.application.queries.listing import listed
from ledger.application.store import LedgerCore
from ledger.domain.alliance import AllianceMembership
from ledger.domain.errors import AllianceMembershipNotFoundError, TrainingNotFoundError
from ledger.domain.training import Training


def list_trainings(
    ledger: LedgerCore,
    directory: Directory,
    *,
    participant_id: UUID | None = None,
    year: int | None = None,
) -> list[Training]:
    """Trainings (starting in ``year``; organised by ``participant_id`` or naming its staff on
    the roster), in the order planned. Who is on a roster changes until it is closed, so the
    directory narrows by year and the roster is read on the trainings themselves."""
    found = listed(ledger, directory, "training", Training, TrainingNotFoundError, year=year)
    if participant_id is None:
        return found
    return [
        t for t in found if participant_id == t.organiser_id or participant_id in t.participant_ids
    ]


def alliance_members(
    ledger: LedgerCore, directory: Directory, *, on: date
) -> list[AllianceMembership]:
    """The memberships of those who were alliance members on ``on``, in the order they joined."""
    memberships = listed(
        ledger, directory, "alliance_membership", AllianceMembership,
        AllianceMembershipNotFoundError,
    )  # fmt: skip
    return [m for m in memberships if m.member_on(on)]
