"""Complaints and violations (Art. 15): the hub (the bureau, for the hub) lodges, accepts or
dismisses, and concludes a complaint after hearing its subject; violations are recorded on an
upheld complaint or after an inspection, and their correction ordered and followed up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.complaint import ComplaintCategory
from ledger.domain.violation import Severity


@dataclass(frozen=True, kw_only=True)
class LodgeComplaint(Command[Outcome]):
    """Record a complaint against a platform or an institution (``subject_id``), from an
    enterprise (``complainant_uscc``) or on an unnamed complainant's behalf; its
    ``external_ref`` is recorded once."""

    external_ref: str
    subject_id: UUID
    category: ComplaintCategory
    summary: str
    complainant_uscc: str | None = None
    evidence_sha256: str | None = None


@dataclass(frozen=True, kw_only=True)
class AcceptComplaint(Command[Outcome]):
    """Accept a complaint for handling; the subject answers by ``response_due_on``."""

    complaint_id: UUID
    response_due_on: date | None = None
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class DismissComplaint(Command[Outcome]):
    """Dismiss a complaint, with reasons (final)."""

    complaint_id: UUID
    reasons: str


@dataclass(frozen=True, kw_only=True)
class RespondToComplaint(Command[Outcome]):
    """The subject's statement on an accepted complaint (its own key)."""

    complaint_id: UUID
    statement: str
    evidence_sha256: str | None = None


@dataclass(frozen=True, kw_only=True)
class ConcludeComplaint(Command[Outcome]):
    """Conclude a complaint: upheld or not, with the findings."""

    complaint_id: UUID
    upheld: bool
    findings: str


@dataclass(frozen=True, kw_only=True)
class RecordViolation(Command[Outcome]):
    """Record a violation of ``subject_id``, found on an upheld complaint (``complaint_id``) or
    by an inspection (none); its ``external_ref`` is recorded once."""

    external_ref: str
    subject_id: UUID
    description: str
    severity: Severity
    found_on: date | None = None
    complaint_id: UUID | None = None


@dataclass(frozen=True, kw_only=True)
class OrderCorrection(Command[Outcome]):
    """Order the corrective action, to be taken by ``deadline``."""

    violation_id: UUID
    action: str
    deadline: date


@dataclass(frozen=True, kw_only=True)
class RecordCorrection(Command[Outcome]):
    """The corrective action was taken (and checked: ``note``)."""

    violation_id: UUID
    note: str


@dataclass(frozen=True, kw_only=True)
class RecordNotCorrected(Command[Outcome]):
    """The deadline passed without the correction, with reasons."""

    violation_id: UUID
    reasons: str
