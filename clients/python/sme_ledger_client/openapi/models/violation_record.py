from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.violation_record_severity import check_violation_record_severity
from ..models.violation_record_severity import ViolationRecordSeverity
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="ViolationRecord")


@_attrs_define
class ViolationRecord:
    """A violation, found on an upheld complaint (``complaint_id``) or by inspection."""

    description: str
    external_ref: str
    """ The hub's own reference; the same one never records a second time """
    severity: ViolationRecordSeverity
    subject_id: UUID
    """ The platform or institution that violated """
    complaint_id: None | Unset | UUID = UNSET
    """ The upheld complaint it was found on; none: inspection """
    found_on: datetime.date | None | Unset = UNSET
    """ The day it was found (default: the day of occurred_at) """
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future beyond the clock skew, not before the network started, not before what it belongs to (a case, a
    connection). Recorded long after it happened, the entry is accepted and flagged late_entry. """

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        external_ref = self.external_ref

        severity: str = self.severity

        subject_id = str(self.subject_id)

        complaint_id: None | str | Unset
        if isinstance(self.complaint_id, Unset):
            complaint_id = UNSET
        elif isinstance(self.complaint_id, UUID):
            complaint_id = str(self.complaint_id)
        else:
            complaint_id = self.complaint_id

        found_on: None | str | Unset
        if isinstance(self.found_on, Unset):
            found_on = UNSET
        elif isinstance(self.found_on, datetime.date):
            found_on = self.found_on.isoformat()
        else:
            found_on = self.found_on

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "external_ref": external_ref,
                "severity": severity,
                "subject_id": subject_id,
            }
        )
        if complaint_id is not UNSET:
            field_dict["complaint_id"] = complaint_id
        if found_on is not UNSET:
            field_dict["found_on"] = found_on
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        external_ref = d.pop("external_ref")

        severity = check_violation_record_severity(d.pop("severity"))

        subject_id = UUID(d.pop("subject_id"))

        def _parse_complaint_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                complaint_id_type_0 = UUID(data)

                return complaint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        complaint_id = _parse_complaint_id(d.pop("complaint_id", UNSET))

        def _parse_found_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                found_on_type_0 = datetime.date.fromisoformat(data)

                return found_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        found_on = _parse_found_on(d.pop("found_on", UNSET))

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        violation_record = cls(
            description=description,
            external_ref=external_ref,
            severity=severity,
            subject_id=subject_id,
            complaint_id=complaint_id,
            found_on=found_on,
            occurred_at=occurred_at,
        )

        return violation_record
