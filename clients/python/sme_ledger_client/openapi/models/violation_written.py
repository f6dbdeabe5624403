from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ViolationWritten")


@_attrs_define
class ViolationWritten:
    """A violation (Art. 15) by a platform or an institution, found on an upheld complaint or
    by inspection, and its correction; dates in ISO 8601. With the log position of the write.

    """

    closed_on: None | str
    complaint_id: None | str
    corrected_late: bool | None
    corrective_action: None | str
    created_at: str
    deadline: None | str
    description: str
    external_ref: str
    found_on: str
    id: str
    modified_at: str
    outcome_note: None | str
    position: int
    severity: str
    source: str
    status: str
    subject_id: str
    subject_kind: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed_on: None | str
        closed_on = self.closed_on

        complaint_id: None | str
        complaint_id = self.complaint_id

        corrected_late: bool | None
        corrected_late = self.corrected_late

        corrective_action: None | str
        corrective_action = self.corrective_action

        created_at = self.created_at

        deadline: None | str
        deadline = self.deadline

        description = self.description

        external_ref = self.external_ref

        found_on = self.found_on

        id = self.id

        modified_at = self.modified_at

        outcome_note: None | str
        outcome_note = self.outcome_note

        position = self.position

        severity = self.severity

        source = self.source

        status = self.status

        subject_id = self.subject_id

        subject_kind = self.subject_kind

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed_on": closed_on,
                "complaint_id": complaint_id,
                "corrected_late": corrected_late,
                "corrective_action": corrective_action,
                "created_at": created_at,
                "deadline": deadline,
                "description": description,
                "external_ref": external_ref,
                "found_on": found_on,
                "id": id,
                "modified_at": modified_at,
                "outcome_note": outcome_note,
                "position": position,
                "severity": severity,
                "source": source,
                "status": status,
                "subject_id": subject_id,
                "subject_kind": subject_kind,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_closed_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        def _parse_complaint_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        complaint_id = _parse_complaint_id(d.pop("complaint_id"))

        def _parse_corrected_late(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        corrected_late = _parse_corrected_late(d.pop("corrected_late"))

        def _parse_corrective_action(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        corrective_action = _parse_corrective_action(d.pop("corrective_action"))

        created_at = d.pop("created_at")

        def _parse_deadline(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deadline = _parse_deadline(d.pop("deadline"))

        description = d.pop("description")

        external_ref = d.pop("external_ref")

        found_on = d.pop("found_on")

        id = d.pop("id")

        modified_at = d.pop("modified_at")

        def _parse_outcome_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_note = _parse_outcome_note(d.pop("outcome_note"))

        position = d.pop("position")

        severity = d.pop("severity")

        source = d.pop("source")

        status = d.pop("status")

        subject_id = d.pop("subject_id")

        subject_kind = d.pop("subject_kind")

        version = d.pop("version")

        violation_written = cls(
            closed_on=closed_on,
            complaint_id=complaint_id,
            corrected_late=corrected_late,
            corrective_action=corrective_action,
            created_at=created_at,
            deadline=deadline,
            description=description,
            external_ref=external_ref,
            found_on=found_on,
            id=id,
            modified_at=modified_at,
            outcome_note=outcome_note,
            position=position,
            severity=severity,
            source=source,
            status=status,
            subject_id=subject_id,
            subject_kind=subject_kind,
            version=version,
        )

        violation_written.additional_properties = d
        return violation_written

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
