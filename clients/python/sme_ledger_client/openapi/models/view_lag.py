from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="ViewLag")


@_attrs_define
class ViewLag:
    """How far a view is behind the head and its state (``live``, ``rebuilding``, ``stalled``);
    for a stalled view, where it stands, the position of the event it stalled on, and the
    class of the error.

    """

    lag: int
    state: str
    error: str | Unset = UNSET
    failed_position: int | Unset = UNSET
    position: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lag = self.lag

        state = self.state

        error = self.error

        failed_position = self.failed_position

        position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lag": lag,
                "state": state,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if failed_position is not UNSET:
            field_dict["failed_position"] = failed_position
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lag = d.pop("lag")

        state = d.pop("state")

        error = d.pop("error", UNSET)

        failed_position = d.pop("failed_position", UNSET)

        position = d.pop("position", UNSET)

        view_lag = cls(
            lag=lag,
            state=state,
            error=error,
            failed_position=failed_position,
            position=position,
        )

        view_lag.additional_properties = d
        return view_lag

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
