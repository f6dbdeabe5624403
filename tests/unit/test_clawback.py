"""A clawback returns to the fund, not to the line: the line keeps it as used (``recovered``)
unless the bureau re-allocates it by adjusting the line up; a refund frees the line."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

import pytest

from ledger.application.interface.budgets import budget_view
from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement, ReversalKind
from ledger.domain.errors import AdjustmentBelowUsedError, OverCommitmentError
from tests.unit.builders_budgets import OTHER_VOUCHER, bureau, hub, paid, replayed, request


def _clawed_back(amount: str = "100.00") -> tuple[Disbursement, Budget]:
    disbursement, budget = paid()  # 300.00 from L01 (800.00 approved)
    disbursement.reverse(
        budget, kind=ReversalKind.CLAWBACK, amount=amount, reason="违规使用", meta=bureau(5)
    )
    return disbursement, budget


def _request(budget: Budget, amount: str) -> Disbursement:
    return Disbursement.request_from(
        budget,
        disbursement_id=UUID(int=2),
        request=request(amount=amount, voucher=OTHER_VOUCHER),
        meta=hub(6),
    )


def test_a_clawback_reduces_what_is_paid_but_does_not_free_the_line() -> None:
    disbursement, budget = _clawed_back()

    line = budget.lines["L01"]
    assert disbursement.net_paid == Decimal("200.00")
    assert (line.paid, line.reversed, line.recovered) == (
        Decimal("300.00"),
        Decimal("100.00"),
        Decimal("100.00"),
    )
    assert line.remaining == Decimal("500.00")
    assert [type(e).__name__ for e in budget.collect_events()][-1] == "PaymentRecovered"


def test_a_clawed_back_amount_cannot_be_requested_again_from_the_line() -> None:
    _, budget = _clawed_back()

    with pytest.raises(OverCommitmentError) as raised:
        _request(budget, "600.00")

    assert raised.value.context["remaining"] == "500.00"
    assert "recovered 100.00" in str(raised.value)


def test_a_refund_frees_the_line_again() -> None:
    disbursement, budget = paid()
    disbursement.reverse(
        budget, kind=ReversalKind.REFUND, amount="100.00", reason="退款", meta=hub(5)
    )

    _request(budget, "600.00")

    line = budget.lines["L01"]
    assert (line.recovered, line.remaining) == (Decimal("0.00"), Decimal("0.00"))


def test_the_bureau_re_allocates_a_recovered_amount_by_adjusting_the_line_up() -> None:
    _, budget = _clawed_back()

    budget.adjust_line("L01", "900.00", "追回资金重新安排", bureau(6))
    _request(budget, "600.00")

    assert budget.lines["L01"].remaining == Decimal("0.00")


def test_a_line_is_not_adjusted_below_what_it_paid_including_what_was_recovered() -> None:
    _, budget = _clawed_back()

    with pytest.raises(AdjustmentBelowUsedError) as raised:
        budget.adjust_line("L01", "299.99", "调减", bureau(6))

    assert raised.value.context["used"] == "300.00"


def test_what_was_recovered_is_shown_per_line_and_in_total_and_survives_a_replay() -> None:
    _, budget = _clawed_back("120.00")
    view = budget_view(budget)

    line = view["lines"][0]
    assert (line["reversed"], line["recovered"], line["remaining"]) == (
        "120.00",
        "120.00",
        "500.00",
    )
    assert view["totals"]["recovered"] == "120.00"
    assert budget_view(replayed(budget)) == view
