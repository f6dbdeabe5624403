from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="ContactErasureBody")


@_attrs_define
class ContactErasureBody:
    """Erase the contact person on a ground of PIPL Art. 47, saying why (the reason is kept in the
    log: it names no person).

    """

    ground: str
    """ PIPL Art. 47 ground: purpose_achieved, service_ended, consent_withdrawn, unlawful, other_legal """
    reason: str

    def to_dict(self) -> dict[str, Any]:
        ground = self.ground

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ground": ground,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ground = d.pop("ground")

        reason = d.pop("reason")

        contact_erasure_body = cls(
            ground=ground,
            reason=reason,
        )

        return contact_erasure_body
