"""Lists of one kind of aggregate: ids from the directory view, then only those aggregates."""

from __future__ import annotations

from typing import TypeVar

from ledger.application.ports import Directory
from ledger.application.store import LedgerCore
from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import NotFoundError

A = TypeVar("A", bound=LedgerAggregate)


def listed(
    ledger: LedgerCore,
    directory: Directory,
    kind: str,
    aggregate_type: type[A],
    not_found: type[NotFoundError],
    **filters: object,
) -> list[A]:
    """The aggregates of ``kind`` the directory names (with ``filters``), in log order."""
    label = kind.replace("_", " ")
    return [
        ledger.load(stream_id, aggregate_type, not_found, label)
        for stream_id in directory.stream_ids(kind, **filters)  # type: ignore[arg-type]
    ]
