"""Bodies of the data report routes, and the commands they ask for."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import AwareDatetime, ConfigDict, Field, StrictInt, StringConstraints

from api.schemas.common import Body, LongText
from ledger.application.commands.data_reports import (
    Accept,
    RequestReport,
    ReturnToWindow,
    StepReport,
    Submit,
)
from ledger.domain.data_report import Submission, parse_period

ReportOccurredAt = Annotated[
    AwareDatetime | None,
    Field(
        description="When it happened in the world (business time), with an offset; defaults "
        "to the time of the request. Its date in China Standard Time decides lateness."
    ),
]


class ReportRequest(Body):
    """The hub asks a window for its report on a period.

    The examples name the window of the platform-registration example (USCC
    91640100MA7AY4CL31), so they work on a network where that example was sent.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"window_id": "b22781f3-55e3-5a6e-960b-852ee75fbbc9", "period": "2026-03"},
                {
                    "window_id": "b22781f3-55e3-5a6e-960b-852ee75fbbc9",
                    "period": "2026-Q1",
                    "due_on": "2026-04-20",
                },
            ]
        }
    )

    window_id: Annotated[UUID, Field(description="The window platform that reports")]
    period: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=16),
        Field(description='A month such as "2026-03" or a quarter such as "2026-Q1"'),
    ]
    due_on: Annotated[
        date | None,
        Field(
            description="Default: the 10th of the next month (monthly) or the 15th of the month "
            "after the quarter (quarterly). After the period, within 366 days of its end, "
            "not before today."
        ),
    ] = None
    occurred_at: ReportOccurredAt = None

    def to_command(self) -> RequestReport:
        """Refuses a period that is not one before anything is looked up."""
        return RequestReport(
            window_id=self.window_id,
            period=parse_period(self.period),
            due_on=self.due_on,
            occurred_at=self.occurred_at,
        )


class SubmissionBody(Body):
    """The window's report: named counts, the SHA-256 of the report file, or both."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "figures": {
                        "enterprises_served": 152,
                        "service_cases": 310,
                        "free_service_cases": 96,
                        "activities_held": 3,
                    },
                    "document_sha256": (
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                    ),
                }
            ]
        }
    )

    figures: Annotated[
        dict[Annotated[str, StringConstraints(max_length=64)], StrictInt],
        Field(
            default_factory=dict,
            description="Up to 32 counts by snake_case name (e.g. enterprises_served), "
            "each a whole number from 0",
        ),
    ]
    document_sha256: Annotated[
        str | None,
        StringConstraints(strip_whitespace=True, max_length=64),
        Field(description="SHA-256 of the submitted report file, 64 hexadecimal characters"),
    ] = None
    occurred_at: ReportOccurredAt = None

    def to_command(self, report_id: UUID) -> StepReport:
        step = Submit(submission=Submission(dict(self.figures), self.document_sha256))
        return StepReport(report_id=report_id, step=step, occurred_at=self.occurred_at)


class AcceptanceBody(Body):
    model_config = ConfigDict(json_schema_extra={"examples": [{"note": "数据完整，予以采纳"}]})

    note: LongText = ""
    occurred_at: ReportOccurredAt = None

    def to_command(self, report_id: UUID) -> StepReport:
        step = Accept(note=self.note)
        return StepReport(report_id=report_id, step=step, occurred_at=self.occurred_at)


class ReturnBody(Body):
    """Send the report back to the window, saying what to correct."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"reasons": ["缺少服务企业名单附件", "免费服务数量与明细不符"]}]
        }
    )

    reasons: Annotated[
        list[Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]],
        Field(min_length=1, max_length=20, description="What to correct, one item each"),
    ]
    occurred_at: ReportOccurredAt = None

    def to_command(self, report_id: UUID) -> StepReport:
        step = ReturnToWindow(reasons=tuple(self.reasons))
        return StepReport(report_id=report_id, step=step, occurred_at=self.occurred_at)
