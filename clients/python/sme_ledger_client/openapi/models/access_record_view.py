from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="AccessRecordView")


@_attrs_define
class AccessRecordView:
    """One request that touched ledger data: when, by whom (``key:<id>`` or ``anonymous``) in
    which role, which route and resource, and how it was answered.

    """

    at: str
    id: int
    method: str
    principal: str
    request_id: str
    resource_id: None | str
    role: str
    route: str
    status: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at

        id = self.id

        method = self.method

        principal = self.principal

        request_id = self.request_id

        resource_id: None | str
        resource_id = self.resource_id

        role = self.role

        route = self.route

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "id": id,
                "method": method,
                "principal": principal,
                "request_id": request_id,
                "resource_id": resource_id,
                "role": role,
                "route": route,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = d.pop("at")

        id = d.pop("id")

        method = d.pop("method")

        principal = d.pop("principal")

        request_id = d.pop("request_id")

        def _parse_resource_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_id = _parse_resource_id(d.pop("resource_id"))

        role = d.pop("role")

        route = d.pop("route")

        status = d.pop("status")

        access_record_view = cls(
            at=at,
            id=id,
            method=method,
            principal=principal,
            request_id=request_id,
            resource_id=resource_id,
            role=role,
            route=route,
            status=status,
        )

        access_record_view.additional_properties = d
        return access_record_view

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
