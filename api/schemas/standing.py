"""Request bodies for orderly entry and exit (Art. 13), and the standing steps they ask for."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints

from api.schemas.common import Body, LongText, OccurredAt, Text
from ledger.application.commands.standing import (
    CompleteRectification,
    FailRecheck,
    GrantPrioritySupport,
    OrderRectification,
    RequestRevocation,
    Revoke,
)

Reasons = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class PrioritySupportBody(Body):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"year": 2026, "citation": "2025年度绩效考核：优秀", "note": "优先扶持"}]
        }
    )

    year: Annotated[int, Field(ge=2018, le=2100, strict=True)]
    citation: Text
    note: LongText = ""
    occurred_at: OccurredAt = None

    def to_step(self) -> GrantPrioritySupport:
        return GrantPrioritySupport(year=self.year, citation=self.citation, note=self.note)


class RectificationOrderBody(Body):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "deadline": "2030-06-30",
                    "reasons": "服务企业数量、满意度未达考核要求",
                    "citation": "2025年度绩效考核：不合格",
                }
            ]
        }
    )

    deadline: date
    reasons: Reasons
    citation: Text
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

    reasons: Reasons
    occurred_at: OccurredAt = None

    def to_step(
        self, step: type[FailRecheck | RequestRevocation | Revoke]
    ) -> FailRecheck | RequestRevocation | Revoke:
        """The same body fails a re-check, requests revocation or revokes (``step`` says)."""
        return step(reasons=self.reasons)
