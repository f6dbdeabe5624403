"""Public service activities (公共服务活动, Art. 6.8): trainings, roadshows, contests and the like.

A hub or a window organises an activity: it is planned → held (attendance and the participating
enterprises) → evaluated (the participants' satisfaction survey), or cancelled before it is held.
Evaluated and cancelled are final.

Decisions worth knowing:

- The organiser is the platform of the key (hub or window); the stream id is derived from the
  organiser and its own ``external_ref``, so the same activity is never planned twice.
- An activity may be held on a day other than the planned ones (postponed, brought forward):
  both the plan and what happened stay on the record, so the deviation is visible. It cannot be
  held before the day it was planned, nor after the day the holding is recorded as happening.
- Participating enterprises are identified by USCC, check character verified. They need not be
  registered in the ledger (a briefing's sign-in sheet is not an onboarding); a roster that
  names an enterprise twice is de-duplicated, since an enterprise participates once.
- Satisfaction is recorded as the distribution of answers on the 1-5 scale used for service
  cases, not as an average: appraisal asks for the share of satisfied participants (≥ 80 % for
  demonstration platforms), which an average cannot give back. The view derives the average.
- The hub's marking of an alliance activity (Art. 6.8) is an event of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ActivityAlreadyHeldError,
    ActivityFinalisedError,
    ActivityNotHeldError,
    ActivityTitleRequiredError,
    AlreadyAllianceActivityError,
    HeldOnDateError,
    InvalidActivityDatesError,
    InvalidAttendanceError,
    InvalidSatisfactionCountsError,
    NotActivityOrganiserError,
    OccurredBeforePreviousStepError,
    ReasonRequiredError,
    TooManyParticipantsError,
    VenueRequiredError,
)
from ledger.domain.platform import PlatformKind
from ledger.domain.time import CST, check_not_before
from ledger.domain.values import parse_category, parse_uscc

# A startup camp runs for weeks; anything longer than a quarter is a programme, not an activity.
MAX_ACTIVITY_DAYS = 92
# Far above any hall or livestream the network runs; catches a typing error, not a real event.
MAX_ATTENDANCE = 100_000
# Bounds one event's size; a gathering larger than this is recorded as several activities.
MAX_PARTICIPANTS = 2_000
RATINGS = ("1", "2", "3", "4", "5")
SATISFIED_RATINGS = ("4", "5")


class ActivityKind(StrEnum):
    TRAINING = "training"
    ROADSHOW = "roadshow"
    CONTEST = "contest"
    STARTUP_CAMP = "startup_camp"
    POLICY_BRIEFING = "policy_briefing"
    CONSULTATION_DAY = "consultation_day"


class ActivityMode(StrEnum):
    ONSITE = "onsite"
    ONLINE = "online"
    HYBRID = "hybrid"


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    EVALUATED = "evaluated"
    CANCELLED = "cancelled"


FINAL_STATUSES = frozenset({ActivityStatus.EVALUATED, ActivityStatus.CANCELLED})


@dataclass(frozen=True)
class Plan:
    external_ref: str
    kind: ActivityKind
    title: str
    starts_on: date
    ends_on: date
    mode: ActivityMode
    venue: str
    category: str
    expected_attendance: int


@dataclass(frozen=True)
class Holding:
    held_on: date
    attendance: int
    enterprises: tuple[str, ...]


@dataclass(frozen=True)
class Evaluation:
    """Answers to the satisfaction survey, by rating ("1" very dissatisfied … "5" very
    satisfied)."""

    counts: Mapping[str, int]
    comment: str = ""

    @property
    def responses(self) -> int:
        return sum(self.counts.values())

    @property
    def average(self) -> Decimal:
        total = sum(int(rating) * n for rating, n in self.counts.items())
        return (Decimal(total) / Decimal(self.responses)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )

    @property
    def satisfied(self) -> int:
        return sum(self.counts.get(r, 0) for r in SATISFIED_RATINGS)


class Activity(LedgerAggregate):
    """One public service activity of one organising platform."""

    class_version = 2  # version 2 holds the alliance marking, which older snapshots lack

    @staticmethod
    def upcast_v1_v2(state: dict[str, object]) -> None:
        state.update(alliance_note=None, alliance_marked_at=None)

    class Planned(LedgerAggregate.Created):
        organiser_id: UUID
        organiser_kind: str
        external_ref: str
        kind: str
        title: str
        starts_on: date
        ends_on: date
        mode: str
        venue: str
        category: str
        expected_attendance: int

        def apply(self, aggregate: Activity) -> None:
            aggregate.organiser_id = self.organiser_id
            aggregate.organiser_kind = PlatformKind(self.organiser_kind)
            aggregate.plan = Plan(
                external_ref=self.external_ref,
                kind=ActivityKind(self.kind),
                title=self.title,
                starts_on=self.starts_on,
                ends_on=self.ends_on,
                mode=ActivityMode(self.mode),
                venue=self.venue,
                category=self.category,
                expected_attendance=self.expected_attendance,
            )
            aggregate.planned_at = self.meta.occurred_at
            aggregate.last_step_at = self.meta.occurred_at
            aggregate.status = ActivityStatus.PLANNED

    class Held(LedgerAggregate.Event):
        held_on: date
        attendance: int
        enterprises: list[str]

        def apply(self, aggregate: Activity) -> None:
            aggregate.holding = Holding(self.held_on, self.attendance, tuple(self.enterprises))
            aggregate.last_step_at = self.meta.occurred_at
            aggregate.status = ActivityStatus.HELD

    class Evaluated(LedgerAggregate.Event):
        counts: dict[str, int]
        comment: str

        def apply(self, aggregate: Activity) -> None:
            aggregate.evaluation = Evaluation(dict(self.counts), self.comment)
            aggregate.last_step_at = self.meta.occurred_at
            aggregate.status = ActivityStatus.EVALUATED

    class MarkedAsAllianceActivity(LedgerAggregate.Event):
        note: str

        def apply(self, aggregate: Activity) -> None:
            aggregate.alliance_note = self.note
            aggregate.alliance_marked_at = self.meta.occurred_at

    class Cancelled(LedgerAggregate.Event):
        reason: str

        def apply(self, aggregate: Activity) -> None:
            aggregate.cancellation_reason = self.reason
            aggregate.last_step_at = self.meta.occurred_at
            aggregate.status = ActivityStatus.CANCELLED

    def __init__(self) -> None:
        self.organiser_id: UUID | None = None
        self.organiser_kind = PlatformKind.WINDOW
        self.plan: Plan | None = None
        self.planned_at: datetime | None = None
        self.last_step_at: datetime | None = None
        self.status = ActivityStatus.PLANNED
        self.holding: Holding | None = None
        self.evaluation: Evaluation | None = None
        self.cancellation_reason: str | None = None
        self.alliance_note: str | None = None
        self.alliance_marked_at: datetime | None = None

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def plan_activity(
        cls, *, organiser_id: UUID, organiser_kind: PlatformKind, plan: Plan, meta: Envelope
    ) -> Activity:
        if meta.platform_id != organiser_id:
            raise NotActivityOrganiserError("A platform plans activities only for itself.")
        title = plan.title.strip()
        if not title:
            raise ActivityTitleRequiredError("An activity needs a title, such as 2026年政策宣讲会.")
        _check_dates(plan.starts_on, plan.ends_on)
        venue = plan.venue.strip()
        if plan.mode is not ActivityMode.ONLINE and not venue:
            raise VenueRequiredError(
                f"An {plan.mode.value} activity names its venue; send venue, or mode online.",
                mode=plan.mode.value,
            )
        _check_count("expected_attendance", plan.expected_attendance, minimum=1)
        return cls._create(
            cls.Planned,
            id=ids.activity_id(organiser_id, plan.external_ref),
            organiser_id=organiser_id,
            organiser_kind=organiser_kind.value,
            external_ref=plan.external_ref,
            kind=plan.kind.value,
            title=title,
            starts_on=plan.starts_on,
            ends_on=plan.ends_on,
            mode=plan.mode.value,
            venue=venue,
            category=parse_category(plan.category),
            expected_attendance=plan.expected_attendance,
            meta=meta,
        )

    def hold(self, holding: Holding, meta: Envelope) -> None:
        self._check_can_act(meta)
        if self.status is not ActivityStatus.PLANNED:
            raise ActivityAlreadyHeldError("This activity is already recorded as held.")
        self._check_held_on(holding.held_on, meta)
        enterprises = participants(holding.enterprises)
        _check_count("attendance", holding.attendance, minimum=1)
        if holding.attendance < len(enterprises):
            raise InvalidAttendanceError(
                f"attendance {holding.attendance} is below the {len(enterprises)} participating "
                "enterprises; every participating enterprise sent at least one attendee.",
                attendance=holding.attendance,
                enterprises=len(enterprises),
            )
        self.trigger_event(
            self.Held,
            held_on=holding.held_on,
            attendance=holding.attendance,
            enterprises=list(enterprises),
            meta=meta,
        )

    def evaluate(self, evaluation: Evaluation, meta: Envelope) -> None:
        self._check_can_act(meta)
        if self.status is not ActivityStatus.HELD or self.holding is None:
            raise ActivityNotHeldError(
                f"An activity is evaluated after it is held; this activity is {self.status}.",
                status=self.status.value,
            )
        # No separate date check: the holding is recorded no earlier than held_on, and the
        # evaluation no earlier than the holding (the previous-step rule).
        counts = _check_counts(evaluation.counts, self.holding.attendance)
        self.trigger_event(
            self.Evaluated, counts=counts, comment=evaluation.comment.strip(), meta=meta
        )

    def cancel(self, reason: str, meta: Envelope) -> None:
        self._check_can_act(meta)
        if self.status is not ActivityStatus.PLANNED:
            raise ActivityAlreadyHeldError(
                "A held activity cannot be cancelled; only a planned one can."
            )
        if not reason.strip():
            raise ReasonRequiredError("Say why the activity is cancelled.")
        self.trigger_event(self.Cancelled, reason=reason.strip(), meta=meta)

    def mark_as_alliance_activity(self, note: str, meta: Envelope) -> None:
        """The hub's marking: not a step of the organiser's, so it moves no step time."""
        if self.status is ActivityStatus.CANCELLED:
            raise ActivityFinalisedError("A cancelled activity is no alliance activity.")
        if self.alliance_marked_at is not None:
            raise AlreadyAllianceActivityError("This activity is an alliance activity already.")
        check_not_before(meta, self.planned_at, "the activity's planning")
        self.trigger_event(self.MarkedAsAllianceActivity, note=note.strip(), meta=meta)

    # --- rules shared by the commands -----------------------------------------------------

    def _check_can_act(self, meta: Envelope) -> None:
        if meta.platform_id != self.organiser_id:
            raise NotActivityOrganiserError(
                "Only the platform that planned an activity records what became of it."
            )
        if self.status in FINAL_STATUSES:
            raise ActivityFinalisedError(
                f"This activity is {self.status} and accepts nothing more.",
                status=self.status.value,
            )
        if self.last_step_at is not None and meta.occurred_at < self.last_step_at:
            raise OccurredBeforePreviousStepError(
                f"occurred_at {meta.occurred_at.isoformat()} is before the activity's previous "
                f"step ({self.last_step_at.isoformat()}).",
                previous_step_at=self.last_step_at.isoformat(),
            )

    def _check_held_on(self, held_on: date, meta: Envelope) -> None:
        planned_on = (self.planned_at or meta.occurred_at).astimezone(CST).date()
        recorded_on = meta.occurred_at.astimezone(CST).date()
        if held_on < planned_on:
            raise HeldOnDateError(
                f"held_on {held_on} is before the activity was planned ({planned_on}).",
                planned_on=planned_on.isoformat(),
            )
        if held_on > recorded_on:
            raise HeldOnDateError(
                f"held_on {held_on} is after the holding is recorded as having happened "
                f"({recorded_on}); an activity is recorded as held once it took place.",
            )


def participants(usccs: Iterable[str]) -> tuple[str, ...]:
    """Check-character-verified, canonical USCCs, each once, in the order first given."""
    seen: dict[str, None] = {}
    for value in usccs:
        seen.setdefault(parse_uscc(value), None)
    if len(seen) > MAX_PARTICIPANTS:
        raise TooManyParticipantsError(
            f"{len(seen)} participating enterprises is more than the {MAX_PARTICIPANTS} one "
            "holding records; check the roster.",
            enterprises=len(seen),
        )
    return tuple(seen)


def _check_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise InvalidActivityDatesError(
            f"ends_on {ends_on} is before starts_on {starts_on}.",
        )
    if ends_on - starts_on >= timedelta(days=MAX_ACTIVITY_DAYS):
        raise InvalidActivityDatesError(
            f"An activity runs for at most {MAX_ACTIVITY_DAYS} days; {starts_on} to {ends_on} "
            "is longer. Record a longer programme as several activities.",
        )


def _check_count(name: str, value: int, *, minimum: int) -> None:
    if isinstance(value, bool) or not minimum <= value <= MAX_ATTENDANCE:
        raise InvalidAttendanceError(
            f"{name} is a whole number from {minimum} to {MAX_ATTENDANCE}; got {value}.",
            field=name,
        )


def _check_counts(counts: Mapping[str, int], attendance: int) -> dict[str, int]:
    unknown = sorted(set(counts) - set(RATINGS))
    if unknown:
        raise InvalidSatisfactionCountsError(
            f"Ratings run from 1 to 5; {', '.join(unknown)} is not a rating.",
        )
    if any(isinstance(n, bool) or n < 0 for n in counts.values()):
        raise InvalidSatisfactionCountsError("The number of answers per rating is zero or more.")
    complete = {r: counts.get(r, 0) for r in RATINGS}
    responses = sum(complete.values())
    if responses == 0:
        raise InvalidSatisfactionCountsError(
            "An evaluation has at least one answer; with no survey answers, record none."
        )
    if responses > attendance:
        raise InvalidSatisfactionCountsError(
            f"{responses} answers is more than the {attendance} attendees; only attendees answer.",
            responses=responses,
            attendance=attendance,
        )
    return complete
