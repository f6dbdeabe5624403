from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.membership_period_view import MembershipPeriodView


T = TypeVar("T", bound="MembershipWritten")


@_attrs_define
class MembershipWritten:
    """A platform's or an institution's membership of the service alliance (Art. 6.8), period
    by period; ``current`` while the latest period runs. With the log position of the write.

    """

    created_at: str
    current: bool
    id: str
    member_id: str
    member_kind: str
    modified_at: str
    note: str
    periods: list[MembershipPeriodView]
    position: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.membership_period_view import MembershipPeriodView  # noqa: PLC0415

        created_at = self.created_at

        current = self.current

        id = self.id

        member_id = self.member_id

        member_kind = self.member_kind

        modified_at = self.modified_at

        note = self.note

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        position = self.position

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "current": current,
                "id": id,
                "member_id": member_id,
                "member_kind": member_kind,
                "modified_at": modified_at,
                "note": note,
                "periods": periods,
                "position": position,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.membership_period_view import MembershipPeriodView  # noqa: PLC0415

        d = dict(src_dict)
        created_at = d.pop("created_at")

        current = d.pop("current")

        id = d.pop("id")

        member_id = d.pop("member_id")

        member_kind = d.pop("member_kind")

        modified_at = d.pop("modified_at")

        note = d.pop("note")

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = MembershipPeriodView.from_dict(periods_item_data)

            periods.append(periods_item)

        position = d.pop("position")

        version = d.pop("version")

        membership_written = cls(
            created_at=created_at,
            current=current,
            id=id,
            member_id=member_id,
            member_kind=member_kind,
            modified_at=modified_at,
            note=note,
            periods=periods,
            position=position,
            version=version,
        )

        membership_written.additional_properties = d
        return membership_written

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
