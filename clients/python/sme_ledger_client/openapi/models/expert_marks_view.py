from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ExpertMarksView")


@_attrs_define
class ExpertMarksView:
    """One expert's marks of the three areas (Art. 12), each from 0 to 100."""

    expert_id: str
    overall_operation: int
    service_performance: int
    use_of_funds: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expert_id = self.expert_id

        overall_operation = self.overall_operation

        service_performance = self.service_performance

        use_of_funds = self.use_of_funds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expert_id": expert_id,
                "overall_operation": overall_operation,
                "service_performance": service_performance,
                "use_of_funds": use_of_funds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expert_id = d.pop("expert_id")

        overall_operation = d.pop("overall_operation")

        service_performance = d.pop("service_performance")

        use_of_funds = d.pop("use_of_funds")

        expert_marks_view = cls(
            expert_id=expert_id,
            overall_operation=overall_operation,
            service_performance=service_performance,
            use_of_funds=use_of_funds,
        )

        expert_marks_view.additional_properties = d
        return expert_marks_view

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
