from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.platform_security_row import PlatformSecurityRow


T = TypeVar("T", bound="SecurityOverview")


@_attrs_define
class SecurityOverview:
    """Every platform's security on a day, in the order they entered the network."""

    on: str
    platforms: list[PlatformSecurityRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.platform_security_row import PlatformSecurityRow  # noqa: PLC0415

        on = self.on

        platforms = []
        for platforms_item_data in self.platforms:
            platforms_item = platforms_item_data.to_dict()
            platforms.append(platforms_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on": on,
                "platforms": platforms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.platform_security_row import PlatformSecurityRow  # noqa: PLC0415

        d = dict(src_dict)
        on = d.pop("on")

        platforms = []
        _platforms = d.pop("platforms")
        for platforms_item_data in _platforms:
            platforms_item = PlatformSecurityRow.from_dict(platforms_item_data)

            platforms.append(platforms_item)

        security_overview = cls(
            on=on,
            platforms=platforms,
        )

        security_overview.additional_properties = d
        return security_overview

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
