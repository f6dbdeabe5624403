from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="PeriodClosing")


@_attrs_define
class PeriodClosing:
    """Close an ended year or month. Final: afterwards, what happened in it is entered only
    under an allowance from the hub, and each such entry is flagged ``post_close``.

    """

    period: str
    """ A year (2025) or a month (2025-11) of Ningxia business dates """
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        note = d.pop("note", UNSET)

        period_closing = cls(
            period=period,
            note=note,
        )

        return period_closing
