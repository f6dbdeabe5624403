from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reversal_signoff_kind import check_reversal_signoff_kind
from ..models.reversal_signoff_kind import ReversalSignoffKind
from typing import cast


T = TypeVar("T", bound="ReversalSignoff")


@_attrs_define
class ReversalSignoff:
    """A refund (hub) or clawback (bureau) of a paid disbursement, in part or in full."""

    amount: str
    at: str
    by: str
    kind: ReversalSignoffKind
    reason: str
    recorded_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        at = self.at

        by = self.by

        kind: str = self.kind

        reason = self.reason

        recorded_at = self.recorded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "at": at,
                "by": by,
                "kind": kind,
                "reason": reason,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        at = d.pop("at")

        by = d.pop("by")

        kind = check_reversal_signoff_kind(d.pop("kind"))

        reason = d.pop("reason")

        recorded_at = d.pop("recorded_at")

        reversal_signoff = cls(
            amount=amount,
            at=at,
            by=by,
            kind=kind,
            reason=reason,
            recorded_at=recorded_at,
        )

        reversal_signoff.additional_properties = d
        return reversal_signoff

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
