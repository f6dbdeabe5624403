"""Bodies of the public service activity routes, and the commands they ask for."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AwareDatetime, ConfigDict, Field, StringConstraints

from api.schemas.common import Body, CategoryField, LongText, Text, USCCField
from ledger.application.commands.activities import (
    CancelActivity,
    Evaluate,
    Hold,
    PlanActivity,
    StepActivity,
)
from ledger.domain.activity import ActivityKind, ActivityMode, Evaluation, Holding, Plan

ActivityOccurredAt = Annotated[
    AwareDatetime | None,
    Field(
        description="When it happened in the world (business time), with an offset; defaults "
        "to the time of the request. Not in the future, not before the activity's previous step."
    ),
]
Count = Annotated[int, Field(ge=1, le=100_000, strict=True)]


class ActivityPlanning(Body):
    """Plan an activity of the platform of the key (hub or window)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "external_ref": "YC-ACT-2026-014",
                    "kind": "policy_briefing",
                    "title": "2026年中小企业惠企政策宣讲会",
                    "starts_on": "2026-03-16",
                    "mode": "hybrid",
                    "venue": "银川市中小企业公共服务大厅",
                    "category": "100200",
                    "expected_attendance": 80,
                    "occurred_at": "2026-03-02T09:00:00+08:00",
                }
            ]
        }
    )

    external_ref: Annotated[
        str,
        StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,127}$"),
        Field(description="The organiser's own reference; the same one never plans twice"),
    ]
    kind: Literal[
        "training", "roadshow", "contest", "startup_camp", "policy_briefing", "consultation_day"
    ]
    title: Text
    starts_on: date
    ends_on: Annotated[
        date | None,
        Field(description="Last day of a multi-day activity (at most 92 days); default starts_on"),
    ] = None
    mode: Literal["onsite", "online", "hybrid"]
    venue: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=200),
        Field(description="Where it takes place; required unless the activity is online"),
    ] = ""
    category: CategoryField
    expected_attendance: Count
    occurred_at: ActivityOccurredAt = None

    def to_command(self) -> PlanActivity:
        plan = Plan(
            external_ref=self.external_ref,
            kind=ActivityKind(self.kind),
            title=self.title,
            starts_on=self.starts_on,
            ends_on=self.ends_on or self.starts_on,
            mode=ActivityMode(self.mode),
            venue=self.venue,
            category=self.category,
            expected_attendance=self.expected_attendance,
        )
        return PlanActivity(plan=plan, occurred_at=self.occurred_at)


class HoldingBody(Body):
    """Record that the activity took place: who came, and which enterprises took part."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "held_on": "2026-03-16",
                    "attendance": 64,
                    "enterprises": ["91640104MA71TJ3Y8G", "91640500MA7272HDX6"],
                    "occurred_at": "2026-03-16T18:00:00+08:00",
                }
            ]
        }
    )

    held_on: date
    attendance: Annotated[
        int,
        Field(
            ge=1,
            le=100_000,
            strict=True,
            description="People who attended: at least one per participating enterprise",
        ),
    ]
    enterprises: Annotated[
        tuple[USCCField, ...],
        Field(
            max_length=4_000,
            description="USCCs of participating enterprises; repeats count once; "
            "at most 2,000 distinct",
        ),
    ] = ()
    occurred_at: ActivityOccurredAt = None

    def to_command(self, activity_id: UUID) -> StepActivity:
        holding = Holding(self.held_on, self.attendance, self.enterprises)
        step = Hold(holding=holding)
        return StepActivity(activity_id=activity_id, step=step, occurred_at=self.occurred_at)


class EvaluationBody(Body):
    """The participants' satisfaction survey: how many answered each rating, 1 to 5."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "counts": {"5": 30, "4": 10, "3": 2},
                    "comment": "讲解清楚，希望增加互动环节",
                    "occurred_at": "2026-03-17T10:00:00+08:00",
                }
            ]
        }
    )

    counts: Annotated[
        dict[
            Literal["1", "2", "3", "4", "5"],
            Annotated[int, Field(ge=0, le=100_000, strict=True)],
        ],
        Field(
            description="Answers per rating (1 very dissatisfied … 5 very satisfied); missing "
            "ratings had no answers; at least one answer, no more than the attendance"
        ),
    ]
    comment: LongText = ""
    occurred_at: ActivityOccurredAt = None

    def to_command(self, activity_id: UUID) -> StepActivity:
        evaluation = Evaluation({str(k): n for k, n in self.counts.items()}, self.comment)
        step = Evaluate(evaluation=evaluation)
        return StepActivity(activity_id=activity_id, step=step, occurred_at=self.occurred_at)


class ActivityCancellationBody(Body):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reason": "场地临时不可用，另行通知"}]}
    )

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    occurred_at: ActivityOccurredAt = None

    def to_command(self, activity_id: UUID) -> StepActivity:
        step = CancelActivity(reason=self.reason)
        return StepActivity(activity_id=activity_id, step=step, occurred_at=self.occurred_at)
