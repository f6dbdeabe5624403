"""Request bodies for appraisals, and the commands they ask for."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import ConfigDict, Field

from api.schemas.common import Body, CommandBody, LongText, Reason
from ledger.application.commands.appraisals import (
    AddExpertScore,
    ConcludeAppraisal,
    RecordAppraisal,
    SupersedeAppraisal,
)
from ledger.domain.schemes import Scheme


class AppraisalRun(Body):
    """Compute the appraisals of ``year`` for every subject of a kind (or one subject)."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"year": 2025, "subject_kind": "window"}]}
    )

    year: Annotated[int, Field(ge=2018, le=2100, strict=True)]
    subject_kind: Literal["window", "institution", "hub"]
    subject_id: UUID | None = None
    as_on: date | None = Field(
        None,
        description="The day figures are read as on (reports due by then count); defaults to "
        "31 January of the next year, or today if earlier.",
    )

    def to_command(
        self,
        subject_id: UUID,
        figures: dict[str, Any],
        *,
        scheme: Scheme,
        position: int,
        as_on: date,
        occurred_at: datetime,
    ) -> RecordAppraisal:
        """The appraisal of one subject of the run, from its figures read at ``position``."""
        return RecordAppraisal(
            subject_id=subject_id,
            year=self.year,
            scheme=scheme,
            position=position,
            as_on=as_on,
            figures=figures,
            occurred_at=occurred_at,
        )


class ExpertScoreBody(CommandBody):
    command = AddExpertScore

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "expert_id": "0b5a8a1e-0c1e-5f43-9c4e-1b6f0d1e2a3b",
                    "score": 85,
                    "opinion": "服务体系健全，活动组织规范",
                }
            ]
        }
    )

    expert_id: UUID
    score: Annotated[int, Field(ge=0, le=100, strict=True)]
    opinion: LongText = ""


class ConclusionBody(CommandBody):
    command = ConcludeAppraisal

    model_config = ConfigDict(json_schema_extra={"examples": [{}]})


class SupersessionBody(CommandBody):
    command = SupersedeAppraisal

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reason": "考核数据口径有误，重新考核"}]}
    )

    reason: Reason
