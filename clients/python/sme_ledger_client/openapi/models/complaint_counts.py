from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ComplaintCounts")


@_attrs_define
class ComplaintCounts:
    """How many were lodged, how many are closed each way, and how many are still being
    handled (the appraisal's figures).

    """

    dismissed: int
    lodged: int
    not_upheld: int
    pending: int
    upheld: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dismissed = self.dismissed

        lodged = self.lodged

        not_upheld = self.not_upheld

        pending = self.pending

        upheld = self.upheld

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dismissed": dismissed,
                "lodged": lodged,
                "not_upheld": not_upheld,
                "pending": pending,
                "upheld": upheld,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dismissed = d.pop("dismissed")

        lodged = d.pop("lodged")

        not_upheld = d.pop("not_upheld")

        pending = d.pop("pending")

        upheld = d.pop("upheld")

        complaint_counts = cls(
            dismissed=dismissed,
            lodged=lodged,
            not_upheld=not_upheld,
            pending=pending,
            upheld=upheld,
        )

        complaint_counts.additional_properties = d
        return complaint_counts

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
