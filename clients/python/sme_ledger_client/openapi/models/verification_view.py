from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.figure_difference import FigureDifference
    from ..models.indicator_score import IndicatorScore
    from ..models.score_difference import ScoreDifference
    from ..models.verification_view_recomputed_figures import (
        VerificationViewRecomputedFigures,
    )


T = TypeVar("T", bound="VerificationView")


@_attrs_define
class VerificationView:
    """An appraisal's figures and scores recomputed from the log prefix it recorded, and how
    they differ from what it recorded (``identical`` when in nothing).

    """

    appraisal_id: str
    differences: list[FigureDifference | ScoreDifference]
    identical: bool
    position: int
    recomputed_figures: VerificationViewRecomputedFigures
    recomputed_scores: list[IndicatorScore]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.figure_difference import FigureDifference  # noqa: PLC0415
        from ..models.indicator_score import IndicatorScore  # noqa: PLC0415
        from ..models.score_difference import ScoreDifference  # noqa: PLC0415
        from ..models.verification_view_recomputed_figures import (
            VerificationViewRecomputedFigures,
        )  # noqa: PLC0415

        appraisal_id = self.appraisal_id

        differences = []
        for differences_item_data in self.differences:
            differences_item: dict[str, Any]
            if isinstance(differences_item_data, FigureDifference):
                differences_item = differences_item_data.to_dict()
            else:
                differences_item = differences_item_data.to_dict()

            differences.append(differences_item)

        identical = self.identical

        position = self.position

        recomputed_figures = self.recomputed_figures.to_dict()

        recomputed_scores = []
        for recomputed_scores_item_data in self.recomputed_scores:
            recomputed_scores_item = recomputed_scores_item_data.to_dict()
            recomputed_scores.append(recomputed_scores_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appraisal_id": appraisal_id,
                "differences": differences,
                "identical": identical,
                "position": position,
                "recomputed_figures": recomputed_figures,
                "recomputed_scores": recomputed_scores,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_difference import FigureDifference  # noqa: PLC0415
        from ..models.indicator_score import IndicatorScore  # noqa: PLC0415
        from ..models.score_difference import ScoreDifference  # noqa: PLC0415
        from ..models.verification_view_recomputed_figures import (
            VerificationViewRecomputedFigures,
        )  # noqa: PLC0415

        d = dict(src_dict)
        appraisal_id = d.pop("appraisal_id")

        differences = []
        _differences = d.pop("differences")
        for differences_item_data in _differences:

            def _parse_differences_item(
                data: object,
            ) -> FigureDifference | ScoreDifference:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    differences_item_type_0 = FigureDifference.from_dict(data)

                    return differences_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                differences_item_type_1 = ScoreDifference.from_dict(data)

                return differences_item_type_1

            differences_item = _parse_differences_item(differences_item_data)

            differences.append(differences_item)

        identical = d.pop("identical")

        position = d.pop("position")

        recomputed_figures = VerificationViewRecomputedFigures.from_dict(
            d.pop("recomputed_figures")
        )

        recomputed_scores = []
        _recomputed_scores = d.pop("recomputed_scores")
        for recomputed_scores_item_data in _recomputed_scores:
            recomputed_scores_item = IndicatorScore.from_dict(
                recomputed_scores_item_data
            )

            recomputed_scores.append(recomputed_scores_item)

        verification_view = cls(
            appraisal_id=appraisal_id,
            differences=differences,
            identical=identical,
            position=position,
            recomputed_figures=recomputed_figures,
            recomputed_scores=recomputed_scores,
        )

        verification_view.additional_properties = d
        return verification_view

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
