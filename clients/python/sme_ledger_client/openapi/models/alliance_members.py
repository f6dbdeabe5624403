from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.membership_view import MembershipView


T = TypeVar("T", bound="AllianceMembers")


@_attrs_define
class AllianceMembers:
    """The alliance's members on a day, in the order they first joined."""

    count: int
    members: list[MembershipView]
    on: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.membership_view import MembershipView  # noqa: PLC0415

        count = self.count

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        on = self.on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "members": members,
                "on": on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.membership_view import MembershipView  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MembershipView.from_dict(members_item_data)

            members.append(members_item)

        on = d.pop("on")

        alliance_members = cls(
            count=count,
            members=members,
            on=on,
        )

        alliance_members.additional_properties = d
        return alliance_members

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
