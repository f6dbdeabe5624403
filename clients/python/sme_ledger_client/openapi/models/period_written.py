from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.allowance_view import AllowanceView


T = TypeVar("T", bound="PeriodWritten")


@_attrs_define
class PeriodWritten:
    """A closed year (``2025``) or month (``2025-03``), who closed it and when, and who may
    still enter what happened in it. With the log position of the write.

    """

    allowances: list[AllowanceView]
    closed: bool
    closed_at: str
    closed_by: str
    created_at: str
    id: str
    modified_at: str
    note: str
    period: str
    position: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.allowance_view import AllowanceView  # noqa: PLC0415

        allowances = []
        for allowances_item_data in self.allowances:
            allowances_item = allowances_item_data.to_dict()
            allowances.append(allowances_item)

        closed = self.closed

        closed_at = self.closed_at

        closed_by = self.closed_by

        created_at = self.created_at

        id = self.id

        modified_at = self.modified_at

        note = self.note

        period = self.period

        position = self.position

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowances": allowances,
                "closed": closed,
                "closed_at": closed_at,
                "closed_by": closed_by,
                "created_at": created_at,
                "id": id,
                "modified_at": modified_at,
                "note": note,
                "period": period,
                "position": position,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allowance_view import AllowanceView  # noqa: PLC0415

        d = dict(src_dict)
        allowances = []
        _allowances = d.pop("allowances")
        for allowances_item_data in _allowances:
            allowances_item = AllowanceView.from_dict(allowances_item_data)

            allowances.append(allowances_item)

        closed = d.pop("closed")

        closed_at = d.pop("closed_at")

        closed_by = d.pop("closed_by")

        created_at = d.pop("created_at")

        id = d.pop("id")

        modified_at = d.pop("modified_at")

        note = d.pop("note")

        period = d.pop("period")

        position = d.pop("position")

        version = d.pop("version")

        period_written = cls(
            allowances=allowances,
            closed=closed,
            closed_at=closed_at,
            closed_by=closed_by,
            created_at=created_at,
            id=id,
            modified_at=modified_at,
            note=note,
            period=period,
            position=position,
            version=version,
        )

        period_written.additional_properties = d
        return period_written

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
