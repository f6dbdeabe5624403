from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="TraineeView")


@_attrs_define
class TraineeView:
    """One entry of a roster: whose staff (a platform or an institution), who by name and role,
    the hours attended (a decimal string) and the assessment's result.

    """

    hours: str
    name: str
    participant_id: str
    participant_kind: str
    result: str
    role: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hours = self.hours

        name = self.name

        participant_id = self.participant_id

        participant_kind = self.participant_kind

        result = self.result

        role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hours": hours,
                "name": name,
                "participant_id": participant_id,
                "participant_kind": participant_kind,
                "result": result,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hours = d.pop("hours")

        name = d.pop("name")

        participant_id = d.pop("participant_id")

        participant_kind = d.pop("participant_kind")

        result = d.pop("result")

        role = d.pop("role")

        trainee_view = cls(
            hours=hours,
            name=name,
            participant_id=participant_id,
            participant_kind=participant_kind,
            result=result,
            role=role,
        )

        trainee_view.additional_properties = d
        return trainee_view

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
