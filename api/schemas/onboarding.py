"""Request bodies for the expert pool (Art. 6.7) and window onboarding (Art. 10), and the
commands they ask for."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import ConfigDict, Field, StringConstraints

from api.schemas.common import (
    Body,
    CategoryField,
    CommandBody,
    LongText,
    OccurredAt,
    Reason,
    RegionField,
    Text,
    USCCField,
)
from ledger.application.commands.experts import DeactivateExpert, RegisterExpert
from ledger.application.commands.onboarding import (
    ApproveOnboarding,
    ConcludeOnboardingReview,
    ConnectOnboardedWindow,
    FileOnboardingObjection,
    PublishOnboardingNotice,
    RecordExpertReview,
    RejectOnboarding,
    ResolveOnboardingObjection,
    SubmitOnboardingApplication,
    WithdrawOnboarding,
)
from ledger.domain.public_notice import ObjectionOutcome

Reference = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,127}$"),
    Field(description="The hub's own reference; the same one never records a second time"),
]
Sha256Field = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9A-Fa-f]{64}$"),
    Field(description="SHA-256 of the document, as 64 hexadecimal characters"),
]
Categories = Annotated[list[CategoryField], Field(min_length=1, max_length=50)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


class ExpertRegistration(CommandBody):
    command = RegisterExpert

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "external_ref": "EXP-2026-001",
                    "name": "李明",
                    "fields": ["14", "140300"],
                    "organisation": "宁夏大学",
                    "title": "教授",
                }
            ]
        }
    )

    external_ref: Reference
    name: Text
    fields: Annotated[Categories, Field(description="Service categories of the expertise")]
    organisation: ShortText = ""
    title: Annotated[ShortText, Field(description="Professional title (职称)")] = ""
    occurred_at: OccurredAt = None


class ExpertDeactivation(CommandBody):
    command = DeactivateExpert

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "本人申请退出专家库"}]})

    reason: Reason
    occurred_at: OccurredAt = None


class OnboardingSubmission(CommandBody):
    """An application the hub received from an organisation that wants to run a window."""

    command = SubmitOnboardingApplication

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "external_ref": "ONB-2026-001",
                    "applicant_name": "固原市中小企业服务中心",
                    "uscc": "91640400MA76A1B2C9",
                    "region": "640400",
                    "categories": ["10", "13", "140300"],
                    "coverage": "固原市原州区、西吉县、隆德县",
                    "materials_sha256": "5f" * 32,
                }
            ]
        }
    )

    external_ref: Reference
    applicant_name: Text
    uscc: USCCField
    region: RegionField
    categories: Categories
    coverage: Annotated[LongText, Field(description="The area and enterprises it will serve")] = ""
    materials_sha256: Annotated[
        Sha256Field, Field(description="SHA-256 of the application materials as filed")
    ]
    occurred_at: OccurredAt = None


class ReviewBody(CommandBody):
    command = RecordExpertReview

    # The example names the expert of the registration example (EXP-2026-001).
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "expert_id": "e5617269-ce59-5ee3-90a9-1db8a4af3194",
                    "score": 82,
                    "opinion": "服务场地、人员配备符合要求",
                }
            ]
        }
    )

    expert_id: Annotated[UUID, Field(description="An active expert of the pool")]
    score: Annotated[int, Field(ge=0, le=100, strict=True)]
    opinion: LongText = ""
    occurred_at: OccurredAt = None


class ReviewConclusionBody(CommandBody):
    command = ConcludeOnboardingReview

    model_config = ConfigDict(json_schema_extra={"examples": [{"opinion": "专家组同意报批"}]})

    opinion: LongText = ""
    occurred_at: OccurredAt = None


class ApprovalBody(CommandBody):
    command = ApproveOnboarding

    model_config = ConfigDict(json_schema_extra={"examples": [{"note": "同意接入，予以公示"}]})

    note: LongText = ""
    occurred_at: OccurredAt = None


class RejectionBody(CommandBody):
    command = RejectOnboarding

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reasons": "专业服务人员不足，服务能力未达要求"}]}
    )

    reasons: Reason
    occurred_at: OccurredAt = None


class NoticeBody(CommandBody):
    command = PublishOnboardingNotice

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "starts_on": "2026-03-03",
                    "ends_on": "2026-03-09",
                    "channel": "https://www.nxsme.gov.cn/gs/2026-001",
                }
            ]
        }
    )

    starts_on: Annotated[date, Field(description="First day of the notice (Ningxia date)")]
    ends_on: Annotated[date, Field(description="Last day, included; at least 5 days in all")]
    channel: Annotated[Text, Field(description="Where the notice is published")]
    occurred_at: OccurredAt = None


class ObjectionBody(CommandBody):
    command = FileOnboardingObjection

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"objector": "匿名", "grounds": "申报的服务场地实际未投入使用"}]
        }
    )

    objector: Annotated[
        ShortText, Field(description="Who objected, no more than identifies them (PIPL)")
    ] = ""
    grounds: Reason
    evidence_sha256: Sha256Field | None = None
    occurred_at: OccurredAt = None


class ObjectionResolutionBody(Body):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"outcome": "dismissed", "reasons": "经实地核查，服务场地已投入使用"}]
        }
    )

    outcome: Literal["upheld", "dismissed"]
    reasons: Reason
    occurred_at: OccurredAt = None

    def to_command(self, application_id: UUID, number: int) -> ResolveOnboardingObjection:
        return ResolveOnboardingObjection(
            application_id=application_id,
            number=number,
            outcome=ObjectionOutcome(self.outcome),
            reasons=self.reasons,
            occurred_at=self.occurred_at,
        )


class ConnectionBody(CommandBody):
    command = ConnectOnboardedWindow

    model_config = ConfigDict(json_schema_extra={"examples": [{}]})

    occurred_at: OccurredAt = None


class WithdrawalBody(CommandBody):
    command = WithdrawOnboarding

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "申请单位书面申请撤回"}]})

    reason: Reason
    occurred_at: OccurredAt = None
