from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ViolationCounts")


@_attrs_define
class ViolationCounts:
    """How many were found, by severity, and how many are in each status after ``found`` (the
    appraisal's figures).

    """

    corrected: int
    correction_ordered: int
    found: int
    minor: int
    not_corrected: int
    serious: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        corrected = self.corrected

        correction_ordered = self.correction_ordered

        found = self.found

        minor = self.minor

        not_corrected = self.not_corrected

        serious = self.serious

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "corrected": corrected,
                "correction_ordered": correction_ordered,
                "found": found,
                "minor": minor,
                "not_corrected": not_corrected,
                "serious": serious,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        corrected = d.pop("corrected")

        correction_ordered = d.pop("correction_ordered")

        found = d.pop("found")

        minor = d.pop("minor")

        not_corrected = d.pop("not_corrected")

        serious = d.pop("serious")

        violation_counts = cls(
            corrected=corrected,
            correction_ordered=correction_ordered,
            found=found,
            minor=minor,
            not_corrected=not_corrected,
            serious=serious,
        )

        violation_counts.additional_properties = d
        return violation_counts

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
