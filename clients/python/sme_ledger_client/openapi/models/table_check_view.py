from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="TableCheckView")


@_attrs_define
class TableCheckView:
    """One table of a view compared: its rows and the SHA-256 of its rows in primary-key order,
    as stored and as recomputed from the log.

    """

    drift: bool
    recomputed_rows: int
    recomputed_sha256: str
    stored_rows: int
    stored_sha256: str
    table: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        drift = self.drift

        recomputed_rows = self.recomputed_rows

        recomputed_sha256 = self.recomputed_sha256

        stored_rows = self.stored_rows

        stored_sha256 = self.stored_sha256

        table = self.table

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drift": drift,
                "recomputed_rows": recomputed_rows,
                "recomputed_sha256": recomputed_sha256,
                "stored_rows": stored_rows,
                "stored_sha256": stored_sha256,
                "table": table,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        drift = d.pop("drift")

        recomputed_rows = d.pop("recomputed_rows")

        recomputed_sha256 = d.pop("recomputed_sha256")

        stored_rows = d.pop("stored_rows")

        stored_sha256 = d.pop("stored_sha256")

        table = d.pop("table")

        table_check_view = cls(
            drift=drift,
            recomputed_rows=recomputed_rows,
            recomputed_sha256=recomputed_sha256,
            stored_rows=stored_rows,
            stored_sha256=stored_sha256,
            table=table,
        )

        table_check_view.additional_properties = d
        return table_check_view

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
