from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.agreement_terms import AgreementTerms


T = TypeVar("T", bound="AgreementTermsPeriod")


@_attrs_define
class AgreementTermsPeriod:
    """Terms that apply from a countersignature's day until replaced."""

    effective_from: str
    terms: AgreementTerms
    """ What the parties agreed: scope (service category codes), term (days included, ISO
    dates) and the SHA-256 of the signed document. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agreement_terms import AgreementTerms  # noqa: PLC0415

        effective_from = self.effective_from

        terms = self.terms.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effective_from": effective_from,
                "terms": terms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_terms import AgreementTerms  # noqa: PLC0415

        d = dict(src_dict)
        effective_from = d.pop("effective_from")

        terms = AgreementTerms.from_dict(d.pop("terms"))

        agreement_terms_period = cls(
            effective_from=effective_from,
            terms=terms,
        )

        agreement_terms_period.additional_properties = d
        return agreement_terms_period

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
