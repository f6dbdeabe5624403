"""Bodies of the publication routes (content review, Art. 6.2), and the commands they ask for."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints

from api.schemas.common import Body, CategoryField, CommandBody, LongText, OccurredAt, Reason, Text
from api.schemas.onboarding import Sha256Field
from ledger.application.commands.publications import (
    ApprovePublication,
    PublishPublication,
    RejectPublication,
    SubmitPublication,
    WithdrawPublication,
)
from ledger.domain.publication import PublicationKind

PublicationText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000)]


class PublicationSubmission(Body):
    """Submit a text (``body``) or a document (``content_sha256`` and ``summary``) for review."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "external_ref": "PUB-2026-0001",
                    "kind": "policy",
                    "title": "2026年中小企业技术改造补助申报指南",
                    "body": "申报对象为区内中小企业，申报时间为3月10日至4月10日……",
                    "category": "100200",
                },
                {
                    "external_ref": "PUB-2026-0002",
                    "kind": "notice",
                    "title": "关于举办2026年创业训练营的通知",
                    "content_sha256": "9c" * 32,
                    "summary": "通知全文见附件（PDF）",
                },
            ]
        }
    )

    external_ref: Annotated[
        str,
        StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,127}$"),
        Field(description="The platform's own reference; the same one never submits twice"),
    ]
    kind: Literal["policy", "news", "notice", "service"]
    title: Text
    body: PublicationText = ""
    content_sha256: Sha256Field | None = None
    summary: LongText = ""
    category: CategoryField | None = None
    occurred_at: OccurredAt = None

    def to_command(self) -> SubmitPublication:
        return SubmitPublication(
            external_ref=self.external_ref,
            kind=PublicationKind(self.kind),
            title=self.title,
            body=self.body,
            content_sha256=self.content_sha256,
            summary=self.summary,
            category=self.category,
            occurred_at=self.occurred_at,
        )


class PublicationApproval(CommandBody):
    command = ApprovePublication

    model_config = ConfigDict(json_schema_extra={"examples": [{"note": "内容合法合规"}]})

    note: LongText = ""
    occurred_at: OccurredAt = None


class PublicationRejection(CommandBody):
    command = RejectPublication

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reasons": "补助标准与正式文件不一致，请核对后重新提交"}]}
    )

    reasons: Reason
    occurred_at: OccurredAt = None


class PublishingBody(CommandBody):
    command = PublishPublication

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"channel": "https://www.nxsme.gov.cn/news/2026-0001"}]}
    )

    channel: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=500),
        Field(description="Where it is published (address or channel)"),
    ] = ""
    occurred_at: OccurredAt = None


class PublicationWithdrawal(CommandBody):
    command = WithdrawPublication

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "政策已调整，信息过时"}]})

    reason: Reason
    occurred_at: OccurredAt = None
