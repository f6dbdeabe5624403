"""The views of budgets, disbursements, agreements, entrustments and appraisals name their
enumerations' values in their types, so the API's document lists exactly the values the domain
has: one added to an enumeration (or to a scheme's kinds and grades) and not to the view's type
fails here."""

from __future__ import annotations

from enum import Enum
from typing import Any, get_args, get_type_hints

import pytest

from ledger.application.interface import agreements, appraisals, budgets, entrustments
from ledger.domain.agreement_terms import AgreementStatus, PartyKind
from ledger.domain.budget import BudgetStatus
from ledger.domain.disbursement import DisbursementStatus, ReversalKind
from ledger.domain.entrustment_terms import GRADES, EntrustmentStatus, Scope
from ledger.domain.funds import ExpenseCategory
from ledger.domain.schemes import GradeBand, Indicator, IndicatorScore, Scheme

NAMES: list[tuple[Any, type[Enum]]] = [
    (budgets.BudgetStatusName, BudgetStatus),
    (budgets.ExpenseCategoryName, ExpenseCategory),
    (budgets.DisbursementStatusName, DisbursementStatus),
    (budgets.ReversalKindName, ReversalKind),
    (agreements.AgreementStatusName, AgreementStatus),
    (agreements.PartyKindName, PartyKind),
    (entrustments.EntrustmentScopeName, Scope),
    (entrustments.EntrustmentStatusName, EntrustmentStatus),
]


@pytest.mark.parametrize(("names", "enum"), NAMES, ids=[e.__name__ for _, e in NAMES])
def test_a_view_names_every_value_of_its_enumeration_and_no_other(
    names: Any, enum: type[Enum]
) -> None:
    assert set(get_args(names)) == {member.value for member in enum}


def test_an_appraisal_names_the_kinds_and_grades_of_the_schemes() -> None:
    kinds = Scheme.model_fields["subject_kind"].annotation
    grades = GradeBand.model_fields["grade"].annotation

    assert set(get_args(appraisals.SubjectKindName)) == set(get_args(kinds))
    assert set(get_args(appraisals.GradeName)) == set(get_args(grades))
    assert set(get_args(appraisals.GradeName)) == {grade for _, grade in GRADES}


def test_an_indicator_score_names_the_comparisons_of_the_schemes() -> None:
    comparison = get_type_hints(IndicatorScore)["comparison"]
    assert get_args(comparison) == get_args(Indicator.model_fields["comparison"].annotation)
