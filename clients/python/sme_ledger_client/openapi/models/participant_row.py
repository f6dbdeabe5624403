from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ParticipantRow")


@_attrs_define
class ParticipantRow:
    """A platform or institution of the network, with its standing (dates are Ningxia days)."""

    categories: list[str]
    entered_on: str
    id: str
    kind: str
    name: str
    rectification_deadline: None | str
    region: str
    revoked_on: None | str
    standing: str
    standing_changed_on: None | str
    status: str
    uscc: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories = self.categories

        entered_on = self.entered_on

        id = self.id

        kind = self.kind

        name = self.name

        rectification_deadline: None | str
        rectification_deadline = self.rectification_deadline

        region = self.region

        revoked_on: None | str
        revoked_on = self.revoked_on

        standing = self.standing

        standing_changed_on: None | str
        standing_changed_on = self.standing_changed_on

        status = self.status

        uscc = self.uscc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "categories": categories,
                "entered_on": entered_on,
                "id": id,
                "kind": kind,
                "name": name,
                "rectification_deadline": rectification_deadline,
                "region": region,
                "revoked_on": revoked_on,
                "standing": standing,
                "standing_changed_on": standing_changed_on,
                "status": status,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        categories = cast(list[str], d.pop("categories"))

        entered_on = d.pop("entered_on")

        id = d.pop("id")

        kind = d.pop("kind")

        name = d.pop("name")

        def _parse_rectification_deadline(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rectification_deadline = _parse_rectification_deadline(
            d.pop("rectification_deadline")
        )

        region = d.pop("region")

        def _parse_revoked_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revoked_on = _parse_revoked_on(d.pop("revoked_on"))

        standing = d.pop("standing")

        def _parse_standing_changed_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        standing_changed_on = _parse_standing_changed_on(d.pop("standing_changed_on"))

        status = d.pop("status")

        uscc = d.pop("uscc")

        participant_row = cls(
            categories=categories,
            entered_on=entered_on,
            id=id,
            kind=kind,
            name=name,
            rectification_deadline=rectification_deadline,
            region=region,
            revoked_on=revoked_on,
            standing=standing,
            standing_changed_on=standing_changed_on,
            status=status,
            uscc=uscc,
        )

        participant_row.additional_properties = d
        return participant_row

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
