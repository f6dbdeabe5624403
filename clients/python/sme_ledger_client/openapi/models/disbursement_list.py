from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.disbursement_view import DisbursementView


T = TypeVar("T", bound="DisbursementList")


@_attrs_define
class DisbursementList:
    """The disbursements of a budget, in the order they were requested."""

    disbursements: list[DisbursementView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.disbursement_view import DisbursementView  # noqa: PLC0415

        disbursements = []
        for disbursements_item_data in self.disbursements:
            disbursements_item = disbursements_item_data.to_dict()
            disbursements.append(disbursements_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "disbursements": disbursements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disbursement_view import DisbursementView  # noqa: PLC0415

        d = dict(src_dict)
        disbursements = []
        _disbursements = d.pop("disbursements")
        for disbursements_item_data in _disbursements:
            disbursements_item = DisbursementView.from_dict(disbursements_item_data)

            disbursements.append(disbursements_item)

        disbursement_list = cls(
            disbursements=disbursements,
        )

        disbursement_list.additional_properties = d
        return disbursement_list

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
