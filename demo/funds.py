"""The hub's operating budget for the year (Art. 7, 16) and the money paid from it.

In January the hub proposes about five lines and the bureau approves them line by line, some for
less than proposed; in September it tops one line up. Through the year the hub requests
disbursements against the lines, the bureau approves (or, twice, rejects) them, the hub records
the payments, and one payment is partly refunded. Every step is replayed in business-time order,
so the budget's own history reads as the year went.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from demo.names import PAYEES
from demo.world import DemoWorld
from ledger.application.commands.budgets import AdjustBudgetLine, ApproveBudget, ProposeBudget
from ledger.application.commands.disbursements import (
    ApproveDisbursement,
    RecordPayment,
    RejectDisbursement,
    RequestDisbursement,
    ReverseDisbursement,
)
from ledger.domain import ids
from ledger.domain.disbursement import DisbursementRequest, ReversalKind
from ledger.domain.funds import LineDecision, LineProposal

LINES = [
    ("L01", "platform_operation", "枢纽平台及服务大厅运营维护", 1_200_000),
    ("L02", "service_purchase", "向合作服务机构购买公益性服务", 2_000_000),
    ("L03", "activities", "双创大赛、政策宣讲等公共服务活动", 800_000),
    ("L04", "training", "企业经营管理人员及平台人员培训", 500_000),
    ("L05", "equipment", "平台信息系统升级改造", 600_000),
]
DISBURSEMENTS = 20
REJECTED = 2
THOUSAND = Decimal(1000)


@dataclass(frozen=True)
class _Step:
    at: datetime
    order: int
    run: Callable[[], object]


def seed_funds(demo: DemoWorld) -> None:
    progress = demo.stage("budget", 2)
    approved = _budget(demo)
    progress.tick(2)
    steps = _disbursements(demo, approved)
    progress = demo.stage("disbursements", len(steps))
    for step in sorted(steps, key=lambda s: (s.at, s.order)):
        step.run()
        progress.tick()


def _budget(demo: DemoWorld) -> dict[str, Decimal]:
    rng = demo.rng
    proposed = {
        code: _thousands(Decimal(amount) * Decimal(rng.uniform(0.9, 1.1)))
        for code, _, _, amount in LINES
    }
    lines = tuple(
        LineProposal(code, category, description, f"{proposed[code]:.2f}")
        for code, category, description, _ in LINES
    )
    proposed_on = demo.day_between(date(demo.year, 1, 6), date(demo.year, 1, 10))
    budget = demo.handle(
        ProposeBudget(year=demo.year, lines=lines), demo.as_hub(demo.at(proposed_on, 10))
    ).resource_id
    # The bureau grants about half the lines in full and cuts the others by 10-20 %.
    approved = {
        code: amount
        if rng.random() < 0.5
        else _thousands(amount * Decimal(rng.choice(["0.8", "0.85", "0.9"])))
        for code, amount in proposed.items()
    }
    demo.handle(
        ApproveBudget(
            budget_id=budget,
            decisions=tuple(
                LineDecision(code, f"{amount:.2f}") for code, amount in approved.items()
            ),
            note="经预算评审，按核定金额核拨",
        ),
        demo.as_bureau(demo.at(demo.days_later(proposed_on, 10, 16), 15)),
    )
    demo.count("budget lines", len(lines))
    return approved


def _thousands(amount: Decimal) -> Decimal:
    """``amount`` to the nearest thousand yuan, as budgets are drawn up."""
    return (amount / THOUSAND).quantize(Decimal(1)) * THOUSAND


def _disbursements(demo: DemoWorld, approved: dict[str, Decimal]) -> list[_Step]:
    """Plans every step; amounts are chosen so that no line is ever over-committed."""
    rng = demo.rng
    budget = ids.budget_id(demo.hub_id, demo.year)
    steps: list[_Step] = []
    # The September top-up only adds room, so planning within the first approval stays safe.
    topped_up = date(demo.year, 9, 10)
    steps.append(
        _Step(
            demo.at(topped_up, 15),
            0,
            lambda: demo.handle(
                AdjustBudgetLine(
                    budget_id=budget,
                    line_code="L03",
                    approved_amount=approved["L03"] + 100_000,
                    reason="追加下半年“创客中国”大赛宁夏赛区活动经费",
                ),
                demo.as_bureau(demo.at(topped_up, 15)),
            ),
        )
    )
    remaining = dict(approved)
    days = sorted(
        demo.day_between(date(demo.year, 2, 10), date(demo.year, 11, 20))
        for _ in range(DISBURSEMENTS)
    )
    rejected = set(rng.sample(range(DISBURSEMENTS), k=REJECTED))
    refunded = rng.choice([n for n in range(DISBURSEMENTS // 2) if n not in rejected])
    for n, requested_on in enumerate(days):
        code = rng.choice([c for c, left in remaining.items() if left >= 20 * THOUSAND])
        # At most 150,000 each: twenty of them fit in the lines however the bureau cut them.
        most = min(remaining[code], 150 * THOUSAND)
        amount = Decimal(rng.randrange(20_000, int(most) + 1, 500))
        remaining[code] -= amount  # a rejection gives it back only later: plan without it
        steps.extend(_life(demo, n, requested_on, code, amount, n in rejected, n == refunded))
        demo.count("disbursements")
    return steps


def _life(
    demo: DemoWorld,
    n: int,
    requested_on: date,
    line_code: str,
    amount: Decimal,
    rejected: bool,
    refunded: bool,
) -> list[_Step]:
    rng = demo.rng
    category = next(category for code, category, _, _ in LINES if code == line_code)
    if category == "service_purchase":
        payee = rng.choice(demo.institutions).name
        purpose = "购买合作服务机构公益性服务（按季度结算）"
    else:
        payee = rng.choice(PAYEES[category])
        purpose = next(description for code, _, description, _ in LINES if code == line_code)
    disbursement = demo.random_id()
    request = DisbursementRequest(
        line_code, f"{amount:.2f}", payee, purpose, demo.digest("voucher", n)
    )
    requested = demo.as_hub(demo.at(requested_on, 10))
    decided_on = demo.days_later(requested_on, 2, 7)
    decided = demo.as_bureau(demo.at(decided_on, 15))
    steps = [
        _Step(
            requested.occurred_at,
            1,
            lambda: demo.handle(
                RequestDisbursement(year=demo.year, request=request, disbursement_id=disbursement),
                requested,
            ),
        )
    ]
    if rejected:
        reasons = ("合同约定的服务尚未验收，支付条件不具备",)
        steps.append(
            _Step(
                decided.occurred_at,
                2,
                lambda: demo.handle(
                    RejectDisbursement(disbursement_id=disbursement, reasons=reasons), decided
                ),
            )
        )
        demo.count("disbursements rejected")
        return steps
    paid_on = demo.days_later(decided_on, 1, 5)
    paid = demo.as_hub(demo.at(paid_on, 11))
    reference = f"ZF{demo.year}{n + 1:04d}"
    steps += [
        _Step(
            decided.occurred_at,
            2,
            lambda: demo.handle(
                ApproveDisbursement(disbursement_id=disbursement, note="同意拨付"), decided
            ),
        ),
        _Step(
            paid.occurred_at,
            3,
            lambda: demo.handle(
                RecordPayment(
                    disbursement_id=disbursement, payment_reference=reference, paid_on=paid_on
                ),
                paid,
            ),
        ),
    ]
    if refunded:
        back = (amount * Decimal("0.3")).quantize(Decimal("0.01"))
        refunded_at = demo.as_hub(demo.at(demo.days_later(paid_on, 20, 40), 10))
        steps.append(
            _Step(
                refunded_at.occurred_at,
                4,
                lambda: demo.handle(
                    ReverseDisbursement(
                        disbursement_id=disbursement,
                        kind=ReversalKind.REFUND,
                        amount=back,
                        reason="实际执行低于合同金额，收款方退回结余资金",
                    ),
                    refunded_at,
                ),
            )
        )
        demo.count("disbursements refunded")
    return steps
