"""Bodies of the training routes (Art. 6.7) and the alliance routes (Art. 6.8)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from pydantic import ConfigDict, Field, JsonValue, StringConstraints

from api.schemas.common import Body, CommandBody, LongText, OccurredAt, Reason, Text
from api.schemas.onboarding import Reference
from ledger.application.commands.activities import MarkAllianceActivity
from ledger.application.commands.training import (
    AmendRoster,
    CancelTraining,
    CloseTraining,
    JoinAlliance,
    LeaveAlliance,
    PlanTraining,
    RecordRoster,
    ReturnToAlliance,
    RosterEntry,
)
from ledger.domain.training import MAX_TRAINEES, TraineeResult, TrainingCategory

Hours = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{1,4}(\.[0-9])?$"),
    Field(description='Hours (学时) as a string, at most one decimal, e.g. "6.5"'),
]
_HUB = "5b0c7e2a-1d3f-5e4a-9b8c-7d6e5f4a3b2c"
_WINDOW = "a9051598-95b8-5542-b723-f862b0a97597"
_INSTITUTION = "3c2d1e0f-4a5b-5c6d-8e7f-9a0b1c2d3e4f"


class TraineeBody(Body):
    """One trainee: whose staff, name and role only (no telephone or identity number)."""

    participant_id: Annotated[
        UUID, Field(description="The platform or institution whose staff the trainee is")
    ]
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
    role: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] = ""
    hours: Hours
    result: TraineeResult

    def entry(self) -> RosterEntry:
        return RosterEntry(
            participant_id=self.participant_id,
            name=self.name,
            role=self.role,
            hours=Decimal(self.hours),
            result=self.result,
        )


Roster = Annotated[list[TraineeBody], Field(min_length=1, max_length=MAX_TRAINEES)]
_ROSTER: list[JsonValue] = [
    {"participant_id": _WINDOW, "name": "马晓兰", "role": "服务专员", "hours": "12",
     "result": "passed"},
    {"participant_id": _INSTITUTION, "name": "杨志军", "role": "项目经理", "hours": "8.5",
     "result": "failed"},
    {"participant_id": _WINDOW, "name": "李娜", "role": "咨询顾问", "hours": "0",
     "result": "absent"},
]  # fmt: skip


class TrainingPlanning(CommandBody):
    """A training of the key's platform: the hub's for the network, a window's for its staff."""

    command = PlanTraining

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "external_ref": "PX-2026-003",
                    "title": "2026年平台网络服务人员政策业务培训",
                    "category": "policy",
                    "starts_on": "2026-04-14",
                    "ends_on": "2026-04-15",
                    "hours": "12",
                    "occurred_at": "2026-03-20T09:00:00+08:00",
                }
            ]
        }
    )

    external_ref: Reference
    title: Text
    category: TrainingCategory
    starts_on: date
    ends_on: date
    hours: Hours
    occurred_at: OccurredAt = None

    def to_command(self) -> PlanTraining:
        return PlanTraining(
            external_ref=self.external_ref,
            title=self.title,
            category=self.category,
            starts_on=self.starts_on,
            ends_on=self.ends_on,
            hours=Decimal(self.hours),
            occurred_at=self.occurred_at,
        )


class RosterBody(Body):
    """Who attended the held training, for how long, and each one's assessment."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"roster": _ROSTER}]})

    roster: Roster
    occurred_at: OccurredAt = None

    def to_command(self, training_id: UUID) -> RecordRoster:
        return RecordRoster(
            training_id=training_id,
            roster=tuple(t.entry() for t in self.roster),
            occurred_at=self.occurred_at,
        )


class RosterAmendmentBody(Body):
    """The whole roster anew, with the reasons for the correction."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"roster": _ROSTER[:2], "reasons": "李娜未报名，误列入名单"}]
        }
    )

    roster: Roster
    reasons: Reason
    occurred_at: OccurredAt = None

    def to_command(self, training_id: UUID) -> AmendRoster:
        return AmendRoster(
            training_id=training_id,
            roster=tuple(t.entry() for t in self.roster),
            reasons=self.reasons,
            occurred_at=self.occurred_at,
        )


class TrainingClosure(CommandBody):
    command = CloseTraining

    model_config = ConfigDict(json_schema_extra={"examples": [{"note": "名单核对无误，归档"}, {}]})

    note: LongText = ""
    occurred_at: OccurredAt = None


class TrainingCancellation(CommandBody):
    command = CancelTraining

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reasons": "授课专家临时无法到场，另行安排"}]}
    )

    reasons: Reason
    occurred_at: OccurredAt = None


class AllianceJoining(CommandBody):
    """A platform or an institution joins the service alliance (the hub records it)."""

    command = JoinAlliance

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"member_id": _WINDOW, "joined_on": "2026-01-01", "note": "首批成员单位"},
                {"member_id": _HUB, "joined_on": "2026-01-01"},
            ]
        }
    )

    member_id: Annotated[UUID, Field(description="The platform or institution that joins")]
    joined_on: Annotated[date, Field(description="The first day it is a member")]
    note: LongText = ""
    occurred_at: OccurredAt = None


class AllianceLeaving(CommandBody):
    command = LeaveAlliance

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"left_on": "2026-07-01", "reasons": "申请退出联盟"}]}
    )

    left_on: Annotated[date, Field(description="The first day it is no longer a member")]
    reasons: Reason
    occurred_at: OccurredAt = None


class AllianceReturn(CommandBody):
    command = ReturnToAlliance

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"joined_on": "2026-10-01", "note": "重新加入"}]}
    )

    joined_on: Annotated[date, Field(description="The first day it is a member again")]
    note: LongText = ""
    occurred_at: OccurredAt = None


class AllianceMarking(CommandBody):
    """The hub marks an activity of an alliance member as an alliance activity."""

    command = MarkAllianceActivity

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"note": "联盟成员单位交流活动"}, {}]}
    )

    note: LongText = ""
    occurred_at: OccurredAt = None
