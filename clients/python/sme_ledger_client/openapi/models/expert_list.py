from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.expert_view import ExpertView


T = TypeVar("T", bound="ExpertList")


@_attrs_define
class ExpertList:
    """The expert pool, in the order registered."""

    experts: list[ExpertView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.expert_view import ExpertView  # noqa: PLC0415

        experts = []
        for experts_item_data in self.experts:
            experts_item = experts_item_data.to_dict()
            experts.append(experts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "experts": experts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expert_view import ExpertView  # noqa: PLC0415

        d = dict(src_dict)
        experts = []
        _experts = d.pop("experts")
        for experts_item_data in _experts:
            experts_item = ExpertView.from_dict(experts_item_data)

            experts.append(experts_item)

        expert_list = cls(
            experts=experts,
        )

        expert_list.additional_properties = d
        return expert_list

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
