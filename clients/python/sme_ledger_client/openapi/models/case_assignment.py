from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.case_assignment_provider_kind import CaseAssignmentProviderKind
from ..models.case_assignment_provider_kind import check_case_assignment_provider_kind
from typing import cast


T = TypeVar("T", bound="CaseAssignment")


@_attrs_define
class CaseAssignment:
    """Who delivers the service: a registered institution (by ``provider_id``) or an expert (by
    name only).

    """

    provider_id: None | str
    provider_kind: CaseAssignmentProviderKind
    provider_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_id: None | str
        provider_id = self.provider_id

        provider_kind: str = self.provider_kind

        provider_name = self.provider_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider_id": provider_id,
                "provider_kind": provider_kind,
                "provider_name": provider_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_provider_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        provider_id = _parse_provider_id(d.pop("provider_id"))

        provider_kind = check_case_assignment_provider_kind(d.pop("provider_kind"))

        provider_name = d.pop("provider_name")

        case_assignment = cls(
            provider_id=provider_id,
            provider_kind=provider_kind,
            provider_name=provider_name,
        )

        case_assignment.additional_properties = d
        return case_assignment

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
