"""Closed periods as a list."""

from __future__ import annotations

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.errors import PeriodNotFoundError
from ledger.domain.period import Period


def list_periods(ledger: LedgerCore, directory: Directory, page: Page = WHOLE) -> Listed[Period]:
    """Every closed period, in the order they were closed."""
    return listed(ledger, directory, "period", Period, PeriodNotFoundError, page)
