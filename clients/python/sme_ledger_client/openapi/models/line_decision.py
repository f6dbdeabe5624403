from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="LineDecision")


@_attrs_define
class LineDecision:
    approved_amount: str
    """ Approved amount in yuan as a string, e.g. "800000.00"; "0.00" refuses """
    code: str
    """ The line's code, unique within the budget (case-insensitive), e.g. L01 """

    def to_dict(self) -> dict[str, Any]:
        approved_amount = self.approved_amount

        code = self.code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approved_amount": approved_amount,
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved_amount = d.pop("approved_amount")

        code = d.pop("code")

        line_decision = cls(
            approved_amount=approved_amount,
            code=code,
        )

        return line_decision
