from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="CaseBatch")


@_attrs_define
class CaseBatch:
    """Up to 1,000 records from a window's own system, each like the body of
    ``POST /v1/service-cases`` (with its ``external_ref``). Each record is validated on its own,
    so one bad record is reported in the answer instead of refusing the batch.

    """

    records: list[Any]

    def to_dict(self) -> dict[str, Any]:
        records = self.records

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        records = cast(list[Any], d.pop("records"))

        case_batch = cls(
            records=records,
        )

        return case_batch
