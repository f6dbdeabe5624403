from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.activity_planning_kind import ActivityPlanningKind
from ..models.activity_planning_kind import check_activity_planning_kind
from ..models.activity_planning_mode import ActivityPlanningMode
from ..models.activity_planning_mode import check_activity_planning_mode
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="ActivityPlanning")


@_attrs_define
class ActivityPlanning:
    """Plan an activity of the platform of the key (hub or window)."""

    category: str
    """ Service category code: 10-17, 99, or a six-digit item such as 100200 """
    expected_attendance: int
    external_ref: str
    """ The organiser's own reference; the same one never plans twice """
    kind: ActivityPlanningKind
    mode: ActivityPlanningMode
    starts_on: datetime.date
    title: str
    ends_on: datetime.date | None | Unset = UNSET
    """ Last day of a multi-day activity (at most 92 days); default starts_on """
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future, not before the activity's previous step. """
    venue: str | Unset = ""
    """ Where it takes place; required unless the activity is online """

    def to_dict(self) -> dict[str, Any]:
        category = self.category

        expected_attendance = self.expected_attendance

        external_ref = self.external_ref

        kind: str = self.kind

        mode: str = self.mode

        starts_on = self.starts_on.isoformat()

        title = self.title

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        venue = self.venue

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "expected_attendance": expected_attendance,
                "external_ref": external_ref,
                "kind": kind,
                "mode": mode,
                "starts_on": starts_on,
                "title": title,
            }
        )
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if venue is not UNSET:
            field_dict["venue"] = venue

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = d.pop("category")

        expected_attendance = d.pop("expected_attendance")

        external_ref = d.pop("external_ref")

        kind = check_activity_planning_kind(d.pop("kind"))

        mode = check_activity_planning_mode(d.pop("mode"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        title = d.pop("title")

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

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

        venue = d.pop("venue", UNSET)

        activity_planning = cls(
            category=category,
            expected_attendance=expected_attendance,
            external_ref=external_ref,
            kind=kind,
            mode=mode,
            starts_on=starts_on,
            title=title,
            ends_on=ends_on,
            occurred_at=occurred_at,
            venue=venue,
        )

        return activity_planning
