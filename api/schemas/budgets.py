"""Request bodies for budgets and disbursements. Money is a string: never a JSON number."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import ConfigDict, Field, JsonValue, StringConstraints

from api.schemas.common import Body, CommandBody, LongText, MoneyField, OccurredAt, Reason, Text
from ledger.application.commands.budgets import (
    AdjustBudgetLine,
    ApproveBudget,
    ProposeBudget,
    ReviseBudget,
)
from ledger.application.commands.disbursements import (
    ApproveDisbursement,
    CarryOverDisbursement,
    RecordPayment,
    RejectDisbursement,
    RequestDisbursement,
    ReverseDisbursement,
)
from ledger.domain import funds
from ledger.domain.disbursement import DisbursementRequest, ReversalKind
from ledger.domain.funds import ExpenseCategory

YearField = Annotated[
    int,
    Field(
        ge=2018,
        le=2100,
        strict=True,
        description="Budget year; up to next year (the Measures took effect in 2018)",
    ),
]
LineCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$"),
    Field(description="The line's code, unique within the budget (case-insensitive), e.g. L01"),
]
Voucher = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[0-9a-fA-F]{64}$"),
    Field(description="SHA-256 (64 hex characters) of the voucher document: invoice, contract"),
]
ApprovedMoney = Annotated[
    MoneyField,
    Field(description='Approved amount in yuan as a string, e.g. "800000.00"; "0.00" refuses'),
]

_LINES_EXAMPLE: list[JsonValue] = [
    {
        "code": "L01",
        "category": "platform_operation",
        "description": "服务大厅及平台运营维护",
        "amount": "600000.00",
    },
    {
        "code": "L02",
        "category": "service_purchase",
        "description": "购买专业服务机构服务",
        "amount": "300000.00",
    },
    {"code": "L03", "category": "equipment", "description": "平台升级改造", "amount": "100000.00"},
]


class BudgetLineBody(Body):
    code: LineCode
    category: Annotated[ExpenseCategory, Field(description="What the line pays for")]
    description: Text
    amount: MoneyField

    def to_proposal(self) -> funds.LineProposal:
        return funds.LineProposal(self.code, self.category.value, self.description, self.amount)


BudgetLines = Annotated[list[BudgetLineBody], Field(min_length=1, max_length=100)]


class BudgetProposal(Body):
    """The hub's annual operating budget; the hub is the platform of the key."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"year": 2026, "lines": _LINES_EXAMPLE}]}
    )

    year: YearField
    lines: BudgetLines
    occurred_at: OccurredAt = None

    def to_command(self) -> ProposeBudget:
        return ProposeBudget(
            year=self.year,
            lines=tuple(x.to_proposal() for x in self.lines),
            occurred_at=self.occurred_at,
        )


class BudgetRevision(Body):
    """Every line of the proposal, replacing the ones proposed before."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "lines": [
                        _LINES_EXAMPLE[0],
                        {
                            "code": "L02",
                            "category": "service_purchase",
                            "description": "购买专业服务机构服务（含知识产权、融资服务）",
                            "amount": "280000.00",
                        },
                        _LINES_EXAMPLE[2],
                    ]
                }
            ]
        }
    )

    lines: BudgetLines
    occurred_at: OccurredAt = None

    def to_command(self, budget_id: UUID) -> ReviseBudget:
        return ReviseBudget(
            budget_id=budget_id,
            lines=tuple(x.to_proposal() for x in self.lines),
            occurred_at=self.occurred_at,
        )


class LineDecision(Body):
    code: LineCode
    approved_amount: ApprovedMoney

    def to_decision(self) -> funds.LineDecision:
        return funds.LineDecision(self.code, self.approved_amount)


class BudgetApproval(Body):
    """The bureau's decision on every line: at most the proposed amount, "0.00" to refuse it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "lines": [
                        {"code": "L01", "approved_amount": "600000.00"},
                        {"code": "L02", "approved_amount": "250000.00"},
                        {"code": "L03", "approved_amount": "0.00"},
                    ],
                    "note": "L03 并入下一年度预算",
                }
            ]
        }
    )

    lines: Annotated[list[LineDecision], Field(min_length=1, max_length=100)]
    note: LongText = ""
    occurred_at: OccurredAt = None

    def to_command(self, budget_id: UUID) -> ApproveBudget:
        decisions = tuple(x.to_decision() for x in self.lines)
        return ApproveBudget(
            budget_id=budget_id, decisions=decisions, note=self.note, occurred_at=self.occurred_at
        )


class LineAdjustment(Body):
    """The bureau changes one line's approved amount, never below what the line already uses."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"code": "L02", "approved_amount": "280000.00", "reason": "年中预算调整"}]
        }
    )

    code: LineCode
    approved_amount: ApprovedMoney
    reason: Reason
    occurred_at: OccurredAt = None

    def to_command(self, budget_id: UUID) -> AdjustBudgetLine:
        return AdjustBudgetLine(
            budget_id=budget_id,
            line_code=self.code,
            approved_amount=self.approved_amount,
            reason=self.reason,
            occurred_at=self.occurred_at,
        )


class DisbursementRequestBody(Body):
    """A disbursement from a line of the hub's budget for ``year``."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "year": 2026,
                    "line_code": "L01",
                    "amount": "12500.00",
                    "payee": "宁夏云联信息技术有限公司",
                    "purpose": "2026年第一季度平台服务器托管费",
                    "voucher_sha256": (
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                    ),
                }
            ]
        }
    )

    year: YearField
    line_code: LineCode
    amount: MoneyField
    payee: Text
    purpose: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    voucher_sha256: Voucher
    occurred_at: OccurredAt = None

    def to_command(self) -> RequestDisbursement:
        request = DisbursementRequest(
            line_code=self.line_code,
            amount=self.amount,
            payee=self.payee,
            purpose=self.purpose,
            voucher_sha256=self.voucher_sha256,
        )
        return RequestDisbursement(year=self.year, request=request, occurred_at=self.occurred_at)


class DisbursementApproval(CommandBody):
    command = ApproveDisbursement

    model_config = ConfigDict(json_schema_extra={"examples": [{"note": "凭证齐全，同意拨付"}]})

    note: LongText = ""
    occurred_at: OccurredAt = None


class DisbursementRejection(CommandBody):
    command = RejectDisbursement

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reasons": ["发票抬头与收款单位不一致"]}]}
    )

    reasons: Annotated[list[Reason], Field(min_length=1, max_length=20)]
    occurred_at: OccurredAt = None


class PaymentBody(CommandBody):
    """The payment of an approved disbursement, in full, as the bank recorded it."""

    command = RecordPayment

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"payment_reference": "NXBANK-20260302-000417", "paid_on": "2026-03-02"}]
        }
    )

    payment_reference: Text
    paid_on: Annotated[date, Field(description="The day the money left; not before approval")]
    occurred_at: OccurredAt = None


class CarryOverBody(CommandBody):
    """Carry a reservation not yet paid over into the next year (结转), payable until a day of
    that year; the line's remaining amount lapses at the year's end either way."""

    command = CarryOverDisbursement

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"until": "2027-03-31", "reason": "合同约定验收后付款，验收安排在次年一季度"}
            ]
        }
    )

    until: Annotated[date, Field(description="The last day of the next year it may be paid")]
    reason: Reason
    occurred_at: OccurredAt = None


class ReversalBody(Body):
    """Money back from a paid disbursement: a refund (hub) or a clawback (bureau)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"kind": "refund", "amount": "2500.00", "reason": "托管服务提前终止退款"}]
        }
    )

    kind: Literal["refund", "clawback"]
    amount: MoneyField
    reason: Reason
    occurred_at: OccurredAt = None

    def to_command(self, disbursement_id: UUID) -> ReverseDisbursement:
        return ReverseDisbursement(
            disbursement_id=disbursement_id,
            kind=ReversalKind(self.kind),
            amount=self.amount,
            reason=self.reason,
            occurred_at=self.occurred_at,
        )
