from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.timeliness_row import TimelinessRow


T = TypeVar("T", bound="TimelinessRows")


@_attrs_define
class TimelinessRows:
    """The rows read (`timeliness`) and how many (`count`); each a window's data reports for the periods of a year, as on a
    day.

    """

    count: int
    timeliness: list[TimelinessRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.timeliness_row import TimelinessRow  # noqa: PLC0415

        count = self.count

        timeliness = []
        for timeliness_item_data in self.timeliness:
            timeliness_item = timeliness_item_data.to_dict()
            timeliness.append(timeliness_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "timeliness": timeliness,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeliness_row import TimelinessRow  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        timeliness = []
        _timeliness = d.pop("timeliness")
        for timeliness_item_data in _timeliness:
            timeliness_item = TimelinessRow.from_dict(timeliness_item_data)

            timeliness.append(timeliness_item)

        timeliness_rows = cls(
            count=count,
            timeliness=timeliness,
        )

        timeliness_rows.additional_properties = d
        return timeliness_rows

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
