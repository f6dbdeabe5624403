"""The views as they stood at a past log position: folded again from the log, privately.

The live views stand at the head of the log (or a little behind it). To read them as they
stood at an earlier position, the events up to it are folded, with the very projections the
live views use, into a private in-memory store: verification, an appraisal's records and the
views' ``as_of_position`` read there. Its cost is the prefix of the log folded (the views
named, or every view), not the live views'.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from ledger.application.store import LedgerCore
from projections.catalog import all_projections
from projections.runner import ProjectionRunner
from projections.store import SQLiteViewStore, Tx


@contextmanager
def folded_at(
    ledger: LedgerCore, position: int, names: Sequence[str] | None = None
) -> Iterator[Tx]:
    """The views ``names`` (or all) folded from the log up to ``position``, to read."""
    projections = [p for p in all_projections() if names is None or p.name in names]
    store = SQLiteViewStore(":memory:")
    try:
        runner = ProjectionRunner(ledger, store, projections, batch_size=5000, until=position)
        runner.ensure_schema()
        runner.catch_up()
        runner.raise_if_stalled(list(runner.projections))  # never figures of a stopped view
        with store.read() as tx:
            yield tx
    finally:
        store.close()
