"""Request bodies for the hub's entrustment of its operating institution (Art. 6.1, 12, 13)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from api.schemas.agreements import OccurredAt, Sha256Field
from api.schemas.common import Body, CommandBody, LongText, Reason, Text, USCCField
from ledger.application.commands.entrustments import (
    AcceptEntrustment,
    AppraiseOperator,
    MakeEntrustment,
    RenewEntrustment,
    TerminateEntrustment,
)
from ledger.domain.entrustment_terms import ExpertMarks, Term

# The examples walk one entrustment through its life: made, accepted, appraised, renewed.
EXAMPLE_OPERATOR_USCC = "91640100MA77000015"
EXAMPLE_SHA256 = "a14222cd9f31bc2781e06443c814f4dc03e8e14154ebb75c071c1a2b5ef4707d"
EXAMPLE_RENEWAL_SHA256 = "78bf8ee749fe16fd3d83c4e1f427cf3d38fc8714760afbda3b3cae1256fea340"

Score = Annotated[int, Field(ge=0, le=100)]


class EntrustmentBody(Body):
    """The hub entrusts an operating institution with its service hall, its online platform or
    both, for a term, under the agreement whose SHA-256 it gives."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "external_ref": "WT-YY-2026-001",
                    "operator_name": "宁夏中小企业服务运营有限公司",
                    "operator_uscc": EXAMPLE_OPERATOR_USCC,
                    "scope": "both",
                    "starts_on": "2026-01-01",
                    "ends_on": "2026-12-31",
                    "document_sha256": EXAMPLE_SHA256,
                }
            ]
        }
    )

    external_ref: Annotated[
        str,
        StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,127}$"),
        Field(description="The hub's own reference; the same one is never recorded twice"),
    ]
    operator_name: Text
    operator_uscc: USCCField
    scope: Annotated[
        Literal["service_hall", "online_platform", "both"],
        Field(description="What the operator runs: the service hall, the online platform, both"),
    ]
    starts_on: Annotated[date, Field(description="First day of the term")]
    ends_on: Annotated[date, Field(description="Last day of the term (included)")]
    document_sha256: Sha256Field
    occurred_at: OccurredAt = None

    def to_command(self) -> MakeEntrustment:
        return MakeEntrustment(
            external_ref=self.external_ref,
            operator_name=self.operator_name,
            operator_uscc=self.operator_uscc,
            scope=self.scope,
            term=Term(self.starts_on, self.ends_on, self.document_sha256),
            occurred_at=self.occurred_at,
        )


class EntrustmentAcceptance(CommandBody):
    """The operator signed: the hub gives the SHA-256 of the document it signed, which must be
    the one recorded."""

    command = AcceptEntrustment

    model_config = ConfigDict(json_schema_extra={"examples": [{"document_sha256": EXAMPLE_SHA256}]})

    document_sha256: Sha256Field
    occurred_at: OccurredAt = None


class ExpertMarksBody(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    expert_id: Annotated[UUID, Field(description="An active expert of the pool")]
    overall_operation: Score
    service_performance: Score
    use_of_funds: Score


class OperatorAppraisalBody(Body):
    """The operator's appraisal of a year that has ended: each expert of the panel (at least
    three) scores overall operation, service performance and use of funds from 0 to 100."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "year": 2026,
                    "marks": [
                        {
                            "expert_id": "0b5a8a1e-0c1e-5f43-9c4e-1b6f0d1e2a3b",
                            "overall_operation": 82,
                            "service_performance": 78,
                            "use_of_funds": 85,
                        }
                    ],
                    "note": "服务大厅运行平稳，线上平台按期上线",
                }
            ]
        }
    )

    year: Annotated[int, Field(ge=2018, le=2100)]
    marks: Annotated[list[ExpertMarksBody], Field(min_length=1, max_length=20)]
    note: LongText = ""
    occurred_at: OccurredAt = None

    def to_command(self, entrustment_id: UUID) -> AppraiseOperator:
        return AppraiseOperator(
            entrustment_id=entrustment_id,
            year=self.year,
            marks=tuple(
                ExpertMarks(m.expert_id, m.overall_operation, m.service_performance, m.use_of_funds)
                for m in self.marks
            ),
            note=self.note,
            occurred_at=self.occurred_at,
        )


class RenewalBody(CommandBody):
    """A new term from the day after the current one ends, under the renewed agreement the hub
    and the operator signed; only after an appraisal of 合格 or 优秀 for the last year ended."""

    command = RenewEntrustment

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"ends_on": "2027-12-31", "document_sha256": EXAMPLE_RENEWAL_SHA256}]
        }
    )

    ends_on: Annotated[date, Field(description="Last day of the new term (included)")]
    document_sha256: Sha256Field
    occurred_at: OccurredAt = None


class EntrustmentTerminationBody(CommandBody):
    """The hub ends the entrustment early from ``effective_on`` (today or later)."""

    command = TerminateEntrustment

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"reason": "运营机构严重违反委托运营协议", "effective_on": "2030-01-01"}]
        }
    )

    reason: Reason
    effective_on: Annotated[
        date, Field(description="First day on which the entrustment no longer applies")
    ]
    occurred_at: OccurredAt = None
