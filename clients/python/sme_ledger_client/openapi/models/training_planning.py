from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.training_category import check_training_category
from ..models.training_category import TrainingCategory
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="TrainingPlanning")


@_attrs_define
class TrainingPlanning:
    """A training of the key's platform: the hub's for the network, a window's for its staff."""

    category: TrainingCategory
    ends_on: datetime.date
    external_ref: str
    """ The hub's own reference; the same one never records a second time """
    hours: str
    """ Hours (学时) as a string, at most one decimal, e.g. "6.5" """
    starts_on: datetime.date
    title: str
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future beyond the clock skew, not before the network started, not before what it belongs to (a case, a
    connection). Recorded long after it happened, the entry is accepted and flagged late_entry. """

    def to_dict(self) -> dict[str, Any]:
        category: str = self.category

        ends_on = self.ends_on.isoformat()

        external_ref = self.external_ref

        hours = self.hours

        starts_on = self.starts_on.isoformat()

        title = self.title

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
                "category": category,
                "ends_on": ends_on,
                "external_ref": external_ref,
                "hours": hours,
                "starts_on": starts_on,
                "title": title,
            }
        )
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = check_training_category(d.pop("category"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        external_ref = d.pop("external_ref")

        hours = d.pop("hours")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        title = d.pop("title")

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

        training_planning = cls(
            category=category,
            ends_on=ends_on,
            external_ref=external_ref,
            hours=hours,
            starts_on=starts_on,
            title=title,
            occurred_at=occurred_at,
        )

        return training_planning
