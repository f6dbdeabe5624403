from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="PaymentSignoff")


@_attrs_define
class PaymentSignoff:
    """The payment of a disbursement: the bank's reference and the day it was paid."""

    at: str
    by: str
    paid_on: str
    recorded_at: str
    reference: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at

        by = self.by

        paid_on = self.paid_on

        recorded_at = self.recorded_at

        reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "by": by,
                "paid_on": paid_on,
                "recorded_at": recorded_at,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = d.pop("at")

        by = d.pop("by")

        paid_on = d.pop("paid_on")

        recorded_at = d.pop("recorded_at")

        reference = d.pop("reference")

        payment_signoff = cls(
            at=at,
            by=by,
            paid_on=paid_on,
            recorded_at=recorded_at,
            reference=reference,
        )

        payment_signoff.additional_properties = d
        return payment_signoff

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
