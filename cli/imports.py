"""Reading a window's export (JSONL or CSV) for ``sme-ledger import``, and importing it in batches.

Each record becomes the body of ``POST /v1/service-cases`` (the one-call delivered form) and is
imported through the same code as ``POST /v1/service-cases:batch``, a batch of 1,000 at a time.

CSV columns (a header row names them; empty cells are left out): ``external_ref, uscc,
category, channel, description, occurred_at``; the assignment as ``provider_kind,
provider_name, provider_id, assigned_at``; the delivery as ``delivered_on, mode, fee_type,
fee_amount, delivered_at``; the feedback as ``satisfaction, comment, feedback_at``; the closure
as ``closure_note, closed_at``. Each ``…_at`` is when that step happened (ISO 8601 with an
offset); without it, a step happened when the case was opened.
"""

from __future__ import annotations

import csv
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from api.schemas.cases import records_of
from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import MAX_IMPORT_RECORDS, ImportCases, ImportStatus
from ledger.application.context import Principal, RequestContext
from ledger.domain.errors import InvalidRecordError

_SECTIONS: dict[str, dict[str, str]] = {
    "assignment": {
        "provider_kind": "provider_kind", "provider_name": "provider_name",
        "provider_id": "provider_id", "assigned_at": "occurred_at",
    },
    "delivery": {
        "delivered_on": "delivered_on", "mode": "mode", "fee_type": "fee_type",
        "fee_amount": "fee_amount", "delivered_at": "occurred_at",
    },
    "feedback": {
        "satisfaction": "satisfaction", "comment": "comment", "feedback_at": "occurred_at",
    },
    "closure": {"closure_note": "note", "closed_at": "occurred_at"},
}  # fmt: skip
"""Each step of the one-call body, and the CSV column of each of its fields (``…_at``: when the
step happened, if not when the case was opened)."""


@dataclass
class ImportSummary:
    counts: Counter[str] = field(default_factory=Counter)
    rejected: list[tuple[int, str, str]] = field(default_factory=list)
    """(line, code, detail) of each rejected record."""
    position: int = 0


def read_records(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, record) for every record of a ``.jsonl`` or ``.csv`` file.

    A line that is not a JSON object is yielded as a message (reported, never skipped).
    """
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            for row in reader:
                yield reader.line_num, _from_csv(row)
        return
    with path.open("rb") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as e:
                yield number, f"This line is not valid JSON ({e}); fix it and import again."
                continue
            if not isinstance(record, dict):
                yield number, "This line is not a JSON object; each line holds one record."
                continue
            yield number, record


def _from_csv(row: dict[str, str | None]) -> dict[str, Any]:
    values = {k.strip(): v.strip() for k, v in row.items() if k and v and v.strip()}
    record: dict[str, Any] = {}
    nested = {column for columns in _SECTIONS.values() for column in columns}
    for key, value in values.items():
        if key not in nested:
            record[key] = value
    for section, columns in _SECTIONS.items():
        part: dict[str, Any] = {name: values[c] for c, name in columns.items() if c in values}
        if str(part.get("satisfaction", "")).isdigit():
            part["satisfaction"] = int(part["satisfaction"])
        if part:
            record[section] = part
    return record


def import_file(
    ledger: LedgerApplication,
    principal: Principal,
    path: Path,
    progress: Callable[[int], None] = lambda _: None,
) -> ImportSummary:
    """Import every record of ``path``; ``progress`` is told how many records are done."""
    summary = ImportSummary()
    records = read_records(path)
    done = 0
    while batch := list(islice(records, MAX_IMPORT_RECORDS)):
        lines = [number for number, _ in batch]
        items = [r if isinstance(r, dict) else InvalidRecordError(str(r)) for _, r in batch]
        context = RequestContext(principal, f"import-{uuid.uuid4().hex}")
        results = ledger.handle(ImportCases(records=records_of(items)), context)
        for line, result in zip(lines, results, strict=True):
            summary.counts[result.status.value] += 1
            if result.status is ImportStatus.REJECTED:
                summary.rejected.append((line, result.code or "", result.detail or ""))
            summary.position = max(summary.position, result.position or 0)
        done += len(batch)
        progress(done)
    return summary
