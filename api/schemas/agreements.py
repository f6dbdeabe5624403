"""Request bodies for service agreements (Art. 6.5, 9.6)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import AwareDatetime, ConfigDict, Field, StringConstraints

from api.schemas.common import Body, CategoryField, CommandBody, LongText, Reason, Text
from ledger.application.commands.agreements import (
    CountersignAgreement,
    CountersignAmendment,
    ProposeAgreement,
    ProposeAmendment,
    TerminateAgreement,
    WithdrawAmendment,
)
from ledger.domain.agreement_terms import Amendment, Terms

# The examples walk through one agreement on the example network: the window of the platform
# example proposes to the institution of the institution example (its id follows from its USCC).
EXAMPLE_INSTITUTION_ID = "091b6b27-df82-5309-bb81-1bb522f955c9"
EXAMPLE_SHA256 = "50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c"
EXAMPLE_AMENDED_SHA256 = "8b5b9db0c13db24256c829aa364aa90c6d2eba318b9232a4ab9313b954d3555f"

Sha256Field = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[0-9a-fA-F]{64}$"),
    Field(description="SHA-256 of the signed document, 64 hexadecimal characters"),
]
Scope = Annotated[
    list[CategoryField],
    Field(
        min_length=1,
        max_length=50,
        description="Service categories covered; a first-level code (e.g. 14) covers its items",
    ),
]
OccurredAt = Annotated[
    AwareDatetime | None,
    Field(
        description="When it happened in the world (business time), with an offset; defaults "
        "to the time of the request. Not in the future, not before the agreement's last step. "
        "Record an agreement signed earlier with the real signing time."
    ),
]


class AgreementProposal(Body):
    """The hub or a window proposes an agreement; the counterparty countersigns it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "counterparty_id": EXAMPLE_INSTITUTION_ID,
                    "external_ref": "YC-XY-2026-001",
                    "title": "知识产权与质量检测服务合作协议",
                    "categories": ["14"],
                    "starts_on": "2026-01-01",
                    "ends_on": "2027-12-31",
                    "document_sha256": EXAMPLE_SHA256,
                }
            ]
        }
    )

    counterparty_id: Annotated[
        UUID, Field(description="The other party: a platform's id or a registered institution's")
    ]
    external_ref: Annotated[
        str,
        StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,127}$"),
        Field(description="The proposer's own reference; the same one never proposes twice"),
    ]
    title: Text
    categories: Scope
    starts_on: Annotated[date, Field(description="First day of the term")]
    ends_on: Annotated[date, Field(description="Last day of the term (included)")]
    document_sha256: Sha256Field
    occurred_at: OccurredAt = None

    def to_command(self) -> ProposeAgreement:
        return ProposeAgreement(
            counterparty_id=self.counterparty_id,
            external_ref=self.external_ref,
            title=self.title,
            terms=Terms(tuple(self.categories), self.starts_on, self.ends_on, self.document_sha256),
            occurred_at=self.occurred_at,
        )


class CountersignatureBody(CommandBody):
    """The other party signs: it names the digest of the document it signed, which must be the
    one proposed."""

    command = CountersignAgreement

    model_config = ConfigDict(json_schema_extra={"examples": [{"document_sha256": EXAMPLE_SHA256}]})

    document_sha256: Sha256Field
    occurred_at: OccurredAt = None


class AmendmentBody(Body):
    """New terms; what is left out stays as agreed. They apply once the other party
    countersigns, from the day of that countersignature."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "categories": ["14", "15"],
                    "document_sha256": EXAMPLE_AMENDED_SHA256,
                    "note": "增加管理咨询服务",
                }
            ]
        }
    )

    categories: Scope | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    document_sha256: Annotated[
        Sha256Field | None, Field(description="SHA-256 of the amended document")
    ] = None
    note: LongText = ""
    occurred_at: OccurredAt = None

    def to_command(self, agreement_id: UUID) -> ProposeAmendment:
        amendment = Amendment(
            categories=self.categories,
            starts_on=self.starts_on,
            ends_on=self.ends_on,
            document_sha256=self.document_sha256,
            note=self.note,
        )
        return ProposeAmendment(
            agreement_id=agreement_id, amendment=amendment, occurred_at=self.occurred_at
        )


class AmendmentCountersignatureBody(CommandBody):
    command = CountersignAmendment

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"document_sha256": EXAMPLE_AMENDED_SHA256}]}
    )

    document_sha256: Sha256Field
    occurred_at: OccurredAt = None


class AmendmentWithdrawalBody(CommandBody):
    """Its proposer withdraws the pending amendment, or the other party declines it."""

    command = WithdrawAmendment

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "双方另行协商"}]})

    reason: Reason
    occurred_at: OccurredAt = None


class TerminationBody(CommandBody):
    """Either party ends the agreement from ``effective_on``: the first day it no longer
    applies (today or later)."""

    command = TerminateAgreement

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"reason": "合作期内服务质量未达约定", "effective_on": "2030-01-01"}]
        }
    )

    reason: Reason
    effective_on: Annotated[
        date, Field(description="First day on which the agreement no longer applies")
    ]
    occurred_at: OccurredAt = None
