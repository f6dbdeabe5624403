from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.participant_row import ParticipantRow


T = TypeVar("T", bound="ParticipantRows")


@_attrs_define
class ParticipantRows:
    """The rows read (`participants`) and how many (`count`); each a platform or institution of the network, with its
    standing (dates are Ningxia days).

    """

    count: int
    participants: list[ParticipantRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.participant_row import ParticipantRow  # noqa: PLC0415

        count = self.count

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "participants": participants,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participant_row import ParticipantRow  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = ParticipantRow.from_dict(participants_item_data)

            participants.append(participants_item)

        participant_rows = cls(
            count=count,
            participants=participants,
        )

        participant_rows.additional_properties = d
        return participant_rows

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
