"""Data reports as a list."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.data_report import DataReport, parse_period
from ledger.domain.errors import DataReportNotFoundError


def list_reports(
    ledger: LedgerCore,
    directory: Directory,
    page: Page = WHOLE,
    keep: Callable[[DataReport], bool] | None = None,
    *,
    period: str | None = None,
    window_id: UUID | None = None,
) -> Listed[DataReport]:
    """Reports (of ``period``, of ``window_id``, that ``keep`` keeps), in the order they were
    requested."""
    wanted = parse_period(period).text if period is not None else None
    return listed(
        ledger,
        directory,
        "data_report",
        DataReport,
        DataReportNotFoundError,
        page,
        keep,
        period=wanted,
        party_a=window_id,
    )
