"""Helpers for the budget and disbursement tests: a hub's clerk, a bureau officer, an approved
budget and requests against its first line."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from ledger.application.app import LedgerApplication
from ledger.application.commands.budgets import ApproveBudget, ProposeBudget
from ledger.application.commands.disbursements import RequestDisbursement
from ledger.application.context import IdempotencyRequest
from ledger.application.writes import Outcome
from ledger.domain.disbursement import DisbursementRequest
from ledger.domain.envelope import Envelope
from ledger.domain.funds import LineDecision, LineProposal
from ledger.domain.time import CST
from ledger.domain.values import uscc_check_character
from tests.acting import act
from tests.application.support import envelope

YEAR = datetime.now(UTC).astimezone(CST).year
OTHER_HUB_USCC = "91640000MA7700001" + uscc_check_character("91640000MA7700001")
HUB_ACTOR = "key:hub-clerk"
BUREAU_ACTOR = "key:bureau-officer"
LINES = (
    LineProposal("L01", "platform_operation", "平台运营维护", "1000.00"),
    LineProposal("L02", "training", "培训", "500.00"),
)
DECISIONS = (LineDecision("L01", "800.00"), LineDecision("L02", "0.00"))


def as_hub(hub_id: UUID, actor: str = HUB_ACTOR) -> Envelope:
    return envelope(hub_id, actor=actor)


def as_bureau(actor: str = BUREAU_ACTOR) -> Envelope:
    return envelope(None, actor=actor)


def today() -> datetime:
    return datetime.now(UTC)


def voucher(n: int) -> str:
    return f"{n:064x}"


def approved_budget(ledger: LedgerApplication, hub_id: UUID) -> UUID:
    budget_id = act(ledger, ProposeBudget(year=YEAR, lines=LINES), as_hub(hub_id)).resource_id
    act(ledger, ApproveBudget(budget_id=budget_id, decisions=DECISIONS, note="同意"), as_bureau())
    return budget_id


def request(
    ledger: LedgerApplication,
    hub_id: UUID,
    amount: str = "300.00",
    n: int = 1,
    idempotency: IdempotencyRequest | None = None,
) -> Outcome:
    return act(
        ledger,
        RequestDisbursement(
            year=YEAR,
            request=DisbursementRequest(
                "L01", amount, "宁夏云联信息技术有限公司", "托管费", voucher(n)
            ),
        ),
        as_hub(hub_id),
        idempotency=idempotency,
    )
