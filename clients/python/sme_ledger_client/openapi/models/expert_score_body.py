from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID


T = TypeVar("T", bound="ExpertScoreBody")


@_attrs_define
class ExpertScoreBody:
    expert_id: UUID
    score: int
    opinion: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        expert_id = str(self.expert_id)

        score = self.score

        opinion = self.opinion

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expert_id": expert_id,
                "score": score,
            }
        )
        if opinion is not UNSET:
            field_dict["opinion"] = opinion

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expert_id = UUID(d.pop("expert_id"))

        score = d.pop("score")

        opinion = d.pop("opinion", UNSET)

        expert_score_body = cls(
            expert_id=expert_id,
            score=score,
            opinion=opinion,
        )

        return expert_score_body
