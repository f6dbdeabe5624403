from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.indicator_score import IndicatorScore


T = TypeVar("T", bound="ScoreDifference")


@_attrs_define
class ScoreDifference:
    """An indicator whose recomputed score differs from the recorded one."""

    indicator: str
    recomputed: IndicatorScore
    """ One indicator of a scheme scored on a subject's figures: the threshold and weight (as
    decimal strings), the figure (``null`` when missing), whether it met the threshold, and the
    points it earned. """
    recorded: IndicatorScore
    """ One indicator of a scheme scored on a subject's figures: the threshold and weight (as
    decimal strings), the figure (``null`` when missing), whether it met the threshold, and the
    points it earned. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.indicator_score import IndicatorScore  # noqa: PLC0415

        indicator = self.indicator

        recomputed = self.recomputed.to_dict()

        recorded = self.recorded.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator": indicator,
                "recomputed": recomputed,
                "recorded": recorded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_score import IndicatorScore  # noqa: PLC0415

        d = dict(src_dict)
        indicator = d.pop("indicator")

        recomputed = IndicatorScore.from_dict(d.pop("recomputed"))

        recorded = IndicatorScore.from_dict(d.pop("recorded"))

        score_difference = cls(
            indicator=indicator,
            recomputed=recomputed,
            recorded=recorded,
        )

        score_difference.additional_properties = d
        return score_difference

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
