from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.trainee_body import TraineeBody


T = TypeVar("T", bound="RosterAmendmentBody")


@_attrs_define
class RosterAmendmentBody:
    """The whole roster anew, with the reasons for the correction."""

    reasons: str
    roster: list[TraineeBody]
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future beyond the clock skew, not before the network started, not before what it belongs to (a case, a
    connection). Recorded long after it happened, the entry is accepted and flagged late_entry. """

    def to_dict(self) -> dict[str, Any]:
        from ..models.trainee_body import TraineeBody  # noqa: PLC0415

        reasons = self.reasons

        roster = []
        for roster_item_data in self.roster:
            roster_item = roster_item_data.to_dict()
            roster.append(roster_item)

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
                "reasons": reasons,
                "roster": roster,
            }
        )
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trainee_body import TraineeBody  # noqa: PLC0415

        d = dict(src_dict)
        reasons = d.pop("reasons")

        roster = []
        _roster = d.pop("roster")
        for roster_item_data in _roster:
            roster_item = TraineeBody.from_dict(roster_item_data)

            roster.append(roster_item)

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

        roster_amendment_body = cls(
            reasons=reasons,
            roster=roster,
            occurred_at=occurred_at,
        )

        return roster_amendment_body
