from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.expense_category import check_expense_category
from ..models.expense_category import ExpenseCategory
from typing import cast


T = TypeVar("T", bound="BudgetLineBody")


@_attrs_define
class BudgetLineBody:
    amount: str
    """ Exact amount in yuan as a string, at most two decimals, e.g. "300.00" """
    category: ExpenseCategory
    """ What a line pays for, after the scope of operating costs in Art. 7. """
    code: str
    """ The line's code, unique within the budget (case-insensitive), e.g. L01 """
    description: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        category: str = self.category

        code = self.code

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "category": category,
                "code": code,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        category = check_expense_category(d.pop("category"))

        code = d.pop("code")

        description = d.pop("description")

        budget_line_body = cls(
            amount=amount,
            category=category,
            code=code,
            description=description,
        )

        return budget_line_body
