from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="MembershipPeriodView")


@_attrs_define
class MembershipPeriodView:
    """One period of membership: from the day joined to the day left (``null`` while it runs),
    with the reasons for leaving.

    """

    joined_on: str
    left_on: None | str
    reasons: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        joined_on = self.joined_on

        left_on: None | str
        left_on = self.left_on

        reasons: None | str
        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "joined_on": joined_on,
                "left_on": left_on,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        joined_on = d.pop("joined_on")

        def _parse_left_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        left_on = _parse_left_on(d.pop("left_on"))

        def _parse_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reasons = _parse_reasons(d.pop("reasons"))

        membership_period_view = cls(
            joined_on=joined_on,
            left_on=left_on,
            reasons=reasons,
        )

        membership_period_view.additional_properties = d
        return membership_period_view

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
