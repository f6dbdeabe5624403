from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.complaint_counts import ComplaintCounts
    from ..models.complaint_view import ComplaintView


T = TypeVar("T", bound="ComplaintList")


@_attrs_define
class ComplaintList:
    """The complaints a key may see, in lodging order, with their counts."""

    complaints: list[ComplaintView]
    counts: ComplaintCounts
    """ How many were lodged, how many are closed each way, and how many are still being
    handled (the appraisal's figures). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.complaint_counts import ComplaintCounts  # noqa: PLC0415
        from ..models.complaint_view import ComplaintView  # noqa: PLC0415

        complaints = []
        for complaints_item_data in self.complaints:
            complaints_item = complaints_item_data.to_dict()
            complaints.append(complaints_item)

        counts = self.counts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "complaints": complaints,
                "counts": counts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.complaint_counts import ComplaintCounts  # noqa: PLC0415
        from ..models.complaint_view import ComplaintView  # noqa: PLC0415

        d = dict(src_dict)
        complaints = []
        _complaints = d.pop("complaints")
        for complaints_item_data in _complaints:
            complaints_item = ComplaintView.from_dict(complaints_item_data)

            complaints.append(complaints_item)

        counts = ComplaintCounts.from_dict(d.pop("counts"))

        complaint_list = cls(
            complaints=complaints,
            counts=counts,
        )

        complaint_list.additional_properties = d
        return complaint_list

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
