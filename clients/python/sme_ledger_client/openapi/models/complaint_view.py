from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ComplaintView")


@_attrs_define
class ComplaintView:
    """A complaint (Art. 15) as the API shows it; dates and times in ISO 8601."""

    acceptance_note: None | str
    category: str
    complainant_uscc: None | str
    concluded_at: None | str
    created_at: str
    dismissal_reasons: None | str
    evidence_sha256: None | str
    external_ref: str
    findings: None | str
    id: str
    lodged_at: str
    modified_at: str
    responded_at: None | str
    response: None | str
    response_due_on: None | str
    response_evidence_sha256: None | str
    status: str
    subject_id: str
    subject_kind: str
    summary: str
    version: int
    violation_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acceptance_note: None | str
        acceptance_note = self.acceptance_note

        category = self.category

        complainant_uscc: None | str
        complainant_uscc = self.complainant_uscc

        concluded_at: None | str
        concluded_at = self.concluded_at

        created_at = self.created_at

        dismissal_reasons: None | str
        dismissal_reasons = self.dismissal_reasons

        evidence_sha256: None | str
        evidence_sha256 = self.evidence_sha256

        external_ref = self.external_ref

        findings: None | str
        findings = self.findings

        id = self.id

        lodged_at = self.lodged_at

        modified_at = self.modified_at

        responded_at: None | str
        responded_at = self.responded_at

        response: None | str
        response = self.response

        response_due_on: None | str
        response_due_on = self.response_due_on

        response_evidence_sha256: None | str
        response_evidence_sha256 = self.response_evidence_sha256

        status = self.status

        subject_id = self.subject_id

        subject_kind = self.subject_kind

        summary = self.summary

        version = self.version

        violation_ids = self.violation_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acceptance_note": acceptance_note,
                "category": category,
                "complainant_uscc": complainant_uscc,
                "concluded_at": concluded_at,
                "created_at": created_at,
                "dismissal_reasons": dismissal_reasons,
                "evidence_sha256": evidence_sha256,
                "external_ref": external_ref,
                "findings": findings,
                "id": id,
                "lodged_at": lodged_at,
                "modified_at": modified_at,
                "responded_at": responded_at,
                "response": response,
                "response_due_on": response_due_on,
                "response_evidence_sha256": response_evidence_sha256,
                "status": status,
                "subject_id": subject_id,
                "subject_kind": subject_kind,
                "summary": summary,
                "version": version,
                "violation_ids": violation_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_acceptance_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acceptance_note = _parse_acceptance_note(d.pop("acceptance_note"))

        category = d.pop("category")

        def _parse_complainant_uscc(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        complainant_uscc = _parse_complainant_uscc(d.pop("complainant_uscc"))

        def _parse_concluded_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        concluded_at = _parse_concluded_at(d.pop("concluded_at"))

        created_at = d.pop("created_at")

        def _parse_dismissal_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dismissal_reasons = _parse_dismissal_reasons(d.pop("dismissal_reasons"))

        def _parse_evidence_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence_sha256 = _parse_evidence_sha256(d.pop("evidence_sha256"))

        external_ref = d.pop("external_ref")

        def _parse_findings(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        findings = _parse_findings(d.pop("findings"))

        id = d.pop("id")

        lodged_at = d.pop("lodged_at")

        modified_at = d.pop("modified_at")

        def _parse_responded_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))

        def _parse_response(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        response = _parse_response(d.pop("response"))

        def _parse_response_due_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        response_due_on = _parse_response_due_on(d.pop("response_due_on"))

        def _parse_response_evidence_sha256(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        response_evidence_sha256 = _parse_response_evidence_sha256(
            d.pop("response_evidence_sha256")
        )

        status = d.pop("status")

        subject_id = d.pop("subject_id")

        subject_kind = d.pop("subject_kind")

        summary = d.pop("summary")

        version = d.pop("version")

        violation_ids = cast(list[str], d.pop("violation_ids"))

        complaint_view = cls(
            acceptance_note=acceptance_note,
            category=category,
            complainant_uscc=complainant_uscc,
            concluded_at=concluded_at,
            created_at=created_at,
            dismissal_reasons=dismissal_reasons,
            evidence_sha256=evidence_sha256,
            external_ref=external_ref,
            findings=findings,
            id=id,
            lodged_at=lodged_at,
            modified_at=modified_at,
            responded_at=responded_at,
            response=response,
            response_due_on=response_due_on,
            response_evidence_sha256=response_evidence_sha256,
            status=status,
            subject_id=subject_id,
            subject_kind=subject_kind,
            summary=summary,
            version=version,
            violation_ids=violation_ids,
        )

        complaint_view.additional_properties = d
        return complaint_view

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
