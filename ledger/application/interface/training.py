"""Views of trainings and alliance memberships, and the figures of trainings per participant."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from uuid import UUID

from typing_extensions import TypedDict

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.domain.alliance import AllianceMembership, MembershipPeriod
from ledger.domain.training import Trainee, TraineeResult, Training, TrainingStatus


class TraineeView(TypedDict):
    """One entry of a roster: whose staff (a platform or an institution), who by name and role,
    the hours attended (a decimal string) and the assessment's result."""

    participant_id: str
    participant_kind: str
    name: str
    role: str
    hours: str
    result: str


class TrainingView(Resource):
    """A training of service staff (Art. 6.7), from its plan to its closed roster; dates in
    ISO 8601, hours as decimal strings."""

    organiser_id: str
    organiser_kind: str
    external_ref: str
    title: str
    category: str
    starts_on: str
    ends_on: str
    hours: str
    status: str
    roster: list[TraineeView]
    roster_amendments: int
    """How many times the roster was amended after it was first recorded."""
    closing_note: str | None
    cancellation_reasons: str | None


class TrainingCounts(TypedDict):
    """The figures of the trainings held: how many, how many trainees, the hours they attended
    (a decimal string) and how many passed, failed or were absent."""

    trainings: int
    trainees: int
    hours: str
    passed: int
    failed: int
    absent: int


class TrainingList(PageFields):
    """The trainings a key may see, in the order planned, with the figures of those held."""

    trainings: list[TrainingView]
    counts: TrainingCounts


class MembershipPeriodView(TypedDict):
    """One period of membership: from the day joined to the day left (``null`` while it runs),
    with the reasons for leaving."""

    joined_on: str
    left_on: str | None
    reasons: str | None


class MembershipView(Resource):
    """A platform's or an institution's membership of the service alliance (Art. 6.8), period
    by period; ``current`` while the latest period runs."""

    member_id: str
    member_kind: str
    current: bool
    periods: list[MembershipPeriodView]
    note: str


class AllianceMembers(PageFields):
    """The alliance's members on a day, in the order they first joined."""

    on: str
    members: list[MembershipView]


def trainee_view(trainee: Trainee) -> TraineeView:
    return {
        "participant_id": str(trainee.participant_id),
        "participant_kind": trainee.participant_kind.value,
        "name": trainee.name,
        "role": trainee.role,
        "hours": str(trainee.hours),
        "result": trainee.result.value,
    }


def training_view(training: Training) -> TrainingView:
    return {
        **common(training),
        "organiser_id": plain(training.organiser_id),
        "organiser_kind": training.organiser_kind.value,
        "external_ref": training.external_ref,
        "title": training.title,
        "category": training.category.value,
        "starts_on": training.starts_on.isoformat(),
        "ends_on": training.ends_on.isoformat(),
        "hours": str(training.hours),
        "status": training.status.value,
        "roster": [trainee_view(t) for t in training.roster],
        "roster_amendments": training.amendments,
        "closing_note": training.closing_note,
        "cancellation_reasons": training.cancellation_reasons,
    }


_HELD = (TrainingStatus.HELD, TrainingStatus.CLOSED)


def training_counts(trainings: Sequence[Training], participant_id: UUID | None) -> TrainingCounts:
    """The figures of the trainings held: how many, how many trainees (of ``participant_id``'s
    staff, if given), the hours they attended and how many passed, failed or were absent."""
    held = [t for t in trainings if t.status in _HELD]
    entries = [
        e
        for t in held
        for e in t.roster
        if participant_id is None or e.participant_id == participant_id
    ]
    trained = [t for t in held if participant_id is None or participant_id in t.participant_ids]
    results = Counter(e.result for e in entries)
    return {
        "trainings": len(trained),
        "trainees": len(entries),
        "hours": str(sum((e.hours for e in entries), Decimal("0.0"))),
        "passed": results[TraineeResult.PASSED],
        "failed": results[TraineeResult.FAILED],
        "absent": results[TraineeResult.ABSENT],
    }


def _period_view(period: MembershipPeriod) -> MembershipPeriodView:
    return {
        "joined_on": period.joined_on.isoformat(),
        "left_on": plain(period.left_on),
        "reasons": period.reasons,
    }


def membership_view(membership: AllianceMembership) -> MembershipView:
    return {
        **common(membership),
        "member_id": plain(membership.member_id),
        "member_kind": membership.member_kind.value,
        "current": membership.current,
        "periods": [_period_view(p) for p in membership.periods],
        "note": membership.note,
    }
