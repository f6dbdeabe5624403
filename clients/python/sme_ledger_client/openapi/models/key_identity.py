from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.key_identity_role import check_key_identity_role
from ..models.key_identity_role import KeyIdentityRole
from typing import cast


T = TypeVar("T", bound="KeyIdentity")


@_attrs_define
class KeyIdentity:
    """Who an actor ``key:<id>`` is: the name and role its key was issued with, the platform it
    acts for, and when it was issued (record time).

    """

    actor: str
    id: str
    issued_at: str
    name: str
    platform_id: None | str
    revoked: bool
    role: KeyIdentityRole
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        id = self.id

        issued_at = self.issued_at

        name = self.name

        platform_id: None | str
        platform_id = self.platform_id

        revoked = self.revoked

        role: str = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "id": id,
                "issued_at": issued_at,
                "name": name,
                "platform_id": platform_id,
                "revoked": revoked,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        id = d.pop("id")

        issued_at = d.pop("issued_at")

        name = d.pop("name")

        def _parse_platform_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform_id = _parse_platform_id(d.pop("platform_id"))

        revoked = d.pop("revoked")

        role = check_key_identity_role(d.pop("role"))

        key_identity = cls(
            actor=actor,
            id=id,
            issued_at=issued_at,
            name=name,
            platform_id=platform_id,
            revoked=revoked,
            role=role,
        )

        key_identity.additional_properties = d
        return key_identity

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
