"""Builders for budget and disbursement domain tests: envelopes and aggregates at each step."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from eventsourcing.domain import CanMutateAggregate

from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement, DisbursementRequest, ReversalKind
from ledger.domain.envelope import Envelope
from ledger.domain.funds import LineDecision, LineProposal
from ledger.domain.time import CST

# 10:00 in Ningxia on 2 March 2026.
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
TODAY = NOW.astimezone(CST).date()
YEAR = 2026
HUB_ID = UUID("00000000-0000-4000-8000-0000000000b1")
OTHER_HUB_ID = UUID("00000000-0000-4000-8000-0000000000b2")
HUB_ACTOR = "key:hub-clerk"
BUREAU_ACTOR = "key:bureau-officer"
VOUCHER = "ab" * 32
OTHER_VOUCHER = "cd" * 32
DISBURSEMENT_ID = UUID("00000000-0000-4000-8000-0000000000d1")


def hub(hours: float = 0, actor: str = HUB_ACTOR, platform_id: UUID = HUB_ID) -> Envelope:
    """The hub acting ``hours`` after NOW."""
    return Envelope(actor, platform_id, "req-test", None, NOW + timedelta(hours=hours))


def bureau(hours: float = 0, actor: str = BUREAU_ACTOR) -> Envelope:
    """The bureau (a network-wide principal) acting ``hours`` after NOW."""
    return Envelope(actor, None, "req-test", None, NOW + timedelta(hours=hours))


LINES = (
    LineProposal("L01", "platform_operation", "平台运营维护", "1000.00"),
    LineProposal("L02", "training", "培训", "500.00"),
    LineProposal("L03", "equipment", "升级改造", "300.00"),
)
APPROVED = (
    LineDecision("L01", "800.00"),
    LineDecision("L02", "500.00"),
    LineDecision("L03", "0.00"),
)


def proposed_budget(*lines: LineProposal) -> Budget:
    return Budget.propose(hub_id=HUB_ID, year=YEAR, lines=lines or LINES, meta=hub())


def approved_budget() -> Budget:
    budget = proposed_budget()
    budget.approve(APPROVED, "同意", bureau(1))
    return budget


def request(
    line_code: str = "L01", amount: str = "300.00", voucher: str = VOUCHER, **overrides: Any
) -> DisbursementRequest:
    fields: dict[str, Any] = {
        "line_code": line_code,
        "amount": amount,
        "payee": "宁夏云联信息技术有限公司",
        "purpose": "服务器托管费",
        "voucher_sha256": voucher,
        **overrides,
    }
    return DisbursementRequest(**fields)


def requested(
    budget: Budget | None = None,
    disbursement_id: UUID = DISBURSEMENT_ID,
    **overrides: Any,
) -> tuple[Disbursement, Budget]:
    budget = budget or approved_budget()
    disbursement = Disbursement.request_from(
        budget, disbursement_id=disbursement_id, request=request(**overrides), meta=hub(2)
    )
    return disbursement, budget


def approved() -> tuple[Disbursement, Budget]:
    disbursement, budget = requested()
    disbursement.approve("同意拨付", bureau(3))
    return disbursement, budget


def paid(on: date = TODAY) -> tuple[Disbursement, Budget]:
    disbursement, budget = approved()
    disbursement.pay(budget, "NXBANK-0001", on, hub(4))
    return disbursement, budget


def rejected() -> tuple[Disbursement, Budget]:
    disbursement, budget = requested()
    disbursement.reject(budget, ["凭证不全"], bureau(3))
    return disbursement, budget


def fully_reversed() -> tuple[Disbursement, Budget]:
    disbursement, budget = paid()
    disbursement.reverse(
        budget, kind=ReversalKind.REFUND, amount=disbursement.amount, reason="退款", meta=hub(5)
    )
    return disbursement, budget


def replayed(aggregate: Budget | Disbursement) -> Any:
    """The aggregate rebuilt from its events alone, as a repository would."""
    rebuilt: Any = None
    for event in aggregate.collect_events():
        change: CanMutateAggregate[UUID] = event
        rebuilt = change.mutate(rebuilt)
    return rebuilt
