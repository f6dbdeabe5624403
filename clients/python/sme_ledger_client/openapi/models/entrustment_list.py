from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.entrustment_view import EntrustmentView


T = TypeVar("T", bound="EntrustmentList")


@_attrs_define
class EntrustmentList:
    """The entrustments, in the order made, as they stand on ``as_on``."""

    as_on: str
    entrustments: list[EntrustmentView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.entrustment_view import EntrustmentView  # noqa: PLC0415

        as_on = self.as_on

        entrustments = []
        for entrustments_item_data in self.entrustments:
            entrustments_item = entrustments_item_data.to_dict()
            entrustments.append(entrustments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_on": as_on,
                "entrustments": entrustments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entrustment_view import EntrustmentView  # noqa: PLC0415

        d = dict(src_dict)
        as_on = d.pop("as_on")

        entrustments = []
        _entrustments = d.pop("entrustments")
        for entrustments_item_data in _entrustments:
            entrustments_item = EntrustmentView.from_dict(entrustments_item_data)

            entrustments.append(entrustments_item)

        entrustment_list = cls(
            as_on=as_on,
            entrustments=entrustments,
        )

        entrustment_list.additional_properties = d
        return entrustment_list

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
