"""Training of service staff (Art. 6.7) and the service alliance (Art. 6.8): the organiser plans
a training, records its roster once held (amends it until closed), closes or cancels it; the hub
keeps the alliance's membership."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.training import TraineeResult, TrainingCategory


@dataclass(frozen=True, kw_only=True)
class RosterEntry:
    """One trainee as a caller names them: whose staff, name and role, hours, result."""

    participant_id: UUID
    name: str
    role: str
    hours: Decimal
    result: TraineeResult


@dataclass(frozen=True, kw_only=True)
class PlanTraining(Command[Outcome]):
    """Plan a training of the acting platform; its ``external_ref`` is planned once."""

    external_ref: str
    title: str
    category: TrainingCategory
    starts_on: date
    ends_on: date
    hours: Decimal


@dataclass(frozen=True, kw_only=True)
class RecordRoster(Command[Outcome]):
    """The training was held: its roster (the training is then ``held``)."""

    training_id: UUID
    roster: tuple[RosterEntry, ...]


@dataclass(frozen=True, kw_only=True)
class AmendRoster(Command[Outcome]):
    """The whole roster anew, with the reasons, until the training is closed."""

    training_id: UUID
    roster: tuple[RosterEntry, ...]
    reasons: str


@dataclass(frozen=True, kw_only=True)
class CloseTraining(Command[Outcome]):
    """Close a held training: its roster is final."""

    training_id: UUID
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class CancelTraining(Command[Outcome]):
    """Cancel a planned training, with reasons (final)."""

    training_id: UUID
    reasons: str


@dataclass(frozen=True, kw_only=True)
class JoinAlliance(Command[Outcome]):
    """A platform or an institution (``member_id``) joins the alliance on ``joined_on``."""

    member_id: UUID
    joined_on: date
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class LeaveAlliance(Command[Outcome]):
    """The member leaves: from ``left_on`` it is no longer a member."""

    membership_id: UUID
    left_on: date
    reasons: str


@dataclass(frozen=True, kw_only=True)
class ReturnToAlliance(Command[Outcome]):
    """A former member joins again on ``joined_on``."""

    membership_id: UUID
    joined_on: date
    note: str = ""
