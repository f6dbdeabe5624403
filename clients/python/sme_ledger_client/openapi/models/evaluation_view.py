from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.evaluation_view_counts import EvaluationViewCounts


T = TypeVar("T", bound="EvaluationView")


@_attrs_define
class EvaluationView:
    """The participants' satisfaction survey: answers by rating ("1" very dissatisfied … "5"
    very satisfied), how many answered, how many were satisfied (4 or 5), the mean rating (a
    decimal string, two places) and a comment.

    """

    average: str
    comment: str
    counts: EvaluationViewCounts
    responses: int
    satisfied: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.evaluation_view_counts import EvaluationViewCounts  # noqa: PLC0415

        average = self.average

        comment = self.comment

        counts = self.counts.to_dict()

        responses = self.responses

        satisfied = self.satisfied

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "average": average,
                "comment": comment,
                "counts": counts,
                "responses": responses,
                "satisfied": satisfied,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evaluation_view_counts import EvaluationViewCounts  # noqa: PLC0415

        d = dict(src_dict)
        average = d.pop("average")

        comment = d.pop("comment")

        counts = EvaluationViewCounts.from_dict(d.pop("counts"))

        responses = d.pop("responses")

        satisfied = d.pop("satisfied")

        evaluation_view = cls(
            average=average,
            comment=comment,
            counts=counts,
            responses=responses,
            satisfied=satisfied,
        )

        evaluation_view.additional_properties = d
        return evaluation_view

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
