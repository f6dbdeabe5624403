"""Plain views of public service activities."""

from __future__ import annotations

from typing_extensions import TypedDict

from ledger.application.interface import Resource, common, plain
from ledger.domain.activity import Activity, Evaluation, Holding
from ledger.domain.errors import ActivityNotFoundError


class HoldingView(TypedDict):
    """That the activity was held: on which day, how many attended, and the participating
    enterprises (their USCCs)."""

    held_on: str
    attendance: int
    enterprise_count: int
    enterprises: list[str]


class EvaluationView(TypedDict):
    """The participants' satisfaction survey: answers by rating ("1" very dissatisfied … "5"
    very satisfied), how many answered, how many were satisfied (4 or 5), the mean rating (a
    decimal string, two places) and a comment."""

    counts: dict[str, int]
    responses: int
    satisfied: int
    average: str
    comment: str


class AllianceMarkingView(TypedDict):
    """That the hub marked the activity as an alliance activity (Art. 6.8), when and why."""

    marked_at: str
    note: str | None


class ActivityView(Resource):
    """A public service activity as the API shows it: its plan, then what became of it; dates
    and times in ISO 8601."""

    organiser_id: str
    organiser_kind: str
    external_ref: str
    kind: str
    title: str
    starts_on: str
    ends_on: str
    mode: str
    venue: str
    category: str
    expected_attendance: int
    status: str
    planned_at: str
    holding: HoldingView | None
    evaluation: EvaluationView | None
    cancellation_reason: str | None
    alliance: AllianceMarkingView | None


def _holding_view(holding: Holding) -> HoldingView:
    return {
        "held_on": holding.held_on.isoformat(),
        "attendance": holding.attendance,
        "enterprise_count": len(holding.enterprises),
        "enterprises": list(holding.enterprises),
    }


def _evaluation_view(evaluation: Evaluation) -> EvaluationView:
    return {
        "counts": dict(evaluation.counts),
        "responses": evaluation.responses,
        "satisfied": evaluation.satisfied,
        "average": str(evaluation.average),
        "comment": evaluation.comment,
    }


def activity_view(activity: Activity) -> ActivityView:
    plan = activity.plan
    if plan is None:  # pragma: no cover - an activity is created by its plan
        raise ActivityNotFoundError(f"No activity with id {activity.id}.", id=str(activity.id))
    return {
        **common(activity),
        "organiser_id": plain(activity.organiser_id),
        "organiser_kind": activity.organiser_kind.value,
        "external_ref": plan.external_ref,
        "kind": plan.kind.value,
        "title": plan.title,
        "starts_on": plan.starts_on.isoformat(),
        "ends_on": plan.ends_on.isoformat(),
        "mode": plan.mode.value,
        "venue": plan.venue,
        "category": plan.category,
        "expected_attendance": plan.expected_attendance,
        "status": activity.status.value,
        "planned_at": plain(activity.planned_at),
        "holding": None if activity.holding is None else _holding_view(activity.holding),
        "evaluation": None
        if activity.evaluation is None
        else _evaluation_view(activity.evaluation),
        "cancellation_reason": activity.cancellation_reason,
        "alliance": None
        if activity.alliance_marked_at is None
        else {"marked_at": plain(activity.alliance_marked_at), "note": activity.alliance_note},
    }
