from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.operator_appraisal_view_grade import check_operator_appraisal_view_grade
from ..models.operator_appraisal_view_grade import OperatorAppraisalViewGrade
from typing import cast

if TYPE_CHECKING:
    from ..models.area_averages import AreaAverages
    from ..models.expert_marks_view import ExpertMarksView


T = TypeVar("T", bound="OperatorAppraisalView")


@_attrs_define
class OperatorAppraisalView:
    """The operator's appraisal of one year by a panel of experts, as the hub recorded it."""

    appraised_on: str
    area_averages: AreaAverages
    """ The panel's average mark of each area, as decimal strings. """
    grade: OperatorAppraisalViewGrade
    marks: list[ExpertMarksView]
    note: str
    total: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.area_averages import AreaAverages  # noqa: PLC0415
        from ..models.expert_marks_view import ExpertMarksView  # noqa: PLC0415

        appraised_on = self.appraised_on

        area_averages = self.area_averages.to_dict()

        grade: str = self.grade

        marks = []
        for marks_item_data in self.marks:
            marks_item = marks_item_data.to_dict()
            marks.append(marks_item)

        note = self.note

        total = self.total

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appraised_on": appraised_on,
                "area_averages": area_averages,
                "grade": grade,
                "marks": marks,
                "note": note,
                "total": total,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.area_averages import AreaAverages  # noqa: PLC0415
        from ..models.expert_marks_view import ExpertMarksView  # noqa: PLC0415

        d = dict(src_dict)
        appraised_on = d.pop("appraised_on")

        area_averages = AreaAverages.from_dict(d.pop("area_averages"))

        grade = check_operator_appraisal_view_grade(d.pop("grade"))

        marks = []
        _marks = d.pop("marks")
        for marks_item_data in _marks:
            marks_item = ExpertMarksView.from_dict(marks_item_data)

            marks.append(marks_item)

        note = d.pop("note")

        total = d.pop("total")

        year = d.pop("year")

        operator_appraisal_view = cls(
            appraised_on=appraised_on,
            area_averages=area_averages,
            grade=grade,
            marks=marks,
            note=note,
            total=total,
            year=year,
        )

        operator_appraisal_view.additional_properties = d
        return operator_appraisal_view

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
