"""Appraisals as a list."""

from __future__ import annotations

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.appraisal import Appraisal
from ledger.domain.errors import AppraisalNotFoundError


def list_appraisals(
    ledger: LedgerCore, directory: Directory, page: Page = WHOLE, *, year: int | None = None
) -> Listed[Appraisal]:
    """Every appraisal (of ``year``), in the order they were computed."""
    return listed(
        ledger, directory, "appraisal", Appraisal, AppraisalNotFoundError, page, year=year
    )
