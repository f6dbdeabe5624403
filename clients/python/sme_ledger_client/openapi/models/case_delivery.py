from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.case_delivery_fee_type import CaseDeliveryFeeType
from ..models.case_delivery_fee_type import check_case_delivery_fee_type
from ..models.case_delivery_mode import CaseDeliveryMode
from ..models.case_delivery_mode import check_case_delivery_mode
from typing import cast


T = TypeVar("T", bound="CaseDelivery")


@_attrs_define
class CaseDelivery:
    """The delivery that stands (after any amendment): its day, mode and fee (a decimal
    string in yuan).

    """

    delivered_on: str
    fee_amount: str
    fee_type: CaseDeliveryFeeType
    mode: CaseDeliveryMode
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delivered_on = self.delivered_on

        fee_amount = self.fee_amount

        fee_type: str = self.fee_type

        mode: str = self.mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delivered_on": delivered_on,
                "fee_amount": fee_amount,
                "fee_type": fee_type,
                "mode": mode,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivered_on = d.pop("delivered_on")

        fee_amount = d.pop("fee_amount")

        fee_type = check_case_delivery_fee_type(d.pop("fee_type"))

        mode = check_case_delivery_mode(d.pop("mode"))

        case_delivery = cls(
            delivered_on=delivered_on,
            fee_amount=fee_amount,
            fee_type=fee_type,
            mode=mode,
        )

        case_delivery.additional_properties = d
        return case_delivery

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
