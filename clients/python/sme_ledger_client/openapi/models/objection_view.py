from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ObjectionView")


@_attrs_define
class ObjectionView:
    """An objection made while the notice ran, numbered from 1, and how the bureau resolved it
    (``outcome`` ``null`` until then).

    """

    evidence_sha256: None | str
    filed_on: str
    grounds: str
    number: int
    objector: str
    outcome: None | str
    resolution_reasons: None | str
    resolved: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        evidence_sha256: None | str
        evidence_sha256 = self.evidence_sha256

        filed_on = self.filed_on

        grounds = self.grounds

        number = self.number

        objector = self.objector

        outcome: None | str
        outcome = self.outcome

        resolution_reasons: None | str
        resolution_reasons = self.resolution_reasons

        resolved = self.resolved

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "evidence_sha256": evidence_sha256,
                "filed_on": filed_on,
                "grounds": grounds,
                "number": number,
                "objector": objector,
                "outcome": outcome,
                "resolution_reasons": resolution_reasons,
                "resolved": resolved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_evidence_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence_sha256 = _parse_evidence_sha256(d.pop("evidence_sha256"))

        filed_on = d.pop("filed_on")

        grounds = d.pop("grounds")

        number = d.pop("number")

        objector = d.pop("objector")

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_resolution_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution_reasons = _parse_resolution_reasons(d.pop("resolution_reasons"))

        resolved = d.pop("resolved")

        objection_view = cls(
            evidence_sha256=evidence_sha256,
            filed_on=filed_on,
            grounds=grounds,
            number=number,
            objector=objector,
            outcome=outcome,
            resolution_reasons=resolution_reasons,
            resolved=resolved,
        )

        objection_view.additional_properties = d
        return objection_view

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
