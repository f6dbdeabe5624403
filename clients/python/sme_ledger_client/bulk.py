"""A window's records imported in bulk: batches the service takes whole, each safe to send again.

A nightly sync reads what the window's own system served that day and sends it here. A batch
whose answer was lost is sent again with its Idempotency-Key (the session's transport gives
each batch one and keeps it for its retries), so it is recorded once; and a job run again after
a crash sends its batches anew, where each record already recorded is answered ``exists`` (or
``conflict``, with what differs) rather than recorded again. A key made from the batch's
content would do no better: the service would answer a re-run with the first run's answer,
counting as ``created`` what this run did not create.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sme_ledger_client._ledger import Ledger
from sme_ledger_client.openapi.api.service_cases import import_service_case_batch
from sme_ledger_client.openapi.models import CaseBatch, ImportedRecord, ImportSummary

LARGEST_BATCH = 1000
"""The most records the service takes in one batch."""


@dataclass
class ImportReport:
    """What an import did: every record's result, in the order sent, and the counts."""

    results: list[ImportedRecord] = field(default_factory=list)
    created: int = 0
    exists: int = 0
    conflict: int = 0
    rejected: int = 0
    batches: int = 0

    def add(self, summary: ImportSummary, offset: int) -> None:
        for result in summary.results:
            result.index += offset
            self.results.append(result)
        self.created += summary.created
        self.exists += summary.exists
        self.conflict += summary.conflict
        self.rejected += summary.rejected
        self.batches += 1


def import_cases(
    ledger: Ledger,
    records: Iterable[Mapping[str, Any]],
    *,
    batch_size: int = 500,
    progress: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Record ``records`` (each like the body of ``POST /v1/service-cases``, with its
    ``external_ref``) in batches of ``batch_size``, and say what happened to each; indexes in
    the results count from the first record of ``records``."""
    if not 1 <= batch_size <= LARGEST_BATCH:
        msg = f"batch_size must be from 1 to {LARGEST_BATCH}, not {batch_size}"
        raise ValueError(msg)
    report = ImportReport()
    offset = 0
    for batch in _batches(records, batch_size):
        summary = ledger.call(
            import_service_case_batch.sync_detailed, body=CaseBatch(records=batch)
        )
        report.add(summary, offset)
        offset += len(batch)
        if progress is not None:
            progress(report)
    return report


def _batches(records: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    items = iter(records)
    while batch := list(islice(items, size)):
        yield batch
