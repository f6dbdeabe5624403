"""The views of budgets, disbursements, agreements, entrustments and appraisals name their
enumerations' values in their types, so the API's document lists exactly the values the domain
has: one added to an enumeration and not to the view's type fails here."""

from __future__ import annotations

from enum import Enum
from typing import Any, get_args

import pytest

from ledger.application.interface import budgets
from ledger.domain.budget import BudgetStatus
from ledger.domain.disbursement import DisbursementStatus, ReversalKind
from ledger.domain.funds import ExpenseCategory

NAMES: list[tuple[Any, type[Enum]]] = [
    (budgets.BudgetStatusName, BudgetStatus),
    (budgets.ExpenseCategoryName, ExpenseCategory),
    (budgets.DisbursementStatusName, DisbursementStatus),
    (budgets.ReversalKindName, ReversalKind),
]


@pytest.mark.parametrize(("names", "enum"), NAMES, ids=[e.__name__ for _, e in NAMES])
def test_a_view_names_every_value_of_its_enumeration_and_no_other(
    names: Any, enum: type[Enum]
) -> None:
    assert set(get_args(names)) == {member.value for member in enum}
