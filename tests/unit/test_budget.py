"""A budget is proposed by the hub, approved line by line by the bureau, then adjusted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.application.interface.budgets import budget_view
from ledger.domain import ids
from ledger.domain.budget import Budget, BudgetStatus
from ledger.domain.errors import (
    AdjustmentBelowUsedError,
    ApprovedAboveProposedError,
    BlankFieldError,
    BudgetNotApprovedError,
    BudgetNotProposedError,
    BudgetWithoutLinesError,
    DuplicateLineCodeError,
    InvalidAmountError,
    InvalidBudgetYearError,
    InvalidLineCodeError,
    LineDecisionMissingError,
    NotBudgetHolderError,
    UnknownBudgetLineError,
    UnknownExpenseCategoryError,
)
from ledger.domain.funds import ExpenseCategory, LineDecision, LineProposal
from tests.unit.builders_budgets import (
    APPROVED,
    BUREAU_ACTOR,
    HUB_ACTOR,
    HUB_ID,
    LINES,
    NOW,
    OTHER_HUB_ID,
    YEAR,
    approved_budget,
    bureau,
    hub,
    proposed_budget,
    replayed,
    requested,
)

# --- proposing -----------------------------------------------------------------------------------


def test_a_proposed_budget_has_one_stream_per_hub_and_year_and_its_lines_as_proposed() -> None:
    budget = proposed_budget()

    assert budget.id == ids.budget_id(HUB_ID, YEAR)
    assert budget.id != ids.budget_id(HUB_ID, YEAR + 1)
    assert budget.id != ids.budget_id(OTHER_HUB_ID, YEAR)
    assert budget.status is BudgetStatus.PROPOSED
    assert budget.hub_id == HUB_ID
    assert budget.year == YEAR
    assert list(budget.lines) == ["L01", "L02", "L03"]
    line = budget.lines["L02"]
    assert (line.category, line.description, line.proposed) == (
        ExpenseCategory.TRAINING,
        "培训",
        Decimal("500.00"),
    )
    assert line.approved is None
    assert line.remaining is None
    assert budget.proposal is not None
    assert (budget.proposal.actor, budget.proposal.occurred_at) == (HUB_ACTOR, NOW)


def test_line_codes_are_upper_cased_and_amounts_kept_to_two_places() -> None:
    budget = proposed_budget(LineProposal(" l-01.a ", " other ", " 杂项 ", "12.5"))

    line = budget.lines["L-01.A"]
    assert line.category is ExpenseCategory.OTHER
    assert line.description == "杂项"
    assert str(line.proposed) == "12.50"


def test_a_hub_proposes_a_budget_only_for_itself() -> None:
    with pytest.raises(NotBudgetHolderError):
        Budget.propose(hub_id=HUB_ID, year=YEAR, lines=LINES, meta=hub(platform_id=OTHER_HUB_ID))


def test_the_bureau_does_not_propose_a_hubs_budget() -> None:
    with pytest.raises(NotBudgetHolderError):
        Budget.propose(hub_id=HUB_ID, year=YEAR, lines=LINES, meta=bureau())


@pytest.mark.parametrize("year", [2017, 1999, YEAR + 2, 3000])
def test_a_budget_year_before_the_measures_or_after_next_year_is_refused(year: int) -> None:
    with pytest.raises(InvalidBudgetYearError) as raised:
        Budget.propose(hub_id=HUB_ID, year=year, lines=LINES, meta=hub())

    assert raised.value.code == "invalid_budget_year"


@pytest.mark.parametrize("year", [2018, YEAR - 1, YEAR, YEAR + 1])
def test_a_budget_for_a_past_year_this_year_or_next_year_is_accepted(year: int) -> None:
    assert Budget.propose(hub_id=HUB_ID, year=year, lines=LINES, meta=hub()).year == year


def test_a_budget_without_lines_is_refused() -> None:
    with pytest.raises(BudgetWithoutLinesError) as raised:
        Budget.propose(hub_id=HUB_ID, year=YEAR, lines=(), meta=hub())

    assert raised.value.code == "budget_without_lines"


@pytest.mark.parametrize("second", ["L01", "l01", " L01 "])
def test_a_line_code_used_twice_is_refused_however_it_is_spelled(second: str) -> None:
    lines = (LINES[0], LineProposal(second, "training", "培训", "1.00"))

    with pytest.raises(DuplicateLineCodeError) as raised:
        proposed_budget(*lines)

    assert raised.value.code == "duplicate_line_code"


@pytest.mark.parametrize("code", ["", "-L01", "L 01", "L01/2", "ABCDEFGHIJKLMNOPQ", "行01"])
def test_a_malformed_line_code_is_refused(code: str) -> None:
    with pytest.raises(InvalidLineCodeError) as raised:
        proposed_budget(LineProposal(code, "training", "培训", "1.00"))

    assert raised.value.code == "invalid_line_code"


def test_an_expense_category_outside_the_list_is_refused() -> None:
    with pytest.raises(UnknownExpenseCategoryError) as raised:
        proposed_budget(LineProposal("L01", "entertainment", "招待", "1.00"))

    assert raised.value.code == "unknown_expense_category"
    assert "platform_operation" in raised.value.detail


def test_a_line_without_a_description_is_refused() -> None:
    with pytest.raises(BlankFieldError) as raised:
        proposed_budget(LineProposal("L01", "training", "   ", "1.00"))

    assert raised.value.context == {"field": "description"}


@pytest.mark.parametrize("value", ["0", "0.00", "-1.00", "1.005", "1e3", "NaN", "1_000", "abc"])
def test_a_proposed_amount_that_is_not_a_positive_two_place_decimal_is_refused(value: str) -> None:
    with pytest.raises(InvalidAmountError):
        proposed_budget(LineProposal("L01", "training", "培训", value))


# --- revising --------------------------------------------------------------------------------


def test_the_hub_revises_a_proposed_budget_by_replacing_its_lines() -> None:
    budget = proposed_budget()

    budget.revise([LineProposal("L09", "activities", "路演", "250.00")], hub(1, actor="key:b"))

    assert list(budget.lines) == ["L09"]
    assert budget.lines["L09"].proposed == Decimal("250.00")
    assert budget.proposal is not None
    assert budget.proposal.actor == "key:b"


def test_a_revision_follows_the_same_line_rules() -> None:
    with pytest.raises(DuplicateLineCodeError):
        proposed_budget().revise([LINES[0], LINES[0]], hub(1))


def test_another_platform_does_not_revise_the_hubs_budget() -> None:
    with pytest.raises(NotBudgetHolderError):
        proposed_budget().revise(LINES, hub(1, platform_id=OTHER_HUB_ID))


def test_an_approved_budget_is_not_revised() -> None:
    with pytest.raises(BudgetNotProposedError) as raised:
        approved_budget().revise(LINES, hub(2))

    assert raised.value.code == "budget_not_proposed"


# --- approving -------------------------------------------------------------------------------


def test_the_bureau_approves_line_by_line_less_than_proposed_or_nothing() -> None:
    budget = approved_budget()

    assert budget.status is BudgetStatus.APPROVED
    assert [(x.code, x.approved, x.remaining) for x in budget.lines.values()] == [
        ("L01", Decimal("800.00"), Decimal("800.00")),
        ("L02", Decimal("500.00"), Decimal("500.00")),
        ("L03", Decimal("0.00"), Decimal("0.00")),
    ]
    assert budget.approval is not None
    assert budget.approval.actor == BUREAU_ACTOR
    assert budget.approval_note == "同意"


def test_decisions_may_come_in_any_order_and_spelling() -> None:
    budget = proposed_budget()

    budget.approve(
        [
            LineDecision("l03", "1"),
            LineDecision("L01", "1000"),
            LineDecision(" L02 ", "0"),
        ],
        "",
        bureau(1),
    )

    assert [str(x.approved) for x in budget.lines.values()] == ["1000.00", "0.00", "1.00"]


def test_an_approved_budget_is_not_approved_again() -> None:
    with pytest.raises(BudgetNotProposedError):
        approved_budget().approve(APPROVED, "", bureau(2))


def test_every_line_must_be_decided() -> None:
    with pytest.raises(LineDecisionMissingError) as raised:
        proposed_budget().approve(APPROVED[:2], "", bureau(1))

    assert raised.value.code == "line_decision_missing"
    assert raised.value.context == {"line_code": "L03"}


def test_a_line_decided_twice_is_refused() -> None:
    with pytest.raises(DuplicateLineCodeError):
        proposed_budget().approve([*APPROVED, LineDecision("l01", "1.00")], "", bureau(1))


def test_a_decision_on_a_line_the_budget_does_not_have_is_refused() -> None:
    with pytest.raises(UnknownBudgetLineError) as raised:
        proposed_budget().approve([*APPROVED, LineDecision("L99", "1.00")], "", bureau(1))

    assert raised.value.code == "unknown_budget_line"


def test_the_first_approval_is_at_most_the_proposed_amount() -> None:
    with pytest.raises(ApprovedAboveProposedError) as raised:
        proposed_budget().approve([LineDecision("L01", "1000.01"), *APPROVED[1:]], "", bureau(1))

    assert raised.value.code == "approved_above_proposed"


@pytest.mark.parametrize("value", ["-1.00", "1.001", "abc"])
def test_an_approved_amount_that_is_not_a_two_place_decimal_is_refused(value: str) -> None:
    with pytest.raises(InvalidAmountError):
        proposed_budget().approve([LineDecision("L01", value), *APPROVED[1:]], "", bureau(1))


# --- adjusting -------------------------------------------------------------------------------


def test_the_bureau_adjusts_a_line_up_even_above_the_proposal_and_down_again() -> None:
    budget = approved_budget()

    budget.adjust_line("L03", "400.00", "追加升级改造", bureau(2))
    budget.adjust_line("l01", "100", "压减", bureau(3))

    assert budget.lines["L03"].approved == Decimal("400.00")
    assert budget.lines["L03"].approved > budget.lines["L03"].proposed
    assert budget.lines["L01"].approved == Decimal("100.00")


def test_a_line_is_adjusted_down_to_what_it_uses_but_not_below() -> None:
    disbursement, budget = requested(amount="300.00")
    disbursement.approve("", bureau(3))
    budget.adjust_line("L01", "300.00", "按实际", bureau(4))

    with pytest.raises(AdjustmentBelowUsedError) as raised:
        budget.adjust_line("L01", "299.99", "再压减", bureau(5))

    assert raised.value.code == "adjustment_below_used"
    assert raised.value.context["used"] == "300.00"
    assert budget.lines["L01"].approved == Decimal("300.00")


def test_a_proposed_budget_is_not_adjusted() -> None:
    with pytest.raises(BudgetNotApprovedError) as raised:
        proposed_budget().adjust_line("L01", "1.00", "调整", bureau(1))

    assert raised.value.code == "budget_not_approved"


def test_an_adjustment_names_a_line_of_the_budget() -> None:
    with pytest.raises(UnknownBudgetLineError):
        approved_budget().adjust_line("L99", "1.00", "调整", bureau(2))


def test_an_adjustment_gives_its_reason() -> None:
    with pytest.raises(BlankFieldError):
        approved_budget().adjust_line("L01", "1.00", " ", bureau(2))


# --- state from events, and the view ---------------------------------------------------------


def test_the_budget_rebuilt_from_its_events_has_the_same_view() -> None:
    disbursement, budget = requested()
    disbursement.reject(budget, ["凭证不全"], bureau(3))
    budget.adjust_line("L02", "450.00", "调整", bureau(4))
    view = budget_view(budget)

    rebuilt = replayed(budget)

    assert budget_view(rebuilt) == view


def test_the_view_shows_each_line_and_the_totals_as_decimal_strings() -> None:
    _, budget = requested(amount="300.00")

    view = budget_view(budget)

    assert view["status"] == "approved"
    assert view["lines"][0] == {
        "code": "L01",
        "category": "platform_operation",
        "description": "平台运营维护",
        "proposed": "1000.00",
        "approved": "800.00",
        "committed": "300.00",
        "paid": "0.00",
        "reversed": "0.00",
        "recovered": "0.00",
        "remaining": "500.00",
    }
    assert view["totals"] == {
        "proposed": "1800.00",
        "approved": "1300.00",
        "committed": "300.00",
        "paid": "0.00",
        "reversed": "0.00",
        "recovered": "0.00",
        "remaining": "1000.00",
    }
    assert view["open_disbursements"] == 1
    approval = view["approval"]
    assert approval is not None
    assert approval["by"] == BUREAU_ACTOR


def test_a_proposed_budget_shows_no_approved_or_remaining_amounts() -> None:
    view = budget_view(proposed_budget())

    assert {line["approved"] for line in view["lines"]} == {None}
    assert view["totals"]["approved"] is None
    assert view["totals"]["remaining"] is None
    assert view["approval"] is None
