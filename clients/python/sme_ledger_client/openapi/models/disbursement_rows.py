from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.disbursement_row import DisbursementRow


T = TypeVar("T", bound="DisbursementRows")


@_attrs_define
class DisbursementRows:
    """The rows read (`disbursements`) and how many (`count`); each one disbursement of the trail: its line and the line's
    approval, its request, approval
    or rejection, payment, refund and clawback, each with who (the actor, and the name and role
    of its key: ``null`` for an actor without one) and when. Amounts are decimals in yuan, as
    text; days are Ningxia days.

    """

    count: int
    disbursements: list[DisbursementRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.disbursement_row import DisbursementRow  # noqa: PLC0415

        count = self.count

        disbursements = []
        for disbursements_item_data in self.disbursements:
            disbursements_item = disbursements_item_data.to_dict()
            disbursements.append(disbursements_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "disbursements": disbursements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disbursement_row import DisbursementRow  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        disbursements = []
        _disbursements = d.pop("disbursements")
        for disbursements_item_data in _disbursements:
            disbursements_item = DisbursementRow.from_dict(disbursements_item_data)

            disbursements.append(disbursements_item)

        disbursement_rows = cls(
            count=count,
            disbursements=disbursements,
        )

        disbursement_rows.additional_properties = d
        return disbursement_rows

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
