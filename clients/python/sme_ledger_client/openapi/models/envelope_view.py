from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="EnvelopeView")


@_attrs_define
class EnvelopeView:
    """Who recorded an event, for which platform, in which request, and when it happened."""

    actor: str
    causation_id: None | str
    correlation_id: str
    occurred_at: str
    platform_id: None | str
    late_entry: bool | Unset = UNSET
    post_close: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        causation_id: None | str
        causation_id = self.causation_id

        correlation_id = self.correlation_id

        occurred_at = self.occurred_at

        platform_id: None | str
        platform_id = self.platform_id

        late_entry = self.late_entry

        post_close = self.post_close

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "causation_id": causation_id,
                "correlation_id": correlation_id,
                "occurred_at": occurred_at,
                "platform_id": platform_id,
            }
        )
        if late_entry is not UNSET:
            field_dict["late_entry"] = late_entry
        if post_close is not UNSET:
            field_dict["post_close"] = post_close

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        def _parse_causation_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        causation_id = _parse_causation_id(d.pop("causation_id"))

        correlation_id = d.pop("correlation_id")

        occurred_at = d.pop("occurred_at")

        def _parse_platform_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        platform_id = _parse_platform_id(d.pop("platform_id"))

        late_entry = d.pop("late_entry", UNSET)

        post_close = d.pop("post_close", UNSET)

        envelope_view = cls(
            actor=actor,
            causation_id=causation_id,
            correlation_id=correlation_id,
            occurred_at=occurred_at,
            platform_id=platform_id,
            late_entry=late_entry,
            post_close=post_close,
        )

        envelope_view.additional_properties = d
        return envelope_view

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
