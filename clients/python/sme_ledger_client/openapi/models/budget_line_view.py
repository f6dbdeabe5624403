from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.budget_line_view_category import BudgetLineViewCategory
from ..models.budget_line_view_category import check_budget_line_view_category
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="BudgetLineView")


@_attrs_define
class BudgetLineView:
    """One line of a budget: what it pays for and the money on it."""

    approved: None | str
    category: BudgetLineViewCategory
    code: str
    committed: str
    description: str
    paid: str
    proposed: str
    recovered: str
    remaining: None | str
    reversed_: str
    lapsed: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved: None | str
        approved = self.approved

        category: str = self.category

        code = self.code

        committed = self.committed

        description = self.description

        paid = self.paid

        proposed = self.proposed

        recovered = self.recovered

        remaining: None | str
        remaining = self.remaining

        reversed_ = self.reversed_

        lapsed = self.lapsed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "category": category,
                "code": code,
                "committed": committed,
                "description": description,
                "paid": paid,
                "proposed": proposed,
                "recovered": recovered,
                "remaining": remaining,
                "reversed": reversed_,
            }
        )
        if lapsed is not UNSET:
            field_dict["lapsed"] = lapsed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_approved(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved = _parse_approved(d.pop("approved"))

        category = check_budget_line_view_category(d.pop("category"))

        code = d.pop("code")

        committed = d.pop("committed")

        description = d.pop("description")

        paid = d.pop("paid")

        proposed = d.pop("proposed")

        recovered = d.pop("recovered")

        def _parse_remaining(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        remaining = _parse_remaining(d.pop("remaining"))

        reversed_ = d.pop("reversed")

        lapsed = d.pop("lapsed", UNSET)

        budget_line_view = cls(
            approved=approved,
            category=category,
            code=code,
            committed=committed,
            description=description,
            paid=paid,
            proposed=proposed,
            recovered=recovered,
            remaining=remaining,
            reversed_=reversed_,
            lapsed=lapsed,
        )

        budget_line_view.additional_properties = d
        return budget_line_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
