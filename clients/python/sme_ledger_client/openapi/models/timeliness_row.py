from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="TimelinessRow")


@_attrs_define
class TimelinessRow:
    """A window's data reports for the periods of a year, as on a day."""

    accepted: int
    late: int
    missing: int
    on_time: int
    on_time_share: None | str
    pending: int
    requested: int
    returned: int
    window_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        late = self.late

        missing = self.missing

        on_time = self.on_time

        on_time_share: None | str
        on_time_share = self.on_time_share

        pending = self.pending

        requested = self.requested

        returned = self.returned

        window_id = self.window_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "late": late,
                "missing": missing,
                "on_time": on_time,
                "on_time_share": on_time_share,
                "pending": pending,
                "requested": requested,
                "returned": returned,
                "window_id": window_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted = d.pop("accepted")

        late = d.pop("late")

        missing = d.pop("missing")

        on_time = d.pop("on_time")

        def _parse_on_time_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        on_time_share = _parse_on_time_share(d.pop("on_time_share"))

        pending = d.pop("pending")

        requested = d.pop("requested")

        returned = d.pop("returned")

        window_id = d.pop("window_id")

        timeliness_row = cls(
            accepted=accepted,
            late=late,
            missing=missing,
            on_time=on_time,
            on_time_share=on_time_share,
            pending=pending,
            requested=requested,
            returned=returned,
            window_id=window_id,
        )

        timeliness_row.additional_properties = d
        return timeliness_row

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
