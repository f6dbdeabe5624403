from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.table_check_view import TableCheckView


T = TypeVar("T", bound="DriftCheckView")


@_attrs_define
class DriftCheckView:
    """A drift check of one view: which version at which log position, when, and what it
    found.

    """

    checked_at: str
    detail: str
    drifting: list[str]
    id: int | None
    outcome: str
    position: int
    tables: list[TableCheckView]
    version: int
    view: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.table_check_view import TableCheckView  # noqa: PLC0415

        checked_at = self.checked_at

        detail = self.detail

        drifting = self.drifting

        id: int | None
        id = self.id

        outcome = self.outcome

        position = self.position

        tables = []
        for tables_item_data in self.tables:
            tables_item = tables_item_data.to_dict()
            tables.append(tables_item)

        version = self.version

        view = self.view

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checked_at": checked_at,
                "detail": detail,
                "drifting": drifting,
                "id": id,
                "outcome": outcome,
                "position": position,
                "tables": tables,
                "version": version,
                "view": view,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.table_check_view import TableCheckView  # noqa: PLC0415

        d = dict(src_dict)
        checked_at = d.pop("checked_at")

        detail = d.pop("detail")

        drifting = cast(list[str], d.pop("drifting"))

        def _parse_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        id = _parse_id(d.pop("id"))

        outcome = d.pop("outcome")

        position = d.pop("position")

        tables = []
        _tables = d.pop("tables")
        for tables_item_data in _tables:
            tables_item = TableCheckView.from_dict(tables_item_data)

            tables.append(tables_item)

        version = d.pop("version")

        view = d.pop("view")

        drift_check_view = cls(
            checked_at=checked_at,
            detail=detail,
            drifting=drifting,
            id=id,
            outcome=outcome,
            position=position,
            tables=tables,
            version=version,
            view=view,
        )

        drift_check_view.additional_properties = d
        return drift_check_view

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
