"""Appraisals as a list."""

from __future__ import annotations

from ledger.application.ports import Directory
from ledger.application.queries.listing import listed
from ledger.application.store import LedgerCore
from ledger.domain.appraisal import Appraisal
from ledger.domain.errors import AppraisalNotFoundError


def list_appraisals(
    ledger: LedgerCore, directory: Directory, *, year: int | None = None
) -> list[Appraisal]:
    """Every appraisal (of ``year``), in the order they were computed."""
    return listed(ledger, directory, "appraisal", Appraisal, AppraisalNotFoundError, year=year)
