from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.statistics_row import StatisticsRow


T = TypeVar("T", bound="StatisticsRows")


@_attrs_define
class StatisticsRows:
    """The rows read (`statistics`) and how many (`count`); each a window's services in one month (``2025-03``), quarter
    (``2025-Q1``) or year
    (``2025``): each count is of the steps taken in the period. Shares and averages are
    decimals as text, ``null`` when there is nothing to divide by.

    """

    count: int
    statistics: list[StatisticsRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.statistics_row import StatisticsRow  # noqa: PLC0415

        count = self.count

        statistics = []
        for statistics_item_data in self.statistics:
            statistics_item = statistics_item_data.to_dict()
            statistics.append(statistics_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "statistics": statistics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statistics_row import StatisticsRow  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        statistics = []
        _statistics = d.pop("statistics")
        for statistics_item_data in _statistics:
            statistics_item = StatisticsRow.from_dict(statistics_item_data)

            statistics.append(statistics_item)

        statistics_rows = cls(
            count=count,
            statistics=statistics,
        )

        statistics_rows.additional_properties = d
        return statistics_rows

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
