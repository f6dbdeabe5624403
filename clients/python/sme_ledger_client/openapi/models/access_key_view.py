from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.access_key_view_role import AccessKeyViewRole
from ..models.access_key_view_role import check_access_key_view_role
from typing import cast


T = TypeVar("T", bound="AccessKeyView")


@_attrs_define
class AccessKeyView:
    """An access key: its role, the platform it acts for, its name and the hint that tells it
    apart (never its secret or hash).

    """

    created_at: str
    hint: str
    id: str
    modified_at: str
    name: str
    platform_id: None | str
    revoked: bool
    role: AccessKeyViewRole
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        hint = self.hint

        id = self.id

        modified_at = self.modified_at

        name = self.name

        platform_id: None | str
        platform_id = self.platform_id

        revoked = self.revoked

        role: str = self.role

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "hint": hint,
                "id": id,
                "modified_at": modified_at,
                "name": name,
                "platform_id": platform_id,
                "revoked": revoked,
                "role": role,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at")

        hint = d.pop("hint")

        id = d.pop("id")

        modified_at = d.pop("modified_at")

        name = d.pop("name")

        def _parse_platform_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform_id = _parse_platform_id(d.pop("platform_id"))

        revoked = d.pop("revoked")

        role = check_access_key_view_role(d.pop("role"))

        version = d.pop("version")

        access_key_view = cls(
            created_at=created_at,
            hint=hint,
            id=id,
            modified_at=modified_at,
            name=name,
            platform_id=platform_id,
            revoked=revoked,
            role=role,
            version=version,
        )

        access_key_view.additional_properties = d
        return access_key_view

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
