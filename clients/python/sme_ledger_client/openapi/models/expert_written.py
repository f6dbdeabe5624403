from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ExpertWritten")


@_attrs_define
class ExpertWritten:
    """An expert of the pool, registered by the hub; inactive once deactivated. With the log position of the write."""

    active: bool
    created_at: str
    deactivation_reason: None | str
    external_ref: str
    fields: list[str]
    id: str
    modified_at: str
    name: str
    organisation: str
    position: int
    title: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at

        deactivation_reason: None | str
        deactivation_reason = self.deactivation_reason

        external_ref = self.external_ref

        fields = self.fields

        id = self.id

        modified_at = self.modified_at

        name = self.name

        organisation = self.organisation

        position = self.position

        title = self.title

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "created_at": created_at,
                "deactivation_reason": deactivation_reason,
                "external_ref": external_ref,
                "fields": fields,
                "id": id,
                "modified_at": modified_at,
                "name": name,
                "organisation": organisation,
                "position": position,
                "title": title,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = d.pop("created_at")

        def _parse_deactivation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deactivation_reason = _parse_deactivation_reason(d.pop("deactivation_reason"))

        external_ref = d.pop("external_ref")

        fields = cast(list[str], d.pop("fields"))

        id = d.pop("id")

        modified_at = d.pop("modified_at")

        name = d.pop("name")

        organisation = d.pop("organisation")

        position = d.pop("position")

        title = d.pop("title")

        version = d.pop("version")

        expert_written = cls(
            active=active,
            created_at=created_at,
            deactivation_reason=deactivation_reason,
            external_ref=external_ref,
            fields=fields,
            id=id,
            modified_at=modified_at,
            name=name,
            organisation=organisation,
            position=position,
            title=title,
            version=version,
        )

        expert_written.additional_properties = d
        return expert_written

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
