from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ExpertRow")


@_attrs_define
class ExpertRow:
    """An expert of the pool (专家库)."""

    deactivated_on: None | str
    expert_id: str
    fields: list[str]
    name: str
    organisation: str
    registered_on: str
    status: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deactivated_on: None | str
        deactivated_on = self.deactivated_on

        expert_id = self.expert_id

        fields = self.fields

        name = self.name

        organisation = self.organisation

        registered_on = self.registered_on

        status = self.status

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deactivated_on": deactivated_on,
                "expert_id": expert_id,
                "fields": fields,
                "name": name,
                "organisation": organisation,
                "registered_on": registered_on,
                "status": status,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_deactivated_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deactivated_on = _parse_deactivated_on(d.pop("deactivated_on"))

        expert_id = d.pop("expert_id")

        fields = cast(list[str], d.pop("fields"))

        name = d.pop("name")

        organisation = d.pop("organisation")

        registered_on = d.pop("registered_on")

        status = d.pop("status")

        title = d.pop("title")

        expert_row = cls(
            deactivated_on=deactivated_on,
            expert_id=expert_id,
            fields=fields,
            name=name,
            organisation=organisation,
            registered_on=registered_on,
            status=status,
            title=title,
        )

        expert_row.additional_properties = d
        return expert_row

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
