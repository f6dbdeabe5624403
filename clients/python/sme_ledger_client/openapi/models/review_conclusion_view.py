from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ReviewConclusionView")


@_attrs_define
class ReviewConclusionView:
    """The conclusion of the expert review: on how many reviews, their mean (a decimal string,
    two places), whether the application passed, and the opinion.

    """

    concluded_at: str
    mean_score: str
    opinion: str
    passed: bool
    review_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        concluded_at = self.concluded_at

        mean_score = self.mean_score

        opinion = self.opinion

        passed = self.passed

        review_count = self.review_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "concluded_at": concluded_at,
                "mean_score": mean_score,
                "opinion": opinion,
                "passed": passed,
                "review_count": review_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        concluded_at = d.pop("concluded_at")

        mean_score = d.pop("mean_score")

        opinion = d.pop("opinion")

        passed = d.pop("passed")

        review_count = d.pop("review_count")

        review_conclusion_view = cls(
            concluded_at=concluded_at,
            mean_score=mean_score,
            opinion=opinion,
            passed=passed,
            review_count=review_count,
        )

        review_conclusion_view.additional_properties = d
        return review_conclusion_view

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
