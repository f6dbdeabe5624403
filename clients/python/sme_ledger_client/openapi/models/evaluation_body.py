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
    from ..models.evaluation_body_counts import EvaluationBodyCounts


T = TypeVar("T", bound="EvaluationBody")


@_attrs_define
class EvaluationBody:
    """The participants' satisfaction survey: how many answered each rating, 1 to 5."""

    counts: EvaluationBodyCounts
    """ Answers per rating (1 very dissatisfied … 5 very satisfied); missing ratings had no answers; at least one
    answer, no more than the attendance """
    comment: str | Unset = ""
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future, not before the activity's previous step. """

    def to_dict(self) -> dict[str, Any]:
        from ..models.evaluation_body_counts import EvaluationBodyCounts  # noqa: PLC0415

        counts = self.counts.to_dict()

        comment = self.comment

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
                "counts": counts,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evaluation_body_counts import EvaluationBodyCounts  # noqa: PLC0415

        d = dict(src_dict)
        counts = EvaluationBodyCounts.from_dict(d.pop("counts"))

        comment = d.pop("comment", UNSET)

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

        evaluation_body = cls(
            counts=counts,
            comment=comment,
            occurred_at=occurred_at,
        )

        return evaluation_body
