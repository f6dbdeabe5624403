"""Plain views of public service activities."""

from __future__ import annotations

from ledger.application.interface import JSON, common, plain
from ledger.domain.activity import Activity


def activity_view(activity: Activity) -> JSON:
    evaluation = activity.evaluation
    return {
        **common(activity),
        "organiser_id": plain(activity.organiser_id),
        "organiser_kind": activity.organiser_kind.value,
        **(plain(activity.plan) if activity.plan is not None else {}),
        "status": activity.status.value,
        "planned_at": plain(activity.planned_at),
        "holding": None
        if activity.holding is None
        else {
            "held_on": activity.holding.held_on.isoformat(),
            "attendance": activity.holding.attendance,
            "enterprise_count": len(activity.holding.enterprises),
            "enterprises": list(activity.holding.enterprises),
        },
        "evaluation": None
        if evaluation is None
        else {
            "counts": dict(evaluation.counts),
            "responses": evaluation.responses,
            "satisfied": evaluation.satisfied,
            "average": str(evaluation.average),
            "comment": evaluation.comment,
        },
        "cancellation_reason": activity.cancellation_reason,
        "alliance": None
        if activity.alliance_marked_at is None
        else {"marked_at": plain(activity.alliance_marked_at), "note": activity.alliance_note},
    }
