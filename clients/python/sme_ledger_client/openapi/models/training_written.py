from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.trainee_view import TraineeView


T = TypeVar("T", bound="TrainingWritten")


@_attrs_define
class TrainingWritten:
    """A training of service staff (Art. 6.7), from its plan to its closed roster; dates in
    ISO 8601, hours as decimal strings. With the log position of the write.

    """

    cancellation_reasons: None | str
    category: str
    closing_note: None | str
    created_at: str
    ends_on: str
    external_ref: str
    hours: str
    id: str
    modified_at: str
    organiser_id: str
    organiser_kind: str
    position: int
    roster: list[TraineeView]
    roster_amendments: int
    starts_on: str
    status: str
    title: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.trainee_view import TraineeView  # noqa: PLC0415

        cancellation_reasons: None | str
        cancellation_reasons = self.cancellation_reasons

        category = self.category

        closing_note: None | str
        closing_note = self.closing_note

        created_at = self.created_at

        ends_on = self.ends_on

        external_ref = self.external_ref

        hours = self.hours

        id = self.id

        modified_at = self.modified_at

        organiser_id = self.organiser_id

        organiser_kind = self.organiser_kind

        position = self.position

        roster = []
        for roster_item_data in self.roster:
            roster_item = roster_item_data.to_dict()
            roster.append(roster_item)

        roster_amendments = self.roster_amendments

        starts_on = self.starts_on

        status = self.status

        title = self.title

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancellation_reasons": cancellation_reasons,
                "category": category,
                "closing_note": closing_note,
                "created_at": created_at,
                "ends_on": ends_on,
                "external_ref": external_ref,
                "hours": hours,
                "id": id,
                "modified_at": modified_at,
                "organiser_id": organiser_id,
                "organiser_kind": organiser_kind,
                "position": position,
                "roster": roster,
                "roster_amendments": roster_amendments,
                "starts_on": starts_on,
                "status": status,
                "title": title,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trainee_view import TraineeView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_cancellation_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reasons = _parse_cancellation_reasons(
            d.pop("cancellation_reasons")
        )

        category = d.pop("category")

        def _parse_closing_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closing_note = _parse_closing_note(d.pop("closing_note"))

        created_at = d.pop("created_at")

        ends_on = d.pop("ends_on")

        external_ref = d.pop("external_ref")

        hours = d.pop("hours")

        id = d.pop("id")

        modified_at = d.pop("modified_at")

        organiser_id = d.pop("organiser_id")

        organiser_kind = d.pop("organiser_kind")

        position = d.pop("position")

        roster = []
        _roster = d.pop("roster")
        for roster_item_data in _roster:
            roster_item = TraineeView.from_dict(roster_item_data)

            roster.append(roster_item)

        roster_amendments = d.pop("roster_amendments")

        starts_on = d.pop("starts_on")

        status = d.pop("status")

        title = d.pop("title")

        version = d.pop("version")

        training_written = cls(
            cancellation_reasons=cancellation_reasons,
            category=category,
            closing_note=closing_note,
            created_at=created_at,
            ends_on=ends_on,
            external_ref=external_ref,
            hours=hours,
            id=id,
            modified_at=modified_at,
            organiser_id=organiser_id,
            organiser_kind=organiser_kind,
            position=position,
            roster=roster,
            roster_amendments=roster_amendments,
            starts_on=starts_on,
            status=status,
            title=title,
            version=version,
        )

        training_written.additional_properties = d
        return training_written

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
