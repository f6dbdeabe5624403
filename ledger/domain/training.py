"""Training of the network's service staff (服务人员培训, Art. 6.7).

The hub organises series of trainings for the staff of the platform network (组织开展平台网络服务
人员系列培训); a window may train its own staff. One training is one record:

    planned ──roster recorded (once it has ended)──▶ held ──closed──▶ closed (terminal)
      │ cancelled (reasons)                            │ roster amended (reasons), until closed
      ▼
    cancelled (terminal)

- **Organiser.** The hub or a window, the platform of the key; the stream id is derived from
  the organiser and its own ``external_ref``, so a training is never planned twice. Only the
  organiser records what became of it.
- **Whom it trains.** Each roster entry names whose staff the trainee is (a platform or an
  institution of the network, checked by the application) and the trainee by name and role
  only: a telephone or identity number is refused (a run of six digits or more), since a roster
  needs neither. A window's roster names its own staff only.
- **Hours.** The training's hours (学时, up to one decimal) are at most 10 a day of its dates;
  each trainee attended from 0 to those hours. An absent trainee attended none, one assessed
  (passed or failed) attended some.
- **The roster** is recorded on or after the training's last day (business date), and may be
  amended, with reasons, until the training is closed: the amendment names the whole roster
  anew, so what was recorded first stays in the history beside the correction.
- Business times follow each other: no step happened before the one it follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any
from uuid import UUID

from ledger.domain import ids
from ledger.domain.agreement_terms import PartyKind
from ledger.domain.base import LedgerAggregate
from ledger.domain.complaint import require_text
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    InvalidAttendedHoursError,
    InvalidRosterError,
    InvalidTrainingDatesError,
    InvalidTrainingHoursError,
    NotTrainingOrganiserError,
    PersonalNumberRefusedError,
    RosterUnchangedError,
    TraineeNotOwnStaffError,
    TrainingNotEndedError,
    TrainingStepOutOfOrderError,
)
from ledger.domain.platform import PlatformKind
from ledger.domain.submission import require_reasons
from ledger.domain.time import business_date, check_not_before

MAX_TRAINING_DAYS = 92
"""A series longer than a quarter is recorded as several trainings."""
HOURS_PER_DAY = Decimal(10)
MAX_TRAINEES = 500
"""Bounds one event's size; a larger cohort is recorded as several trainings."""
_NUMBER = re.compile(r"\d{6,}")


class TrainingCategory(StrEnum):
    POLICY = "policy"
    SERVICE_SKILLS = "service_skills"
    PLATFORM_OPERATION = "platform_operation"
    INFORMATION_SECURITY = "information_security"
    DATA_REPORTING = "data_reporting"
    OTHER = "other"


class TraineeResult(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    ABSENT = "absent"


class TrainingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CLOSED = "closed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Trainee:
    """One entry of a roster: whose staff (``participant_id``), who by name and role, the hours
    attended and the assessment's result."""

    participant_id: UUID
    participant_kind: PartyKind
    name: str
    role: str
    hours: Decimal
    result: TraineeResult

    def stored(self) -> dict[str, Any]:
        return {
            "participant_id": self.participant_id,
            "participant_kind": self.participant_kind.value,
            "name": self.name,
            "role": self.role,
            "hours": str(self.hours),
            "result": self.result.value,
        }

    @classmethod
    def of(cls, stored: dict[str, Any]) -> Trainee:
        return cls(
            participant_id=stored["participant_id"],
            participant_kind=PartyKind(stored["participant_kind"]),
            name=stored["name"],
            role=stored["role"],
            hours=Decimal(stored["hours"]),
            result=TraineeResult(stored["result"]),
        )


class Training(LedgerAggregate):
    """One training of service staff, organised by the hub or by a window."""

    class Planned(LedgerAggregate.Created):
        organiser_id: UUID
        organiser_kind: str
        external_ref: str
        title: str
        category: str
        starts_on: date
        ends_on: date
        hours: Decimal

        def apply(self, aggregate: Training) -> None:
            aggregate.organiser_id = self.organiser_id
            aggregate.organiser_kind = PlatformKind(self.organiser_kind)
            aggregate.external_ref = self.external_ref
            aggregate.title = self.title
            aggregate.category = TrainingCategory(self.category)
            aggregate.starts_on = self.starts_on
            aggregate.ends_on = self.ends_on
            aggregate.hours = self.hours
            aggregate.last_step_at = self.meta.occurred_at

    class Held(LedgerAggregate.Event):
        roster: list[dict[str, Any]]

        def apply(self, aggregate: Training) -> None:
            aggregate.roster = [Trainee.of(entry) for entry in self.roster]
            aggregate.status = TrainingStatus.HELD
            aggregate.last_step_at = self.meta.occurred_at

    class RosterAmended(LedgerAggregate.Event):
        roster: list[dict[str, Any]]
        reasons: str

        def apply(self, aggregate: Training) -> None:
            aggregate.roster = [Trainee.of(entry) for entry in self.roster]
            aggregate.amendments += 1
            aggregate.last_step_at = self.meta.occurred_at

    class Closed(LedgerAggregate.Event):
        note: str

        def apply(self, aggregate: Training) -> None:
            aggregate.status = TrainingStatus.CLOSED
            aggregate.closing_note = self.note
            aggregate.last_step_at = self.meta.occurred_at

    class Cancelled(LedgerAggregate.Event):
        reasons: str

        def apply(self, aggregate: Training) -> None:
            aggregate.status = TrainingStatus.CANCELLED
            aggregate.cancellation_reasons = self.reasons
            aggregate.last_step_at = self.meta.occurred_at

    def __init__(self) -> None:
        self.organiser_id: UUID | None = None
        self.organiser_kind = PlatformKind.HUB
        self.external_ref = ""
        self.title = ""
        self.category = TrainingCategory.OTHER
        self.starts_on = date.min
        self.ends_on = date.min
        self.hours = Decimal(0)
        self.status = TrainingStatus.PLANNED
        self.roster: list[Trainee] = []
        self.amendments = 0
        self.closing_note: str | None = None
        self.cancellation_reasons: str | None = None
        self.last_step_at: datetime | None = None

    @property
    def participant_ids(self) -> set[UUID]:
        """Whose staff the roster names."""
        return {t.participant_id for t in self.roster}

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def plan(
        cls,
        *,
        organiser_id: UUID,
        organiser_kind: PlatformKind,
        external_ref: str,
        title: str,
        category: TrainingCategory,
        starts_on: date,
        ends_on: date,
        hours: Decimal,
        meta: Envelope,
    ) -> Training:
        if meta.platform_id != organiser_id:
            raise NotTrainingOrganiserError("A platform plans trainings only as their organiser.")
        if ends_on < starts_on or ends_on - starts_on >= timedelta(days=MAX_TRAINING_DAYS):
            raise InvalidTrainingDatesError(
                f"A training runs from starts_on to ends_on, at most {MAX_TRAINING_DAYS} days; "
                f"{starts_on} to {ends_on} is not such a span.",
            )
        days = (ends_on - starts_on).days + 1
        if not _is_hours(hours) or not Decimal(0) < hours <= HOURS_PER_DAY * days:
            raise InvalidTrainingHoursError(
                f"hours is more than 0 and at most {HOURS_PER_DAY} a day ({HOURS_PER_DAY * days} "
                f"for {days} days), with at most one decimal; got {hours}.",
                hours=str(hours),
            )
        return cls._create(
            cls.Planned,
            id=ids.training_id(organiser_id, external_ref),
            organiser_id=organiser_id,
            organiser_kind=organiser_kind.value,
            external_ref=external_ref,
            title=require_text(title, "title"),
            category=category.value,
            starts_on=starts_on,
            ends_on=ends_on,
            hours=hours,
            meta=meta,
        )

    def record_roster(self, roster: Sequence[Trainee], meta: Envelope) -> None:
        """The training was held: who attended, how long, and how each was assessed."""
        self._check_step({TrainingStatus.PLANNED}, "held", meta)
        if business_date(meta) < self.ends_on:
            raise TrainingNotEndedError(
                f"The training runs until {self.ends_on}; record its roster on or after that "
                f"day, not on {business_date(meta)}.",
                ends_on=self.ends_on.isoformat(),
            )
        self.trigger_event(self.Held, roster=self._checked(roster), meta=meta)

    def amend_roster(self, roster: Sequence[Trainee], reasons: str, meta: Envelope) -> None:
        """The roster anew (every entry), with the reasons for the correction."""
        self._check_step({TrainingStatus.HELD}, "amended", meta)
        stored = self._checked(roster)
        if stored == [t.stored() for t in self.roster]:
            raise RosterUnchangedError("The roster sent is the one recorded; nothing to amend.")
        reasons = require_reasons(reasons, "An amendment of a roster")
        self.trigger_event(self.RosterAmended, roster=stored, reasons=reasons, meta=meta)

    def close(self, note: str, meta: Envelope) -> None:
        self._check_step({TrainingStatus.HELD}, "closed", meta)
        self.trigger_event(self.Closed, note=note.strip(), meta=meta)

    def cancel(self, reasons: str, meta: Envelope) -> None:
        self._check_step({TrainingStatus.PLANNED}, "cancelled", meta)
        self.trigger_event(
            self.Cancelled, reasons=require_reasons(reasons, "A cancellation"), meta=meta
        )

    # --- rules shared by the commands -----------------------------------------------------

    def _check_step(self, allowed: set[TrainingStatus], action: str, meta: Envelope) -> None:
        if meta.platform_id != self.organiser_id:
            raise NotTrainingOrganiserError(
                "Only the platform that organised a training records what became of it."
            )
        if self.status not in allowed:
            raise TrainingStepOutOfOrderError(
                f"A training that is {self.status} cannot be {action}.", status=self.status.value
            )
        check_not_before(meta, self.last_step_at, "the training's previous step")

    def _checked(self, roster: Sequence[Trainee]) -> list[dict[str, Any]]:
        if not 1 <= len(roster) <= MAX_TRAINEES:
            raise InvalidRosterError(
                f"A roster names from 1 to {MAX_TRAINEES} trainees; got {len(roster)}.",
            )
        stored, seen = [], set()
        for i, trainee in enumerate(roster):
            entry = _entry(trainee, i, self.hours)
            if self.organiser_kind is PlatformKind.WINDOW and trainee.participant_id != (
                self.organiser_id
            ):
                raise TraineeNotOwnStaffError(
                    f"roster[{i}] is staff of {trainee.participant_id}; a window trains its own "
                    "staff (the hub trains the network's).",
                    field=f"roster[{i}].participant_id",
                )
            key = (entry.participant_id, entry.name)
            if key in seen:
                raise InvalidRosterError(
                    f"roster[{i}] names {entry.name} of {entry.participant_id} a second time.",
                    field=f"roster[{i}]",
                )
            seen.add(key)
            stored.append(entry.stored())
        return stored


def _is_hours(value: Decimal) -> bool:
    try:
        return value.is_finite() and value == value.quantize(Decimal("0.1"))
    except InvalidOperation:
        return False


def _entry(trainee: Trainee, i: int, hours: Decimal) -> Trainee:
    """``trainee`` with its text stripped, checked against the training's ``hours``."""
    name = require_text(trainee.name, f"roster[{i}].name")
    role = trainee.role.strip()
    for field, text in (("name", name), ("role", role)):
        if _NUMBER.search(text):
            raise PersonalNumberRefusedError(
                f"roster[{i}].{field} holds a number of six digits or more; a roster keeps a "
                "trainee's name and role only, never a telephone or identity number.",
                field=f"roster[{i}].{field}",
            )
    attended = trainee.hours
    absent = trainee.result is TraineeResult.ABSENT
    if (
        not _is_hours(attended)
        or not Decimal(0) <= attended <= hours
        or (attended == 0) is not absent
    ):
        raise InvalidAttendedHoursError(
            f"roster[{i}].hours is from 0 to the training's {hours} hours, 0 exactly when the "
            f"trainee was absent; got {attended} ({trainee.result}).",
            field=f"roster[{i}].hours",
        )
    return Trainee(
        trainee.participant_id, trainee.participant_kind, name, role, attended, trainee.result
    )
