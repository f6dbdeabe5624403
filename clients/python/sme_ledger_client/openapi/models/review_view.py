from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ReviewView")


@_attrs_define
class ReviewView:
    """One expert's score (0-100) and opinion of the application."""

    expert_id: str
    expert_name: str
    opinion: str
    reviewed_at: str
    score: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expert_id = self.expert_id

        expert_name = self.expert_name

        opinion = self.opinion

        reviewed_at = self.reviewed_at

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expert_id": expert_id,
                "expert_name": expert_name,
                "opinion": opinion,
                "reviewed_at": reviewed_at,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expert_id = d.pop("expert_id")

        expert_name = d.pop("expert_name")

        opinion = d.pop("opinion")

        reviewed_at = d.pop("reviewed_at")

        score = d.pop("score")

        review_view = cls(
            expert_id=expert_id,
            expert_name=expert_name,
            opinion=opinion,
            reviewed_at=reviewed_at,
            score=score,
        )

        review_view.additional_properties = d
        return review_view

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
