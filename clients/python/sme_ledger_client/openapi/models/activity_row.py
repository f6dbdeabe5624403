from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ActivityRow")


@_attrs_define
class ActivityRow:
    """An organiser's public service activities of the year: planned, held, evaluated and
    cancelled, who came, and how satisfied those who answered were.

    """

    attendance: int
    cancelled: int
    enterprises: int
    evaluated: int
    held: int
    organiser_id: str
    organiser_kind: str
    planned: int
    responses: int
    satisfied_share: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attendance = self.attendance

        cancelled = self.cancelled

        enterprises = self.enterprises

        evaluated = self.evaluated

        held = self.held

        organiser_id = self.organiser_id

        organiser_kind = self.organiser_kind

        planned = self.planned

        responses = self.responses

        satisfied_share: None | str
        satisfied_share = self.satisfied_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attendance": attendance,
                "cancelled": cancelled,
                "enterprises": enterprises,
                "evaluated": evaluated,
                "held": held,
                "organiser_id": organiser_id,
                "organiser_kind": organiser_kind,
                "planned": planned,
                "responses": responses,
                "satisfied_share": satisfied_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attendance = d.pop("attendance")

        cancelled = d.pop("cancelled")

        enterprises = d.pop("enterprises")

        evaluated = d.pop("evaluated")

        held = d.pop("held")

        organiser_id = d.pop("organiser_id")

        organiser_kind = d.pop("organiser_kind")

        planned = d.pop("planned")

        responses = d.pop("responses")

        def _parse_satisfied_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        satisfied_share = _parse_satisfied_share(d.pop("satisfied_share"))

        activity_row = cls(
            attendance=attendance,
            cancelled=cancelled,
            enterprises=enterprises,
            evaluated=evaluated,
            held=held,
            organiser_id=organiser_id,
            organiser_kind=organiser_kind,
            planned=planned,
            responses=responses,
            satisfied_share=satisfied_share,
        )

        activity_row.additional_properties = d
        return activity_row

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
