from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.complaint_category import check_complaint_category
from ..models.complaint_category import ComplaintCategory
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="ComplaintLodging")


@_attrs_define
class ComplaintLodging:
    """A complaint against a platform or an institution, as the hub (or the bureau) records it."""

    category: ComplaintCategory
    external_ref: str
    """ The hub's own reference; the same one never records a second time """
    subject_id: UUID
    """ The platform (hub or window) or institution complained about """
    summary: str
    complainant_uscc: None | str | Unset = UNSET
    """ The complaining enterprise; none: recorded on someone's behalf """
    evidence_sha256: None | str | Unset = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET
    """ When it happened in the world (business time), with an offset; defaults to the time of the request. Not in
    the future beyond the clock skew, not before the network started, not before what it belongs to (a case, a
    connection). Recorded long after it happened, the entry is accepted and flagged late_entry. """

    def to_dict(self) -> dict[str, Any]:
        category: str = self.category

        external_ref = self.external_ref

        subject_id = str(self.subject_id)

        summary = self.summary

        complainant_uscc: None | str | Unset
        if isinstance(self.complainant_uscc, Unset):
            complainant_uscc = UNSET
        else:
            complainant_uscc = self.complainant_uscc

        evidence_sha256: None | str | Unset
        if isinstance(self.evidence_sha256, Unset):
            evidence_sha256 = UNSET
        else:
            evidence_sha256 = self.evidence_sha256

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
                "category": category,
                "external_ref": external_ref,
                "subject_id": subject_id,
                "summary": summary,
            }
        )
        if complainant_uscc is not UNSET:
            field_dict["complainant_uscc"] = complainant_uscc
        if evidence_sha256 is not UNSET:
            field_dict["evidence_sha256"] = evidence_sha256
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = check_complaint_category(d.pop("category"))

        external_ref = d.pop("external_ref")

        subject_id = UUID(d.pop("subject_id"))

        summary = d.pop("summary")

        def _parse_complainant_uscc(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        complainant_uscc = _parse_complainant_uscc(d.pop("complainant_uscc", UNSET))

        def _parse_evidence_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_sha256 = _parse_evidence_sha256(d.pop("evidence_sha256", UNSET))

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

        complaint_lodging = cls(
            category=category,
            external_ref=external_ref,
            subject_id=subject_id,
            summary=summary,
            complainant_uscc=complainant_uscc,
            evidence_sha256=evidence_sha256,
            occurred_at=occurred_at,
        )

        return complaint_lodging
