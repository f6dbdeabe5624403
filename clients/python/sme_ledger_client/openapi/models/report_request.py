from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="ReportRequest")


@_attrs_define
class ReportRequest:
    """The hub asks a window for its report on a period.

    The examples name the window of the platform-registration example (USCC
    91640100MA7AY4CL31), so they work on a network where that example was sent.

    """

    period: str
    """ A month such as "2026-03" or a quarter such as "2026-Q1" """
    window_id: UUID
    """ The window platform that reports """
    due_on: datetime.date | None | Unset = UNSET
    """ Default: the 10th of the next month (monthly) or the 15th of the month after the quarter (quarterly). After
    the period, within 366 days of its end, not before today. """
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Its date
    in China Standard Time decides lateness. """

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        window_id = str(self.window_id)

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
                "window_id": window_id,
            }
        )
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        window_id = UUID(d.pop("window_id"))

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        report_request = cls(
            period=period,
            window_id=window_id,
            due_on=due_on,
            occurred_at=occurred_at,
        )

        return report_request
