"""Whatever happens to its disbursements, a line never uses more than its approved amount, and
what was clawed back stays used (it returned to the fund, not to the line)."""

from __future__ import annotations

from contextlib import suppress
from decimal import Decimal
from uuid import UUID

from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.application.interface.budgets import budget_view
from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement, DisbursementStatus, ReversalKind
from ledger.domain.errors import RuleViolationError
from tests.unit.builders_budgets import TODAY, approved_budget, bureau, hub, replayed, request

CENT = Decimal("0.01")

# One step: what to do, to which disbursement (by index), and an amount in cents.
Step = tuple[str, int, int]
steps = st.lists(
    st.tuples(
        st.sampled_from(["request", "approve", "reject", "pay", "refund", "clawback", "adjust"]),
        st.integers(min_value=0, max_value=7),
        st.integers(min_value=1, max_value=60_000),
    ),
    max_size=40,
)


def _take(step: Step, budget: Budget, disbursements: list[Disbursement]) -> None:
    action, index, cents = step
    amount = str(Decimal(cents) * CENT)
    if action == "request":
        disbursements.append(
            Disbursement.request_from(
                budget,
                disbursement_id=UUID(int=len(disbursements) + 1),
                request=request(
                    line_code=("L01", "L02")[index % 2],
                    amount=amount,
                    voucher=f"{len(disbursements):064x}",
                ),
                meta=hub(2),
            )
        )
        return
    if action == "adjust":
        budget.adjust_line(("L01", "L02")[index % 2], amount, "调整", bureau(2))
        return
    if not disbursements:
        return
    d = disbursements[index % len(disbursements)]
    if action == "approve":
        d.approve("", bureau(3))
    elif action == "reject":
        d.reject(budget, ["理由"], bureau(3))
    elif action == "pay":
        d.pay(budget, "NXBANK", TODAY, hub(4))
    else:
        kind = ReversalKind(action)
        meta = hub(5) if kind is ReversalKind.REFUND else bureau(5)
        d.reverse(budget, kind=kind, amount=amount, reason="退回", meta=meta)


@settings(max_examples=300, deadline=None)
@given(steps)
def test_no_sequence_of_steps_makes_a_line_use_more_than_it_was_approved(
    sequence: list[Step],
) -> None:
    budget = approved_budget()
    disbursements: list[Disbursement] = []

    for step in sequence:
        with suppress(RuleViolationError):
            _take(step, budget, disbursements)

        for line in budget.lines.values():
            assert line.approved is not None
            assert Decimal(0) <= line.used <= line.approved
            assert line.committed >= 0
            assert Decimal(0) <= line.recovered <= line.reversed <= line.paid
            assert line.used == line.committed + line.paid - line.reversed + line.recovered
            mine = [d for d in disbursements if d.line_code == line.code]
            clawed_back = [r.amount for d in mine for r in d.reversals if r.kind == "clawback"]
            assert line.recovered == sum(clawed_back, Decimal(0))
            open_ = (DisbursementStatus.REQUESTED, DisbursementStatus.APPROVED)
            assert line.committed == sum((d.amount for d in mine if d.status in open_), Decimal(0))
            assert line.paid - line.reversed == sum((d.net_paid for d in mine), Decimal(0))

    view = budget_view(budget)
    assert budget_view(replayed(budget)) == view
