from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.trainee_result import check_trainee_result
from ..models.trainee_result import TraineeResult
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="TraineeBody")


@_attrs_define
class TraineeBody:
    """One trainee: whose staff, name and role only (no telephone or identity number)."""

    hours: str
    """ Hours (学时) as a string, at most one decimal, e.g. "6.5" """
    name: str
    participant_id: UUID
    """ The platform or institution whose staff the trainee is """
    result: TraineeResult
    role: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        hours = self.hours

        name = self.name

        participant_id = str(self.participant_id)

        result: str = self.result

        role = self.role

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hours": hours,
                "name": name,
                "participant_id": participant_id,
                "result": result,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hours = d.pop("hours")

        name = d.pop("name")

        participant_id = UUID(d.pop("participant_id"))

        result = check_trainee_result(d.pop("result"))

        role = d.pop("role", UNSET)

        trainee_body = cls(
            hours=hours,
            name=name,
            participant_id=participant_id,
            result=result,
            role=role,
        )

        return trainee_body
