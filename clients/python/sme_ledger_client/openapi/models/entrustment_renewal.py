from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.entrustment_term import EntrustmentTerm


T = TypeVar("T", bound="EntrustmentRenewal")


@_attrs_define
class EntrustmentRenewal:
    """A renewal: the day it was made, the appraisal that earned it and the term it added."""

    appraisal_year: int
    renewed_on: str
    term: EntrustmentTerm
    """ One term of the entrustment (days included, ISO dates) and the SHA-256 of the document
    signed for it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.entrustment_term import EntrustmentTerm  # noqa: PLC0415

        appraisal_year = self.appraisal_year

        renewed_on = self.renewed_on

        term = self.term.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appraisal_year": appraisal_year,
                "renewed_on": renewed_on,
                "term": term,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entrustment_term import EntrustmentTerm  # noqa: PLC0415

        d = dict(src_dict)
        appraisal_year = d.pop("appraisal_year")

        renewed_on = d.pop("renewed_on")

        term = EntrustmentTerm.from_dict(d.pop("term"))

        entrustment_renewal = cls(
            appraisal_year=appraisal_year,
            renewed_on=renewed_on,
            term=term,
        )

        entrustment_renewal.additional_properties = d
        return entrustment_renewal

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
