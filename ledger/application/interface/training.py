"""Views of trainings and alliance memberships, and the figures of trainings per participant."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from uuid import UUID

from ledger.application.interface import JSON, common, plain
from ledger.domain.alliance import AllianceMembership
from ledger.domain.training import Trainee, TraineeResult, Training, TrainingStatus


def trainee_view(trainee: Trainee) -> JSON:
    return {
        "participant_id": str(trainee.participant_id),
        "participant_kind": trainee.participant_kind.value,
        "name": trainee.name,
        "role": trainee.role,
        "hours": str(trainee.hours),
        "result": trainee.result.value,
    }


def training_view(training: Training) -> JSON:
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


def training_counts(trainings: Sequence[Training], participant_id: UUID | None) -> JSON:
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
    results = {r.value: sum(1 for e in entries if e.result is r) for r in TraineeResult}
    return {
        "trainings": len(trained),
        "trainees": len(entries),
        "hours": str(sum((e.hours for e in entries), Decimal("0.0"))),
        **results,
    }


def membership_view(membership: AllianceMembership) -> JSON:
    return {
        **common(membership),
        "member_id": plain(membership.member_id),
        "member_kind": membership.member_kind.value,
        "current": membership.current,
        "periods": [
            {
                "joined_on": p.joined_on.isoformat(),
                "left_on": plain(p.left_on),
                "reasons": p.reasons,
            }
            for p in membership.periods
        ],
        "note": membership.note,
    }
