from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="StandbyLag")


@_attrs_define
class StandbyLag:
    """How far the read standby is behind: in events, and in seconds of replay."""

    in_recovery: bool
    lag: int
    replay_lag_seconds: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        in_recovery = self.in_recovery

        lag = self.lag

        replay_lag_seconds = self.replay_lag_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "in_recovery": in_recovery,
                "lag": lag,
                "replay_lag_seconds": replay_lag_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        in_recovery = d.pop("in_recovery")

        lag = d.pop("lag")

        replay_lag_seconds = d.pop("replay_lag_seconds")

        standby_lag = cls(
            in_recovery=in_recovery,
            lag=lag,
            replay_lag_seconds=replay_lag_seconds,
        )

        standby_lag.additional_properties = d
        return standby_lag

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
