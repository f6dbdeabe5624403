from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast


T = TypeVar("T", bound="ContactRecordedState")


@_attrs_define
class ContactRecordedState:
    """A contact person is recorded, by the platform ``recorded_by`` (its content is read only
    at ``GET /v1/enterprises/{uscc}/contact``).

    """

    recorded_by: None | str
    state: Literal["recorded"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recorded_by: None | str
        recorded_by = self.recorded_by

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recorded_by": recorded_by,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_recorded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))

        state = cast(Literal["recorded"], d.pop("state"))
        if state != "recorded":
            raise ValueError(f"state must match const 'recorded', got '{state}'")

        contact_recorded_state = cls(
            recorded_by=recorded_by,
            state=state,
        )

        contact_recorded_state.additional_properties = d
        return contact_recorded_state

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
