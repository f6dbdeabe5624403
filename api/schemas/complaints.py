"""Bodies of the complaint and violation routes (Art. 15), and the commands they ask for."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import ConfigDict, Field

from api.schemas.common import CommandBody, LongText, OccurredAt, Reason, USCCField
from api.schemas.onboarding import Reference, Sha256Field
from ledger.application.commands.complaints import (
    AcceptComplaint,
    ConcludeComplaint,
    DismissComplaint,
    LodgeComplaint,
    OrderCorrection,
    RecordCorrection,
    RecordNotCorrected,
    RecordViolation,
    RespondToComplaint,
)
from ledger.domain.complaint import ComplaintCategory
from ledger.domain.violation import Severity

Statement = Annotated[str, Field(min_length=1, max_length=4000)]
_SUBJECT = "2f1c5a8e-4b7d-5e21-9c3a-7d4e8f0a1b2c"


class ComplaintLodging(CommandBody):
    """A complaint against a platform or an institution, as the hub (or the bureau) records it."""

    command = LodgeComplaint

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "external_ref": "TS-2026-0001",
                    "subject_id": _SUBJECT,
                    "complainant_uscc": "91640100MA75Y0QJ7U",
                    "category": "fees",
                    "summary": "窗口平台对标注为公益的政策咨询收取了服务费",
                    "evidence_sha256": "5d" * 32,
                    "occurred_at": "2026-03-01T10:00:00+08:00",
                },
                {
                    "external_ref": "TS-2026-0002",
                    "subject_id": _SUBJECT,
                    "category": "service_quality",
                    "summary": "来电反映：预约的上门服务两次未到",
                },
            ]
        }
    )

    external_ref: Reference
    subject_id: Annotated[
        UUID, Field(description="The platform (hub or window) or institution complained about")
    ]
    category: ComplaintCategory
    summary: Statement
    complainant_uscc: Annotated[
        USCCField | None,
        Field(description="The complaining enterprise; none: recorded on someone's behalf"),
    ] = None
    evidence_sha256: Sha256Field | None = None
    occurred_at: OccurredAt = None


class ComplaintAcceptance(CommandBody):
    command = AcceptComplaint

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"response_due_on": "2026-03-20", "note": "受理，请被投诉方说明情况"}, {}]
        }
    )

    response_due_on: Annotated[
        date | None,
        Field(description="The day the subject answers by (default: 15 days after acceptance)"),
    ] = None
    note: LongText = ""
    occurred_at: OccurredAt = None


class ComplaintDismissal(CommandBody):
    command = DismissComplaint

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reasons": "投诉事项不属于平台网络服务范围"}]}
    )

    reasons: Reason
    occurred_at: OccurredAt = None


class ComplaintResponse(CommandBody):
    command = RespondToComplaint

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"statement": "经核查，该笔收费系误收，已于3月5日退还企业"}]
        }
    )

    statement: Statement
    evidence_sha256: Sha256Field | None = None
    occurred_at: OccurredAt = None


class ComplaintConclusion(CommandBody):
    command = ConcludeComplaint

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"upheld": True, "findings": "公益服务收费属实，违反服务协议约定"},
                {"upheld": False, "findings": "服务按协议提供，投诉事项不成立"},
            ]
        }
    )

    upheld: bool
    findings: Statement
    occurred_at: OccurredAt = None


class ViolationRecord(CommandBody):
    """A violation, found on an upheld complaint (``complaint_id``) or by inspection."""

    command = RecordViolation

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "external_ref": "WG-2026-0001",
                    "subject_id": _SUBJECT,
                    "complaint_id": "8a0e6c1d-2f3b-5a47-8e9d-1c2b3a4d5e6f",
                    "description": "对公益服务收取费用",
                    "severity": "minor",
                },
                {
                    "external_ref": "WG-2026-0002",
                    "subject_id": _SUBJECT,
                    "found_on": "2026-03-01",
                    "description": "年度检查发现服务台账缺失",
                    "severity": "serious",
                },
            ]
        }
    )

    external_ref: Reference
    subject_id: Annotated[UUID, Field(description="The platform or institution that violated")]
    description: Statement
    severity: Literal["minor", "serious"]
    found_on: Annotated[
        date | None, Field(description="The day it was found (default: the day of occurred_at)")
    ] = None
    complaint_id: Annotated[
        UUID | None, Field(description="The upheld complaint it was found on; none: inspection")
    ] = None
    occurred_at: OccurredAt = None

    def to_command(self) -> RecordViolation:
        return RecordViolation(
            external_ref=self.external_ref,
            subject_id=self.subject_id,
            description=self.description,
            severity=Severity(self.severity),
            found_on=self.found_on,
            complaint_id=self.complaint_id,
            occurred_at=self.occurred_at,
        )


class CorrectionOrder(CommandBody):
    command = OrderCorrection

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"action": "退还所收费用并整改收费公示", "deadline": "2026-04-30"}]
        }
    )

    action: Statement
    deadline: date
    occurred_at: OccurredAt = None


class CorrectionRecord(CommandBody):
    command = RecordCorrection

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"note": "已退费，收费公示已更新，复查通过"}]}
    )

    note: Statement
    occurred_at: OccurredAt = None


class NotCorrectedRecord(CommandBody):
    command = RecordNotCorrected

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reasons": "逾期未整改，复查仍未退费"}]}
    )

    reasons: Reason
    occurred_at: OccurredAt = None
