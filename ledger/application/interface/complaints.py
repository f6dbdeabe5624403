"""Views of complaints and violations, and the counts the appraisal reads of them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ledger.application.interface import JSON, common, plain
from ledger.domain.complaint import Complaint, ComplaintStatus
from ledger.domain.violation import Severity, Violation, ViolationStatus


def complaint_view(complaint: Complaint) -> JSON:
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


def violation_view(violation: Violation) -> JSON:
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


_CLOSED = (ComplaintStatus.DISMISSED, ComplaintStatus.UPHELD, ComplaintStatus.NOT_UPHELD)


def complaint_counts(complaints: Sequence[Complaint]) -> dict[str, int]:
    """How many were lodged, how many are closed each way, and how many are still being handled
    (the appraisal's figures)."""
    statuses = Counter(c.status for c in complaints)
    closed = {s.value: statuses[s] for s in _CLOSED}
    return {"lodged": len(complaints), **closed, "pending": len(complaints) - sum(closed.values())}


def violation_counts(violations: Sequence[Violation]) -> dict[str, int]:
    """How many were found, by severity, and how many are in each status."""
    severities = Counter(v.severity for v in violations)
    statuses = Counter(v.status for v in violations)
    return {
        "found": len(violations),
        **{s.value: severities[s] for s in Severity},
        **{s.value: statuses[s] for s in ViolationStatus if s is not ViolationStatus.FOUND},
    }
