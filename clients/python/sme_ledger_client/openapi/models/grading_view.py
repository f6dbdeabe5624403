from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="GradingView")


@_attrs_define
class GradingView:
    """The platform's classified protection grading (等级保护): its level (1-5, GB/T 22239),
    the filing number, the day graded, and the day its next review is due.

    """

    filing_number: str
    graded_on: str
    level: int
    next_review_on: str
    review_overdue: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filing_number = self.filing_number

        graded_on = self.graded_on

        level = self.level

        next_review_on = self.next_review_on

        review_overdue = self.review_overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filing_number": filing_number,
                "graded_on": graded_on,
                "level": level,
                "next_review_on": next_review_on,
                "review_overdue": review_overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filing_number = d.pop("filing_number")

        graded_on = d.pop("graded_on")

        level = d.pop("level")

        next_review_on = d.pop("next_review_on")

        review_overdue = d.pop("review_overdue")

        grading_view = cls(
            filing_number=filing_number,
            graded_on=graded_on,
            level=level,
            next_review_on=next_review_on,
            review_overdue=review_overdue,
        )

        grading_view.additional_properties = d
        return grading_view

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
