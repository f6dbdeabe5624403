from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="AreaAverages")


@_attrs_define
class AreaAverages:
    """The panel's average mark of each area, as decimal strings."""

    overall_operation: str
    service_performance: str
    use_of_funds: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        overall_operation = self.overall_operation

        service_performance = self.service_performance

        use_of_funds = self.use_of_funds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "overall_operation": overall_operation,
                "service_performance": service_performance,
                "use_of_funds": use_of_funds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        overall_operation = d.pop("overall_operation")

        service_performance = d.pop("service_performance")

        use_of_funds = d.pop("use_of_funds")

        area_averages = cls(
            overall_operation=overall_operation,
            service_performance=service_performance,
            use_of_funds=use_of_funds,
        )

        area_averages.additional_properties = d
        return area_averages

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
