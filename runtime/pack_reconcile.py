"""The funds reconciliation (对账) recomputed from an evidence pack, away from the operator.

The pack's events are put, byte for byte and at their own positions, into a throwaway embedded
ledger; the funds view is folded from them by the same projection the service runs; and the
report is read from it by the same query as ``GET /v1/views/funds/reconciliation``, each
disbursement's status read from its replayed record. An auditor who verified the pack
(``sme-ledger audit verify``) so reproduces the operator's report without trusting its
database, and can compare the two.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from evidence.leaf import LogEntry
from evidence.pack_reader import entries
from ledger.application.app import LedgerApplication
from ledger.application.queries.budgets import disbursement_status
from ledger.persistence.config import StoreConfig
from projections.funds import FundsProjection
from projections.funds_reconciliation import ReconciliationRow, reconciliation
from projections.runner import ProjectionRunner
from projections.store import SQLiteViewStore
from runtime.bootstrap import build_ledger

BATCH = 5000


class PackReplayError(Exception):
    """The pack cannot be replayed (not a pack, or not the log from its first event)."""


def pack_entries(pack: Path) -> Iterator[LogEntry]:
    """The events of ``pack``, in log order."""
    try:
        with zipfile.ZipFile(pack) as zf, zf.open("events.bin") as events:
            yield from entries(events)
    except (zipfile.BadZipFile, KeyError) as e:
        raise PackReplayError(f"{pack} is not an evidence pack ({e}).") from None


def replay_pack(pack: Path, directory: Path) -> LedgerApplication:
    """A ledger in ``directory`` holding exactly the events of ``pack``, at their positions."""
    ledger = build_ledger(StoreConfig(f"sqlite:///{directory / 'pack.sqlite'}"))
    events = pack_entries(pack)
    while batch := list(islice(events, BATCH)):
        stored = [StoredEvent(e.stream_id, e.version, e.topic, e.state) for e in batch]
        positions = list(ledger.recorder.insert_events(stored) or ())
        if positions != [e.position for e in batch]:
            ledger.close()
            msg = (
                "The pack's events are not the log from its first event (position "
                f"{batch[0].position} was replayed at {positions[:1]})."
            )
            raise PackReplayError(msg)
    return ledger


def reconcile_pack(pack: Path, *, year: int, hub_id: str | None = None) -> list[ReconciliationRow]:
    """The reconciliation of ``year`` (of ``hub_id``'s budgets), from ``pack`` alone."""
    with tempfile.TemporaryDirectory(prefix="sme-ledger-reconcile-") as tmp:
        ledger = replay_pack(pack, Path(tmp))
        store = SQLiteViewStore(str(Path(tmp) / "views.sqlite"))
        try:
            runner = ProjectionRunner(ledger, store, [FundsProjection()])
            runner.ensure_schema()
            runner.catch_up()
            failed = runner.failures()
            if failed:
                msg = f"The funds view stops on an event of the pack: {failed[0].message}"
                raise PackReplayError(msg)

            def status_of(disbursement_id: str) -> str:
                return disbursement_status(ledger, UUID(disbursement_id))

            with store.read() as tx:
                return reconciliation(tx, year=year, hub_id=hub_id, resource_status=status_of)
        finally:
            store.close()
            ledger.close()
