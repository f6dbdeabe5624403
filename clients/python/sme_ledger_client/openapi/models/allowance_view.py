from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="AllowanceView")


@_attrs_define
class AllowanceView:
    """The hub's approval for one platform (``null``: the network-wide roles) to enter what
    happened in a closed period, until a day (inclusive, on the ledger's clock).

    """

    granted_by: str
    platform_id: None | str
    reason: str
    until: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        granted_by = self.granted_by

        platform_id: None | str
        platform_id = self.platform_id

        reason = self.reason

        until = self.until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "granted_by": granted_by,
                "platform_id": platform_id,
                "reason": reason,
                "until": until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        granted_by = d.pop("granted_by")

        def _parse_platform_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform_id = _parse_platform_id(d.pop("platform_id"))

        reason = d.pop("reason")

        until = d.pop("until")

        allowance_view = cls(
            granted_by=granted_by,
            platform_id=platform_id,
            reason=reason,
            until=until,
        )

        allowance_view.additional_properties = d
        return allowance_view

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
