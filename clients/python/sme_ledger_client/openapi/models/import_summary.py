from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.imported_record import ImportedRecord


T = TypeVar("T", bound="ImportSummary")


@_attrs_define
class ImportSummary:
    """Each record's result, in the batch's order; how many ended each way; and the log
    position of the last event appended (``null`` if none was).

    """

    conflict: int
    created: int
    exists: int
    position: int | None
    rejected: int
    results: list[ImportedRecord]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.imported_record import ImportedRecord  # noqa: PLC0415

        conflict = self.conflict

        created = self.created

        exists = self.exists

        position: int | None
        position = self.position

        rejected = self.rejected

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conflict": conflict,
                "created": created,
                "exists": exists,
                "position": position,
                "rejected": rejected,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.imported_record import ImportedRecord  # noqa: PLC0415

        d = dict(src_dict)
        conflict = d.pop("conflict")

        created = d.pop("created")

        exists = d.pop("exists")

        def _parse_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        position = _parse_position(d.pop("position"))

        rejected = d.pop("rejected")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ImportedRecord.from_dict(results_item_data)

            results.append(results_item)

        import_summary = cls(
            conflict=conflict,
            created=created,
            exists=exists,
            position=position,
            rejected=rejected,
            results=results,
        )

        import_summary.additional_properties = d
        return import_summary

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
