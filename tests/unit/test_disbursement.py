"""A disbursement is requested against an approved line, approved by someone else, then paid."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest

from ledger.application.interface.budgets import disbursement_view
from ledger.domain.budget import Budget
from ledger.domain.disbursement import (
    Disbursement,
    DisbursementStatus,
    ReversalKind,
    parse_voucher_digest,
)
from ledger.domain.errors import (
    BlankFieldError,
    BudgetNotApprovedError,
    CommitmentNotFoundError,
    DisbursementOutOfOrderError,
    InvalidAmountError,
    InvalidVoucherDigestError,
    NotBudgetHolderError,
    OverCommitmentError,
    PaymentDateError,
    ReversalExceedsPaidError,
    SegregationOfDutiesError,
    UnknownBudgetLineError,
    VoucherAlreadyUsedError,
    WrongReversalPartyError,
)
from tests.unit.builders_budgets import (
    BUREAU_ACTOR,
    HUB_ACTOR,
    HUB_ID,
    NOW,
    OTHER_HUB_ID,
    OTHER_VOUCHER,
    TODAY,
    VOUCHER,
    approved,
    approved_budget,
    bureau,
    fully_reversed,
    hub,
    paid,
    proposed_budget,
    rejected,
    replayed,
    request,
    requested,
)

D2 = UUID("00000000-0000-4000-8000-0000000000d2")
D3 = UUID("00000000-0000-4000-8000-0000000000d3")


def _line(budget: Budget, code: str = "L01") -> tuple[str, str, str, str, str | None]:
    line = budget.lines[code]
    return (
        str(line.committed),
        str(line.paid),
        str(line.reversed),
        str(line.approved),
        None if line.remaining is None else str(line.remaining),
    )


# --- requesting --------------------------------------------------------------------------------


def test_a_request_reserves_its_amount_on_the_line_in_the_same_decision() -> None:
    disbursement, budget = requested(amount="300")

    assert disbursement.status is DisbursementStatus.REQUESTED
    assert (disbursement.budget_id, disbursement.hub_id, disbursement.year) == (
        budget.id,
        HUB_ID,
        2026,
    )
    assert (disbursement.line_code, disbursement.amount) == ("L01", Decimal("300.00"))
    assert _line(budget) == ("300.00", "0.00", "0.00", "800.00", "500.00")
    assert [type(e).__name__ for e in disbursement.pending_events] == ["Requested"]
    assert [type(e).__name__ for e in budget.pending_events][-1] == "FundsCommitted"
    assert budget.open_commitments[disbursement.id].amount == Decimal("300.00")
    assert budget.disbursement_ids == [disbursement.id]


def test_a_request_against_a_budget_not_yet_approved_is_refused() -> None:
    with pytest.raises(BudgetNotApprovedError):
        requested(proposed_budget())


def test_only_the_hub_that_holds_the_budget_requests_from_it() -> None:
    budget = approved_budget()

    with pytest.raises(NotBudgetHolderError):
        Disbursement.request_from(
            budget, disbursement_id=D2, request=request(), meta=hub(2, platform_id=OTHER_HUB_ID)
        )
    assert _line(budget)[0] == "0.00"


def test_a_request_that_fits_exactly_is_accepted_and_one_cent_more_is_over_commitment() -> None:
    _, budget = requested(amount="500.00")
    requested(budget, D2, amount="300.00", voucher=OTHER_VOUCHER)
    assert _line(budget)[4] == "0.00"

    with pytest.raises(OverCommitmentError) as raised:
        requested(budget, D3, amount="0.01", voucher="ef" * 32)

    assert raised.value.code == "over_commitment"
    assert raised.value.context == {"line_code": "L01", "remaining": "0.00"}
    assert _line(budget)[0] == "800.00"


def test_a_line_the_bureau_refused_takes_no_request() -> None:
    with pytest.raises(OverCommitmentError):
        requested(line_code="L03", amount="0.01")


def test_a_request_names_a_line_of_the_budget() -> None:
    with pytest.raises(UnknownBudgetLineError):
        requested(line_code="L99")


@pytest.mark.parametrize("value", ["0", "0.00", "-5.00", "1.001", "1e2", "Infinity"])
def test_a_requested_amount_that_is_not_a_positive_two_place_decimal_is_refused(
    value: str,
) -> None:
    with pytest.raises(InvalidAmountError):
        requested(amount=value)


@pytest.mark.parametrize("field", ["payee", "purpose"])
def test_a_request_names_its_payee_and_purpose(field: str) -> None:
    overrides: dict[str, Any] = {field: "  "}

    with pytest.raises(BlankFieldError) as raised:
        requested(**overrides)

    assert raised.value.context == {"field": field}


@pytest.mark.parametrize("digest", ["", "ab" * 31, "ab" * 33, "zz" * 32, "sha256:" + "ab" * 32])
def test_a_voucher_digest_that_is_not_sha256_hex_is_refused(digest: str) -> None:
    with pytest.raises(InvalidVoucherDigestError) as raised:
        requested(voucher=digest)

    assert raised.value.code == "invalid_voucher_digest"


def test_a_voucher_digest_is_kept_in_lower_case() -> None:
    assert parse_voucher_digest(" " + "AB" * 32 + " ") == "ab" * 32


def test_one_voucher_backs_one_live_disbursement_of_a_budget() -> None:
    first, budget = requested()

    with pytest.raises(VoucherAlreadyUsedError) as raised:
        requested(budget, D2, voucher=VOUCHER.upper(), amount="1.00")

    assert raised.value.context == {"disbursement_id": str(first.id)}


def test_a_rejected_disbursements_voucher_may_be_used_again() -> None:
    first, budget = requested()
    first.reject(budget, ["金额有误"], bureau(3))

    again, _ = requested(budget, D2, amount="250.00")

    assert again.voucher_sha256 == first.voucher_sha256


def test_a_paid_disbursements_voucher_is_never_used_again() -> None:
    disbursement, budget = paid()
    disbursement.reverse(
        budget, kind=ReversalKind.REFUND, amount="300.00", reason="全额退款", meta=hub(5)
    )

    with pytest.raises(VoucherAlreadyUsedError):
        requested(budget, D2, amount="1.00")


# --- approving and rejecting -------------------------------------------------------------------


def test_another_principal_approves_a_requested_disbursement() -> None:
    disbursement, _ = approved()

    assert disbursement.status is DisbursementStatus.APPROVED
    assert disbursement.approval is not None
    assert disbursement.approval.actor == BUREAU_ACTOR
    assert disbursement.approval_note == "同意拨付"


def test_the_principal_that_requested_a_disbursement_may_not_approve_it() -> None:
    disbursement, _ = requested()

    with pytest.raises(SegregationOfDutiesError) as raised:
        disbursement.approve("", bureau(3, actor=HUB_ACTOR))

    assert raised.value.code == "segregation_of_duties"
    assert disbursement.status is DisbursementStatus.REQUESTED


def test_a_rejection_releases_the_reservation() -> None:
    disbursement, budget = rejected()

    assert disbursement.status is DisbursementStatus.REJECTED
    assert disbursement.rejection_reasons == ["凭证不全"]
    assert _line(budget) == ("0.00", "0.00", "0.00", "800.00", "800.00")
    assert disbursement.id not in budget.open_commitments
    assert budget.disbursement_ids == [disbursement.id]


def test_an_approved_disbursement_may_still_be_rejected_before_it_is_paid() -> None:
    disbursement, budget = approved()

    disbursement.reject(budget, ["收款单位变更"], bureau(4))

    assert disbursement.status is DisbursementStatus.REJECTED
    assert _line(budget)[0] == "0.00"


def test_a_rejection_gives_at_least_one_reason() -> None:
    disbursement, budget = requested()

    with pytest.raises(BlankFieldError):
        disbursement.reject(budget, [" ", ""], bureau(3))


# --- paying ------------------------------------------------------------------------------------


def test_a_payment_moves_the_amount_from_committed_to_paid() -> None:
    disbursement, budget = paid()

    assert disbursement.status is DisbursementStatus.PAID
    assert (disbursement.payment_reference, disbursement.paid_on) == ("NXBANK-0001", TODAY)
    assert disbursement.net_paid == Decimal("300.00")
    assert _line(budget) == ("0.00", "300.00", "0.00", "800.00", "500.00")
    assert disbursement.id in budget.settled_commitments


def test_only_the_hub_records_the_payment() -> None:
    disbursement, budget = approved()

    with pytest.raises(NotBudgetHolderError):
        disbursement.pay(budget, "NXBANK-0001", TODAY, bureau(4))


def test_a_payment_is_not_dated_before_its_approval() -> None:
    disbursement, budget = approved()

    with pytest.raises(PaymentDateError) as raised:
        disbursement.pay(budget, "NXBANK-0001", TODAY - timedelta(days=1), hub(4))

    assert raised.value.code == "invalid_payment_date"


def test_a_payment_is_not_dated_after_the_day_it_is_recorded() -> None:
    disbursement, budget = approved()

    with pytest.raises(PaymentDateError):
        disbursement.pay(budget, "NXBANK-0001", TODAY + timedelta(days=1), hub(4))


def test_a_payment_names_its_reference() -> None:
    disbursement, budget = approved()

    with pytest.raises(BlankFieldError):
        disbursement.pay(budget, " ", TODAY, hub(4))


# --- reversing ---------------------------------------------------------------------------------


def test_a_partial_refund_frees_that_amount_on_the_line_for_reuse() -> None:
    disbursement, budget = paid()
    budget.adjust_line("L01", "300.00", "按实际", bureau(5))

    disbursement.reverse(
        budget, kind=ReversalKind.REFUND, amount="100.00", reason="部分退款", meta=hub(6)
    )

    assert disbursement.status is DisbursementStatus.PAID
    assert (disbursement.reversed_amount, disbursement.net_paid) == (
        Decimal("100.00"),
        Decimal("200.00"),
    )
    assert _line(budget) == ("0.00", "300.00", "100.00", "300.00", "100.00")
    reused, _ = requested(budget, D2, amount="100.00", voucher=OTHER_VOUCHER)
    assert reused.status is DisbursementStatus.REQUESTED


def test_a_full_reversal_leaves_the_disbursement_reversed() -> None:
    disbursement, budget = paid()

    disbursement.reverse(
        budget, kind=ReversalKind.CLAWBACK, amount="100.00", reason="违规", meta=bureau(5)
    )
    disbursement.reverse(
        budget, kind=ReversalKind.REFUND, amount="200.00", reason="退款", meta=hub(6)
    )

    assert disbursement.status is DisbursementStatus.REVERSED
    assert [(r.kind, r.signoff.actor) for r in disbursement.reversals] == [
        (ReversalKind.CLAWBACK, BUREAU_ACTOR),
        (ReversalKind.REFUND, HUB_ACTOR),
    ]
    assert disbursement.net_paid == Decimal("0.00")
    # The refund returns to the line; the clawback returns to the fund.
    assert _line(budget) == ("0.00", "300.00", "300.00", "800.00", "700.00")


def test_a_reversal_is_at_most_what_is_still_paid() -> None:
    disbursement, budget = paid()
    disbursement.reverse(
        budget, kind=ReversalKind.REFUND, amount="250.00", reason="退款", meta=hub(5)
    )

    with pytest.raises(ReversalExceedsPaidError) as raised:
        disbursement.reverse(
            budget, kind=ReversalKind.CLAWBACK, amount="50.01", reason="追回", meta=bureau(6)
        )

    assert raised.value.code == "reversal_exceeds_paid"
    assert raised.value.context == {"still_paid": "50.00"}


def test_a_refund_is_recorded_by_the_hub_and_a_clawback_by_the_bureau() -> None:
    disbursement, budget = paid()

    with pytest.raises(WrongReversalPartyError):
        disbursement.reverse(
            budget, kind=ReversalKind.REFUND, amount="1.00", reason="退款", meta=bureau(5)
        )
    with pytest.raises(WrongReversalPartyError):
        disbursement.reverse(
            budget, kind=ReversalKind.CLAWBACK, amount="1.00", reason="追回", meta=hub(5)
        )
    assert disbursement.reversals == []


@pytest.mark.parametrize("value", ["0.00", "-1.00", "0.001"])
def test_a_reversal_amount_is_a_positive_two_place_decimal(value: str) -> None:
    disbursement, budget = paid()

    with pytest.raises(InvalidAmountError):
        disbursement.reverse(
            budget, kind=ReversalKind.REFUND, amount=value, reason="r", meta=hub(5)
        )


def test_a_reversal_gives_its_reason() -> None:
    disbursement, budget = paid()

    with pytest.raises(BlankFieldError):
        disbursement.reverse(
            budget, kind=ReversalKind.REFUND, amount="1.00", reason="", meta=hub(5)
        )


# --- every step out of order -------------------------------------------------------------------

Build = Callable[[], tuple[Disbursement, Budget]]
Act = Callable[[Disbursement, Budget], None]

STATES: dict[str, Build] = {
    "requested": requested,
    "approved": approved,
    "rejected": rejected,
    "paid": paid,
    "reversed": fully_reversed,
}
ACTIONS: dict[str, Act] = {
    "approve": lambda d, _b: d.approve("", bureau(9)),
    "reject": lambda d, b: d.reject(b, ["理由"], bureau(9)),
    "pay": lambda d, b: d.pay(b, "NXBANK-9", TODAY, hub(9)),
    "reverse": lambda d, b: d.reverse(
        b, kind=ReversalKind.CLAWBACK, amount="1.00", reason="追回", meta=bureau(9)
    ),
}
ALLOWED = {
    ("requested", "approve"),
    ("requested", "reject"),
    ("approved", "reject"),
    ("approved", "pay"),
    ("paid", "reverse"),
}
OUT_OF_ORDER = [
    pytest.param(state, action, id=f"{action} when {state}")
    for state in STATES
    for action in ACTIONS
    if (state, action) not in ALLOWED
]
IN_ORDER = [
    pytest.param(state, action, id=f"{action} when {state}") for state, action in sorted(ALLOWED)
]


@pytest.mark.parametrize(("state", "action"), OUT_OF_ORDER)
def test_a_step_out_of_order_is_refused_and_changes_nothing(state: str, action: str) -> None:
    disbursement, budget = STATES[state]()
    before = (disbursement.version, budget.version, _line(budget))

    with pytest.raises(DisbursementOutOfOrderError) as raised:
        ACTIONS[action](disbursement, budget)

    assert raised.value.code == "disbursement_out_of_order"
    assert raised.value.context == {"status": state}
    assert (disbursement.version, budget.version, _line(budget)) == before


@pytest.mark.parametrize(("state", "action"), IN_ORDER)
def test_a_step_in_order_is_taken(state: str, action: str) -> None:
    disbursement, budget = STATES[state]()

    ACTIONS[action](disbursement, budget)

    assert disbursement.version == STATES[state]()[0].version + 1


# --- the budget only moves what a disbursement holds ------------------------------------------


def test_the_budget_releases_or_pays_only_an_open_reservation() -> None:
    disbursement, budget = paid()

    with pytest.raises(CommitmentNotFoundError):
        budget.release_commitment(disbursement.id, bureau(5))
    with pytest.raises(CommitmentNotFoundError):
        budget.pay_commitment(D2, hub(5))


def test_the_budget_reverses_only_what_a_payment_still_holds() -> None:
    disbursement, budget = paid()

    with pytest.raises(CommitmentNotFoundError):
        budget.reverse_payment(disbursement.id, Decimal("300.01"), hub(5))
    with pytest.raises(CommitmentNotFoundError):
        budget.reverse_payment(D2, Decimal("1.00"), hub(5))


def test_a_disbursement_does_not_move_money_on_another_budget() -> None:
    disbursement, _ = approved()
    _, other_budget = requested(disbursement_id=D2)

    with pytest.raises(CommitmentNotFoundError):
        disbursement.pay(other_budget, "NXBANK-0001", TODAY, hub(4))


# --- the trail ---------------------------------------------------------------------------------


def test_the_view_traces_a_payment_to_its_approval_and_budget_line() -> None:
    disbursement, budget = paid()

    view = disbursement_view(disbursement)

    assert view["budget_id"] == str(budget.id)
    assert (view["line_code"], view["amount"], view["status"]) == ("L01", "300.00", "paid")
    assert view["request"]["by"] == HUB_ACTOR
    assert view["request"]["at"] == (NOW + timedelta(hours=2)).isoformat()
    approval, payment = view["approval"], view["payment"]
    assert approval is not None
    assert (approval["by"], approval["note"]) == (BUREAU_ACTOR, "同意拨付")
    assert payment is not None
    assert payment["by"] == HUB_ACTOR
    assert payment["reference"] == "NXBANK-0001"
    assert payment["paid_on"] == TODAY.isoformat()
    assert view["rejection"] is None
    assert (view["reversed_amount"], view["net_paid"]) == ("0.00", "300.00")


def test_the_disbursement_rebuilt_from_its_events_has_the_same_view() -> None:
    disbursement, budget = paid()
    disbursement.reverse(
        budget, kind=ReversalKind.REFUND, amount="10.00", reason="退款", meta=hub(5)
    )
    view = disbursement_view(disbursement)

    assert disbursement_view(replayed(disbursement)) == view
