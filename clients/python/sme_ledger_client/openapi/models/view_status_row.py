from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ViewStatusRow")


@_attrs_define
class ViewStatusRow:
    """Where a view is: the version of its fold, the log position it has folded up to, its
    state, and how many positions it is behind the head of the log.

    """

    lag: int
    name: str
    position: int
    state: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lag = self.lag

        name = self.name

        position = self.position

        state = self.state

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lag": lag,
                "name": name,
                "position": position,
                "state": state,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lag = d.pop("lag")

        name = d.pop("name")

        position = d.pop("position")

        state = d.pop("state")

        version = d.pop("version")

        view_status_row = cls(
            lag=lag,
            name=name,
            position=position,
            state=state,
            version=version,
        )

        view_status_row.additional_properties = d
        return view_status_row

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
