from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.imported_record_status import check_imported_record_status
from ..models.imported_record_status import ImportedRecordStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.field_difference import FieldDifference


T = TypeVar("T", bound="ImportedRecord")


@_attrs_define
class ImportedRecord:
    """What happened to the record at ``index``: created (its id, version and log position),
    or why not (``code``, ``detail``, and for a conflict its ``differences``).

    """

    index: int
    status: ImportedRecordStatus
    code: str | Unset = UNSET
    detail: str | Unset = UNSET
    differences: list[FieldDifference] | Unset = UNSET
    id: str | Unset = UNSET
    position: int | Unset = UNSET
    version: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.field_difference import FieldDifference  # noqa: PLC0415

        index = self.index

        status: str = self.status

        code = self.code

        detail = self.detail

        differences: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.differences, Unset):
            differences = []
            for differences_item_data in self.differences:
                differences_item = differences_item_data.to_dict()
                differences.append(differences_item)

        id = self.id

        position = self.position

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if detail is not UNSET:
            field_dict["detail"] = detail
        if differences is not UNSET:
            field_dict["differences"] = differences
        if id is not UNSET:
            field_dict["id"] = id
        if position is not UNSET:
            field_dict["position"] = position
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_difference import FieldDifference  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        status = check_imported_record_status(d.pop("status"))

        code = d.pop("code", UNSET)

        detail = d.pop("detail", UNSET)

        _differences = d.pop("differences", UNSET)
        differences: list[FieldDifference] | Unset = UNSET
        if _differences is not UNSET:
            differences = []
            for differences_item_data in _differences:
                differences_item = FieldDifference.from_dict(differences_item_data)

                differences.append(differences_item)

        id = d.pop("id", UNSET)

        position = d.pop("position", UNSET)

        version = d.pop("version", UNSET)

        imported_record = cls(
            index=index,
            status=status,
            code=code,
            detail=detail,
            differences=differences,
            id=id,
            position=position,
            version=version,
        )

        imported_record.additional_properties = d
        return imported_record

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
