from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.size_from_size_class import check_size_from_size_class
from ..models.size_from_size_class import SizeFromSizeClass
from typing import cast


T = TypeVar("T", bound="SizeFrom")


@_attrs_define
class SizeFrom:
    """The enterprise's size class from a day on (Ningxia date), as an update recorded it."""

    size_class: SizeFromSizeClass
    valid_from: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        size_class: str = self.size_class

        valid_from = self.valid_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "size_class": size_class,
                "valid_from": valid_from,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        size_class = check_size_from_size_class(d.pop("size_class"))

        valid_from = d.pop("valid_from")

        size_from = cls(
            size_class=size_class,
            valid_from=valid_from,
        )

        size_from.additional_properties = d
        return size_from

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
