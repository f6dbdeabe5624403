"""Views of complaints and violations, and the counts the appraisal reads of them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from typing_extensions import TypedDict

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.domain.complaint import Complaint, ComplaintStatus
from ledger.domain.violation import Severity, Violation, ViolationStatus


class ComplaintView(Resource):
    """A complaint (Art. 15) as the API shows it; dates and times in ISO 8601."""

    external_ref: str
    subject_id: str
    subject_kind: str
    complainant_uscc: str | None
    category: str
    summary: str
    evidence_sha256: str | None
    status: str
    lodged_at: str
    response_due_on: str | None
    acceptance_note: str | None
    dismissal_reasons: str | None
    response: str | None
    response_evidence_sha256: str | None
    responded_at: str | None
    findings: str | None
    concluded_at: str | None
    violation_ids: list[str]


def complaint_view(complaint: Complaint) -> ComplaintView:
    return {
        **common(complaint),
        "external_ref": complaint.external_ref,
        "subject_id": plain(complaint.subject_id),
        "subject_kind": complaint.subject_kind.value,
        "complainant_uscc": complaint.complainant_uscc,
        "category": complaint.category.value,
        "summary": complaint.summary,
        "evidence_sha256": complaint.evidence_sha256,
        "status": complaint.status.value,
        "lodged_at": plain(complaint.lodged_at),
        "response_due_on": plain(complaint.response_due_on),
        "acceptance_note": complaint.acceptance_note,
        "dismissal_reasons": complaint.dismissal_reasons,
        "response": complaint.response,
        "response_evidence_sha256": complaint.response_evidence_sha256,
        "responded_at": plain(complaint.responded_at),
        "findings": complaint.findings,
        "concluded_at": plain(complaint.concluded_at),
        "violation_ids": plain(complaint.violation_ids),
    }


class ViolationView(Resource):
    """A violation (Art. 15) by a platform or an institution, found on an upheld complaint or
    by inspection, and its correction; dates in ISO 8601."""

    external_ref: str
    subject_id: str
    subject_kind: str
    found_on: str
    description: str
    severity: str
    source: str
    """``complaint`` (found on an upheld complaint, ``complaint_id``) or ``inspection``."""
    complaint_id: str | None
    status: str
    corrective_action: str | None
    deadline: str | None
    corrected_late: bool | None
    """Whether the correction came after the deadline (``null`` unless corrected)."""
    outcome_note: str | None
    closed_on: str | None


def violation_view(violation: Violation) -> ViolationView:
    return {
        **common(violation),
        "external_ref": violation.external_ref,
        "subject_id": plain(violation.subject_id),
        "subject_kind": violation.subject_kind.value,
        "found_on": plain(violation.found_on),
        "description": violation.description,
        "severity": violation.severity.value,
        "source": violation.source,
        "complaint_id": plain(violation.complaint_id),
        "status": violation.status.value,
        "corrective_action": violation.corrective_action,
        "deadline": plain(violation.deadline),
        "corrected_late": violation.corrected_late,
        "outcome_note": violation.outcome_note,
        "closed_on": plain(violation.closed_on),
    }


class ComplaintCounts(TypedDict):
    """How many were lodged, how many are closed each way, and how many are still being
    handled (the appraisal's figures)."""

    lodged: int
    dismissed: int
    upheld: int
    not_upheld: int
    pending: int


class ComplaintList(PageFields):
    """The complaints a key may see, in lodging order, with their counts."""

    complaints: list[ComplaintView]
    counts: ComplaintCounts


def complaint_counts(complaints: Sequence[Complaint]) -> ComplaintCounts:
    """How many were lodged, how many are closed each way, and how many are still being handled
    (the appraisal's figures)."""
    statuses = Counter(c.status for c in complaints)
    dismissed, upheld, not_upheld = (
        statuses[ComplaintStatus.DISMISSED],
        statuses[ComplaintStatus.UPHELD],
        statuses[ComplaintStatus.NOT_UPHELD],
    )
    return {
        "lodged": len(complaints),
        "dismissed": dismissed,
        "upheld": upheld,
        "not_upheld": not_upheld,
        "pending": len(complaints) - dismissed - upheld - not_upheld,
    }


class ViolationCounts(TypedDict):
    """How many were found, by severity, and how many are in each status after ``found`` (the
    appraisal's figures)."""

    found: int
    minor: int
    serious: int
    correction_ordered: int
    corrected: int
    not_corrected: int


class ViolationList(PageFields):
    """The violations a key may see, in the order recorded, with their counts."""

    violations: list[ViolationView]
    counts: ViolationCounts


def violation_counts(violations: Sequence[Violation]) -> ViolationCounts:
    """How many were found, by severity, and how many are in each status."""
    severities = Counter(v.severity for v in violations)
    statuses = Counter(v.status for v in violations)
    return {
        "found": len(violations),
        "minor": severities[Severity.MINOR],
        "serious": severities[Severity.SERIOUS],
        "correction_ordered": statuses[ViolationStatus.CORRECTION_ORDERED],
        "corrected": statuses[ViolationStatus.CORRECTED],
        "not_corrected": statuses[ViolationStatus.NOT_CORRECTED],
    }
