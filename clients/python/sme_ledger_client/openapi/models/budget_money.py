from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="BudgetMoney")


@_attrs_define
class BudgetMoney:
    """The money of a line (or of the whole budget), as decimal strings; ``approved`` and
    ``remaining`` are ``null`` until the bureau approves the budget.

    """

    approved: None | str
    committed: str
    paid: str
    proposed: str
    recovered: str
    remaining: None | str
    reversed_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved: None | str
        approved = self.approved

        committed = self.committed

        paid = self.paid

        proposed = self.proposed

        recovered = self.recovered

        remaining: None | str
        remaining = self.remaining

        reversed_ = self.reversed_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved": approved,
                "committed": committed,
                "paid": paid,
                "proposed": proposed,
                "recovered": recovered,
                "remaining": remaining,
                "reversed": reversed_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_approved(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved = _parse_approved(d.pop("approved"))

        committed = d.pop("committed")

        paid = d.pop("paid")

        proposed = d.pop("proposed")

        recovered = d.pop("recovered")

        def _parse_remaining(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        remaining = _parse_remaining(d.pop("remaining"))

        reversed_ = d.pop("reversed")

        budget_money = cls(
            approved=approved,
            committed=committed,
            paid=paid,
            proposed=proposed,
            recovered=recovered,
            remaining=remaining,
            reversed_=reversed_,
        )

        budget_money.additional_properties = d
        return budget_money

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
