from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.appraisal_view import AppraisalView


T = TypeVar("T", bound="AppraisalList")


@_attrs_define
class AppraisalList:
    """The appraisals (of a year), in the order they were computed."""

    appraisals: list[AppraisalView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.appraisal_view import AppraisalView  # noqa: PLC0415

        appraisals = []
        for appraisals_item_data in self.appraisals:
            appraisals_item = appraisals_item_data.to_dict()
            appraisals.append(appraisals_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appraisals": appraisals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appraisal_view import AppraisalView  # noqa: PLC0415

        d = dict(src_dict)
        appraisals = []
        _appraisals = d.pop("appraisals")
        for appraisals_item_data in _appraisals:
            appraisals_item = AppraisalView.from_dict(appraisals_item_data)

            appraisals.append(appraisals_item)

        appraisal_list = cls(
            appraisals=appraisals,
        )

        appraisal_list.additional_properties = d
        return appraisal_list

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
