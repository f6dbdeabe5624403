from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.enterprise_service_row import EnterpriseServiceRow


T = TypeVar("T", bound="EnterpriseServiceRows")


@_attrs_define
class EnterpriseServiceRows:
    """The rows read (`services`) and how many (`count`); each one service case of the enterprise: who served it, how, what
    it cost, how it ended.

    """

    count: int
    services: list[EnterpriseServiceRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.enterprise_service_row import EnterpriseServiceRow  # noqa: PLC0415

        count = self.count

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "services": services,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.enterprise_service_row import EnterpriseServiceRow  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        services = []
        _services = d.pop("services")
        for services_item_data in _services:
            services_item = EnterpriseServiceRow.from_dict(services_item_data)

            services.append(services_item)

        enterprise_service_rows = cls(
            count=count,
            services=services,
        )

        enterprise_service_rows.additional_properties = d
        return enterprise_service_rows

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
