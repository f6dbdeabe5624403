from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.statistics_row_by_category import StatisticsRowByCategory
    from ..models.statistics_row_by_channel import StatisticsRowByChannel


T = TypeVar("T", bound="StatisticsRow")


@_attrs_define
class StatisticsRow:
    """A window's services in one month (``2025-03``), quarter (``2025-Q1``) or year
    (``2025``): each count is of the steps taken in the period. Shares and averages are
    decimals as text, ``null`` when there is nothing to divide by.

    """

    by_category: StatisticsRowByCategory
    by_channel: StatisticsRowByChannel
    cancelled: int
    closed: int
    delivered: int
    enterprises_served: int
    free_share: None | str
    late_entries: int
    median_days_to_delivery: None | str
    opened: int
    period: str
    ratings: int
    satisfaction_average: None | str
    satisfied_share: None | str
    window_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.statistics_row_by_category import StatisticsRowByCategory  # noqa: PLC0415
        from ..models.statistics_row_by_channel import StatisticsRowByChannel  # noqa: PLC0415

        by_category = self.by_category.to_dict()

        by_channel = self.by_channel.to_dict()

        cancelled = self.cancelled

        closed = self.closed

        delivered = self.delivered

        enterprises_served = self.enterprises_served

        free_share: None | str
        free_share = self.free_share

        late_entries = self.late_entries

        median_days_to_delivery: None | str
        median_days_to_delivery = self.median_days_to_delivery

        opened = self.opened

        period = self.period

        ratings = self.ratings

        satisfaction_average: None | str
        satisfaction_average = self.satisfaction_average

        satisfied_share: None | str
        satisfied_share = self.satisfied_share

        window_id = self.window_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_category": by_category,
                "by_channel": by_channel,
                "cancelled": cancelled,
                "closed": closed,
                "delivered": delivered,
                "enterprises_served": enterprises_served,
                "free_share": free_share,
                "late_entries": late_entries,
                "median_days_to_delivery": median_days_to_delivery,
                "opened": opened,
                "period": period,
                "ratings": ratings,
                "satisfaction_average": satisfaction_average,
                "satisfied_share": satisfied_share,
                "window_id": window_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statistics_row_by_category import StatisticsRowByCategory  # noqa: PLC0415
        from ..models.statistics_row_by_channel import StatisticsRowByChannel  # noqa: PLC0415

        d = dict(src_dict)
        by_category = StatisticsRowByCategory.from_dict(d.pop("by_category"))

        by_channel = StatisticsRowByChannel.from_dict(d.pop("by_channel"))

        cancelled = d.pop("cancelled")

        closed = d.pop("closed")

        delivered = d.pop("delivered")

        enterprises_served = d.pop("enterprises_served")

        def _parse_free_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        free_share = _parse_free_share(d.pop("free_share"))

        late_entries = d.pop("late_entries")

        def _parse_median_days_to_delivery(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        median_days_to_delivery = _parse_median_days_to_delivery(
            d.pop("median_days_to_delivery")
        )

        opened = d.pop("opened")

        period = d.pop("period")

        ratings = d.pop("ratings")

        def _parse_satisfaction_average(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        satisfaction_average = _parse_satisfaction_average(
            d.pop("satisfaction_average")
        )

        def _parse_satisfied_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        satisfied_share = _parse_satisfied_share(d.pop("satisfied_share"))

        window_id = d.pop("window_id")

        statistics_row = cls(
            by_category=by_category,
            by_channel=by_channel,
            cancelled=cancelled,
            closed=closed,
            delivered=delivered,
            enterprises_served=enterprises_served,
            free_share=free_share,
            late_entries=late_entries,
            median_days_to_delivery=median_days_to_delivery,
            opened=opened,
            period=period,
            ratings=ratings,
            satisfaction_average=satisfaction_average,
            satisfied_share=satisfied_share,
            window_id=window_id,
        )

        statistics_row.additional_properties = d
        return statistics_row

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
