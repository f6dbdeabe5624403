from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.indicator_score_comparison import check_indicator_score_comparison
from ..models.indicator_score_comparison import IndicatorScoreComparison
from typing import cast


T = TypeVar("T", bound="IndicatorScore")


@_attrs_define
class IndicatorScore:
    """One indicator of a scheme scored on a subject's figures: the threshold and weight (as
    decimal strings), the figure (``null`` when missing), whether it met the threshold, and the
    points it earned.

    """

    comparison: IndicatorScoreComparison
    figure: None | str
    indicator: str
    label: str
    met: bool
    points: str
    threshold: str
    weight: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comparison: str = self.comparison

        figure: None | str
        figure = self.figure

        indicator = self.indicator

        label = self.label

        met = self.met

        points = self.points

        threshold = self.threshold

        weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "comparison": comparison,
                "figure": figure,
                "indicator": indicator,
                "label": label,
                "met": met,
                "points": points,
                "threshold": threshold,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        comparison = check_indicator_score_comparison(d.pop("comparison"))

        def _parse_figure(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        figure = _parse_figure(d.pop("figure"))

        indicator = d.pop("indicator")

        label = d.pop("label")

        met = d.pop("met")

        points = d.pop("points")

        threshold = d.pop("threshold")

        weight = d.pop("weight")

        indicator_score = cls(
            comparison=comparison,
            figure=figure,
            indicator=indicator,
            label=label,
            met=met,
            points=points,
            threshold=threshold,
            weight=weight,
        )

        indicator_score.additional_properties = d
        return indicator_score

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
