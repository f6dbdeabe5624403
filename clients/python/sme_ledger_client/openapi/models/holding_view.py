from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="HoldingView")


@_attrs_define
class HoldingView:
    """That the activity was held: on which day, how many attended, and the participating
    enterprises (their USCCs).

    """

    attendance: int
    enterprise_count: int
    enterprises: list[str]
    held_on: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attendance = self.attendance

        enterprise_count = self.enterprise_count

        enterprises = self.enterprises

        held_on = self.held_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attendance": attendance,
                "enterprise_count": enterprise_count,
                "enterprises": enterprises,
                "held_on": held_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attendance = d.pop("attendance")

        enterprise_count = d.pop("enterprise_count")

        enterprises = cast(list[str], d.pop("enterprises"))

        held_on = d.pop("held_on")

        holding_view = cls(
            attendance=attendance,
            enterprise_count=enterprise_count,
            enterprises=enterprises,
            held_on=held_on,
        )

        holding_view.additional_properties = d
        return holding_view

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
