from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.appraisal_written_grade_type_0 import AppraisalWrittenGradeType0
from ..models.appraisal_written_grade_type_0 import check_appraisal_written_grade_type_0
from ..models.appraisal_written_status import AppraisalWrittenStatus
from ..models.appraisal_written_status import check_appraisal_written_status
from ..models.appraisal_written_subject_kind import AppraisalWrittenSubjectKind
from ..models.appraisal_written_subject_kind import check_appraisal_written_subject_kind
from typing import cast

if TYPE_CHECKING:
    from ..models.appraisal_written_expert_scores import AppraisalWrittenExpertScores
    from ..models.appraisal_written_figures import AppraisalWrittenFigures
    from ..models.indicator_score import IndicatorScore
    from ..models.scheme_reference import SchemeReference


T = TypeVar("T", bound="AppraisalWritten")


@_attrs_define
class AppraisalWritten:
    """A subject's annual appraisal (年度绩效考核): the figures read at one log position, the
    indicator scores, the experts' scores and, once concluded, the total, grade and
    consequence. With the log position of the write.

    """

    as_on: str
    consequence: None | str
    created_at: str
    expert_average: None | str
    expert_scores: AppraisalWrittenExpertScores
    figures: AppraisalWrittenFigures
    grade: AppraisalWrittenGradeType0 | None
    id: str
    indicators_total: str
    modified_at: str
    position: int
    scheme: SchemeReference
    """ Which scheme scored the appraisal: its id, version and the SHA-256 of its canonical
    form (the whole document is in the appraisal's history). """
    scores: list[IndicatorScore]
    status: AppraisalWrittenStatus
    subject_id: str
    subject_kind: AppraisalWrittenSubjectKind
    total: None | str
    version: int
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.appraisal_written_expert_scores import (
            AppraisalWrittenExpertScores,
        )  # noqa: PLC0415
        from ..models.appraisal_written_figures import AppraisalWrittenFigures  # noqa: PLC0415
        from ..models.indicator_score import IndicatorScore  # noqa: PLC0415
        from ..models.scheme_reference import SchemeReference  # noqa: PLC0415

        as_on = self.as_on

        consequence: None | str
        consequence = self.consequence

        created_at = self.created_at

        expert_average: None | str
        expert_average = self.expert_average

        expert_scores = self.expert_scores.to_dict()

        figures = self.figures.to_dict()

        grade: None | str
        if isinstance(self.grade, str):
            grade = self.grade
        else:
            grade = self.grade

        id = self.id

        indicators_total = self.indicators_total

        modified_at = self.modified_at

        position = self.position

        scheme = self.scheme.to_dict()

        scores = []
        for scores_item_data in self.scores:
            scores_item = scores_item_data.to_dict()
            scores.append(scores_item)

        status: str = self.status

        subject_id = self.subject_id

        subject_kind: str = self.subject_kind

        total: None | str
        total = self.total

        version = self.version

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_on": as_on,
                "consequence": consequence,
                "created_at": created_at,
                "expert_average": expert_average,
                "expert_scores": expert_scores,
                "figures": figures,
                "grade": grade,
                "id": id,
                "indicators_total": indicators_total,
                "modified_at": modified_at,
                "position": position,
                "scheme": scheme,
                "scores": scores,
                "status": status,
                "subject_id": subject_id,
                "subject_kind": subject_kind,
                "total": total,
                "version": version,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appraisal_written_expert_scores import (
            AppraisalWrittenExpertScores,
        )  # noqa: PLC0415
        from ..models.appraisal_written_figures import AppraisalWrittenFigures  # noqa: PLC0415
        from ..models.indicator_score import IndicatorScore  # noqa: PLC0415
        from ..models.scheme_reference import SchemeReference  # noqa: PLC0415

        d = dict(src_dict)
        as_on = d.pop("as_on")

        def _parse_consequence(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        consequence = _parse_consequence(d.pop("consequence"))

        created_at = d.pop("created_at")

        def _parse_expert_average(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        expert_average = _parse_expert_average(d.pop("expert_average"))

        expert_scores = AppraisalWrittenExpertScores.from_dict(d.pop("expert_scores"))

        figures = AppraisalWrittenFigures.from_dict(d.pop("figures"))

        def _parse_grade(data: object) -> AppraisalWrittenGradeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grade_type_0 = check_appraisal_written_grade_type_0(data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppraisalWrittenGradeType0 | None, data)

        grade = _parse_grade(d.pop("grade"))

        id = d.pop("id")

        indicators_total = d.pop("indicators_total")

        modified_at = d.pop("modified_at")

        position = d.pop("position")

        scheme = SchemeReference.from_dict(d.pop("scheme"))

        scores = []
        _scores = d.pop("scores")
        for scores_item_data in _scores:
            scores_item = IndicatorScore.from_dict(scores_item_data)

            scores.append(scores_item)

        status = check_appraisal_written_status(d.pop("status"))

        subject_id = d.pop("subject_id")

        subject_kind = check_appraisal_written_subject_kind(d.pop("subject_kind"))

        def _parse_total(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        total = _parse_total(d.pop("total"))

        version = d.pop("version")

        year = d.pop("year")

        appraisal_written = cls(
            as_on=as_on,
            consequence=consequence,
            created_at=created_at,
            expert_average=expert_average,
            expert_scores=expert_scores,
            figures=figures,
            grade=grade,
            id=id,
            indicators_total=indicators_total,
            modified_at=modified_at,
            position=position,
            scheme=scheme,
            scores=scores,
            status=status,
            subject_id=subject_id,
            subject_kind=subject_kind,
            total=total,
            version=version,
            year=year,
        )

        appraisal_written.additional_properties = d
        return appraisal_written

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
