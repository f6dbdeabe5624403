from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="BudgetLineRow")


@_attrs_define
class BudgetLineRow:
    """A budget line's money (decimal amounts in yuan, as text), and what lapsed after its
    year.

    """

    approved: str
    budget_id: str
    category: str
    committed: str
    description: str
    hub_id: str
    lapsed: str
    line_code: str
    paid: str
    proposed: str
    recovered: str
    remaining: str
    reversed_: str
    year: int
    year_ended: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved = self.approved

        budget_id = self.budget_id

        category = self.category

        committed = self.committed

        description = self.description

        hub_id = self.hub_id

        lapsed = self.lapsed

        line_code = self.line_code

        paid = self.paid

        proposed = self.proposed

        recovered = self.recovered

        remaining = self.remaining

        reversed_ = self.reversed_

        year = self.year

        year_ended = self.year_ended

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "budget_id": budget_id,
                "category": category,
                "committed": committed,
                "description": description,
                "hub_id": hub_id,
                "lapsed": lapsed,
                "line_code": line_code,
                "paid": paid,
                "proposed": proposed,
                "recovered": recovered,
                "remaining": remaining,
                "reversed": reversed_,
                "year": year,
                "year_ended": year_ended,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved = d.pop("approved")

        budget_id = d.pop("budget_id")

        category = d.pop("category")

        committed = d.pop("committed")

        description = d.pop("description")

        hub_id = d.pop("hub_id")

        lapsed = d.pop("lapsed")

        line_code = d.pop("line_code")

        paid = d.pop("paid")

        proposed = d.pop("proposed")

        recovered = d.pop("recovered")

        remaining = d.pop("remaining")

        reversed_ = d.pop("reversed")

        year = d.pop("year")

        year_ended = d.pop("year_ended")

        budget_line_row = cls(
            approved=approved,
            budget_id=budget_id,
            category=category,
            committed=committed,
            description=description,
            hub_id=hub_id,
            lapsed=lapsed,
            line_code=line_code,
            paid=paid,
            proposed=proposed,
            recovered=recovered,
            remaining=remaining,
            reversed_=reversed_,
            year=year,
            year_ended=year_ended,
        )

        budget_line_row.additional_properties = d
        return budget_line_row

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
