"""Complaints and violations as lists, by subject and year."""

from __future__ import annotations

from uuid import UUID

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.complaint import Complaint
from ledger.domain.errors import ComplaintNotFoundError, ViolationNotFoundError
from ledger.domain.violation import Violation


def list_complaints(
    ledger: LedgerCore,
    directory: Directory,
    page: Page = WHOLE,
    *,
    subject_id: UUID | None = None,
    year: int | None = None,
) -> Listed[Complaint]:
    """Complaints (against ``subject_id``, lodged in ``year`` in Ningxia), in lodging order."""
    return listed(
        ledger, directory, "complaint", Complaint, ComplaintNotFoundError, page,
        party_a=subject_id, year=year,
    )  # fmt: skip


def list_violations(
    ledger: LedgerCore,
    directory: Directory,
    page: Page = WHOLE,
    *,
    subject_id: UUID | None = None,
    year: int | None = None,
) -> Listed[Violation]:
    """Violations (of ``subject_id``, found in ``year``), in the order they were recorded."""
    return listed(
        ledger, directory, "violation", Violation, ViolationNotFoundError, page,
        party_a=subject_id, year=year,
    )  # fmt: skip
