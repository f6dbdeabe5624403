from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.access_record_view import AccessRecordView


T = TypeVar("T", bound="AccessPage")


@_attrs_define
class AccessPage:
    """One page of the access trail, in id order: ``after`` as asked, and ``next_after`` to ask
    for the next page with (the last id shown; ``after`` if none).

    """

    after: int
    next_after: int
    records: list[AccessRecordView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.access_record_view import AccessRecordView  # noqa: PLC0415

        after = self.after

        next_after = self.next_after

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after": after,
                "next_after": next_after,
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_record_view import AccessRecordView  # noqa: PLC0415

        d = dict(src_dict)
        after = d.pop("after")

        next_after = d.pop("next_after")

        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = AccessRecordView.from_dict(records_item_data)

            records.append(records_item)

        access_page = cls(
            after=after,
            next_after=next_after,
            records=records,
        )

        access_page.additional_properties = d
        return access_page

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
