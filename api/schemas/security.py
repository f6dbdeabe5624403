"""Bodies of a platform's security file: grading, inspections, rectification, incidents."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar

from pydantic import ConfigDict, Field, StringConstraints

from api.schemas.common import CommandBody, OccurredAt
from ledger.application.commands.security import (
    CloseIncident,
    GradeSecurity,
    RecordInspection,
    RectifyFindings,
    ReportIncident,
)
from ledger.domain.security import Severity

Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class GradingBody(CommandBody):
    """The platform's classified protection grading (等级保护定级备案), graded on the business day
    of ``occurred_at`` (today by default); a regrading replaces the one before."""

    command: ClassVar = GradeSecurity
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"level": 2, "filing_number": "64010099001-25001", "next_review_on": "2027-06-30"}
            ]
        }
    )

    level: Annotated[int, Field(strict=True, description="1 to 5 (GB/T 22239)")]
    filing_number: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=64),
        Field(description="The filing number the public security organ gave (备案编号)"),
    ] = ""
    next_review_on: Annotated[date, Field(description="When the next review (测评) is due")]
    occurred_at: OccurredAt = None


class InspectionBody(CommandBody):
    """An inspection of the platform: its findings (none: the inspection found nothing) and the
    deadline by which they are rectified."""

    command: ClassVar = RecordInspection
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "findings": ["弱口令：后台管理账户未启用双因素认证", "日志留存不足六个月"],
                    "deadline": "2026-04-30",
                }
            ]
        }
    )

    findings: Annotated[
        list[Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]],
        Field(max_length=50, default_factory=list),
    ]
    deadline: date | None = None
    occurred_at: OccurredAt = None


class RectificationBody(CommandBody):
    """The findings of the inspection rectified (整改完成), on the business day given."""

    command: ClassVar = RectifyFindings
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"note": "已启用双因素认证；日志改为集中留存十二个月"}]}
    )

    note: Note
    occurred_at: OccurredAt = None


class IncidentBody(CommandBody):
    """A security incident (安全事件) of the platform, as its business time says it happened."""

    command: ClassVar = ReportIncident
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "severity": "general",
                    "summary": "门户网站遭受扫描探测，未造成数据泄露",
                    "personal_data_involved": False,
                }
            ]
        }
    )

    severity: Annotated[str, Field(description="One of: " + ", ".join(s.value for s in Severity))]
    summary: Note
    personal_data_involved: bool = False
    occurred_at: OccurredAt = None


class IncidentClosureBody(CommandBody):
    """The incident handled: the measures taken and to whom it was reported, if anyone."""

    command: ClassVar = CloseIncident
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"measures": "封禁来源地址，升级防火墙规则", "reported_to": "银川市网信办"}
            ]
        }
    )

    measures: Note
    reported_to: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    occurred_at: OccurredAt = None
