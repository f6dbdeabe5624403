"""Request bodies for orderly entry and exit (Art. 13), and the standing steps they ask for."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints

from api.schemas.common import Body, LongText, OccurredAt, Reason
from ledger.application.commands.standing import (
    CompleteRectification,
    DeclinePrioritySupport,
    FailRecheck,
    GrantPrioritySupport,
    OrderRectification,
    ProposePrioritySupport,
    RequestRevocation,
    Revoke,
)


class PrioritySupportBody(Body):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "year": 2026,
                    "citation": "appraisal:3f0e8b1c-6a4d-5e2f-9b7a-1c2d3e4f5a6b",
                    "note": "2025年度考核优秀，优先扶持",
                }
            ]
        }
    )

    year: Annotated[int, Field(ge=2018, le=2100, strict=True)]
    citation: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
        Field(description="appraisal:<id> of the subject's concluded 优秀 appraisal of year - 1"),
    ]
    note: LongText = ""
    occurred_at: OccurredAt = None

    def to_step(
        self, step: type[ProposePrioritySupport | GrantPrioritySupport]
    ) -> ProposePrioritySupport | GrantPrioritySupport:
        """The same body proposes or grants priority support (``step`` says)."""
        return step(year=self.year, citation=self.citation, note=self.note)


class PrioritySupportRefusalBody(Body):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"year": 2026, "reasons": "本年度扶持资金已安排完毕"}]}
    )

    year: Annotated[int, Field(ge=2018, le=2100, strict=True)]
    reasons: Reason
    occurred_at: OccurredAt = None

    def to_step(self) -> DeclinePrioritySupport:
        return DeclinePrioritySupport(year=self.year, reasons=self.reasons)


class RectificationOrderBody(Body):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "deadline": "2030-06-30",
                    "reasons": "服务企业数量、满意度未达考核要求",
                    "citation": "reason:data_reports_late",
                }
            ]
        }
    )

    deadline: date
    reasons: Reason
    citation: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
        Field(
            description="appraisal:<id> of the subject's concluded 不合格 appraisal, or a listed "
            "ground: reason:data_reports_late, reason:complaints_upheld, "
            "reason:inspection_findings, reason:funds_misused, reason:service_interrupted"
        ),
    ]
    occurred_at: OccurredAt = None

    def to_step(self) -> OrderRectification:
        return OrderRectification(
            deadline=self.deadline, reasons=self.reasons, citation=self.citation
        )


class RectificationCompletionBody(Body):
    model_config = ConfigDict(json_schema_extra={"examples": [{"note": "复查合格"}]})

    note: LongText = ""
    occurred_at: OccurredAt = None

    def to_step(self) -> CompleteRectification:
        return CompleteRectification(note=self.note)


class ReasonsBody(Body):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reasons": "限期整改后复查仍不合格"}]}
    )

    reasons: Reason
    occurred_at: OccurredAt = None

    def to_step(
        self, step: type[FailRecheck | RequestRevocation | Revoke]
    ) -> FailRecheck | RequestRevocation | Revoke:
        """The same body fails a re-check, requests revocation or revokes (``step`` says)."""
        return step(reasons=self.reasons)
