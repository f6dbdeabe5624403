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
    from ..models.expert_marks_body import ExpertMarksBody


T = TypeVar("T", bound="OperatorAppraisalBody")


@_attrs_define
class OperatorAppraisalBody:
    """The operator's appraisal of a year that has ended: each expert of the panel (at least
    three) scores overall operation, service performance and use of funds from 0 to 100.

    """

    marks: list[ExpertMarksBody]
    year: int
    note: str | Unset = ""
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future, not before the agreement's last step. Record an agreement signed earlier with the real signing time.
    """

    def to_dict(self) -> dict[str, Any]:
        from ..models.expert_marks_body import ExpertMarksBody  # noqa: PLC0415

        marks = []
        for marks_item_data in self.marks:
            marks_item = marks_item_data.to_dict()
            marks.append(marks_item)

        year = self.year

        note = self.note

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
                "marks": marks,
                "year": year,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expert_marks_body import ExpertMarksBody  # noqa: PLC0415

        d = dict(src_dict)
        marks = []
        _marks = d.pop("marks")
        for marks_item_data in _marks:
            marks_item = ExpertMarksBody.from_dict(marks_item_data)

            marks.append(marks_item)

        year = d.pop("year")

        note = d.pop("note", UNSET)

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

        operator_appraisal_body = cls(
            marks=marks,
            year=year,
            note=note,
            occurred_at=occurred_at,
        )

        return operator_appraisal_body
