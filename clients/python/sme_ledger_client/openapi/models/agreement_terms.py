from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="AgreementTerms")


@_attrs_define
class AgreementTerms:
    """What the parties agreed: scope (service category codes), term (days included, ISO
    dates) and the SHA-256 of the signed document.

    """

    categories: list[str]
    document_sha256: str
    ends_on: str
    starts_on: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories = self.categories

        document_sha256 = self.document_sha256

        ends_on = self.ends_on

        starts_on = self.starts_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "categories": categories,
                "document_sha256": document_sha256,
                "ends_on": ends_on,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        categories = cast(list[str], d.pop("categories"))

        document_sha256 = d.pop("document_sha256")

        ends_on = d.pop("ends_on")

        starts_on = d.pop("starts_on")

        agreement_terms = cls(
            categories=categories,
            document_sha256=document_sha256,
            ends_on=ends_on,
            starts_on=starts_on,
        )

        agreement_terms.additional_properties = d
        return agreement_terms

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
