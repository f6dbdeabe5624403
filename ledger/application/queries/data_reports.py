"""Reads of many data reports at once."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.store import LedgerCore
from ledger.domain.data_report import DataReport, parse_period
from ledger.domain.errors import DataReportNotFoundError


def list_reports(
    ledger: LedgerCore, *, period: str | None = None, window_id: UUID | None = None
) -> list[DataReport]:
    """Reports (of ``period``, of ``window_id``), in the order they were requested.

    A small in-process scan of the log for ``DataReport.Requested`` events, filtered before
    any report is loaded. It reads the whole log's requests on every call, which is fine
    for a network's few hundred reports a year; the projections of a later issue replace it.
    """
    wanted = parse_period(period).text if period is not None else None
    found: list[DataReport] = []
    for notification in ledger.scan(topics=[get_topic(DataReport.Requested)]):
        requested = cast(DataReport.Requested, ledger.mapper.to_domain_event(notification))
        if wanted is not None and requested.period != wanted:
            continue
        if window_id is not None and requested.window_id != window_id:
            continue
        found.append(
            ledger.load(requested.originator_id, DataReport, DataReportNotFoundError, "data report")
        )
    return found
