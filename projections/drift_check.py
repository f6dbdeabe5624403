"""Drift checks: a view recomputed from the log, at the position the stored view is at, compared
with the stored view table by table. A mismatch is recorded and reported, never repaired.

The stored view moves on while a check runs, so "at a position" is made exact this way:

1. In one snapshot of the store (PostgreSQL: a ``REPEATABLE READ`` read-only transaction;
   SQLite: one read transaction, which in WAL mode sees one commit throughout), the view's
   tracking position *P* and version are read, then the digest of each of its tables
   (:mod:`projections.digest`). The daemon commits rows and position together, so what the
   snapshot sees is exactly the log folded up to *P*, whatever it commits meanwhile.
2. The events up to *P* are committed and immutable (the daemon only moves a view to a head
   whose events are all committed), so folding them again later gives the view at *P*: the
   same projection code folds them, from the first event, into a shadow store of its own — a
   private temporary SQLite database, whatever the stored view's store — and the digests of
   the shadow's tables are taken the same way.
3. A table drifts when its row count or its digest differ.

A view whose stored version is not the code's (it is to be rebuilt) is skipped; so is one
whose tracking row is missing. A shadow fold that fails on an event, where the stored view got
past it, is the outcome ``failed``: the stored view cannot be reproduced from the log either.
A lost database raises, and nothing is recorded.

The cost of a check is a rebuild's: every event the view reads, decoded and folded once, into
a temporary database. Checks run on a schedule (``LEDGER_DRIFT_CHECK_SECONDS``) in the
projection worker, or on demand (``sme-ledger project check-drift``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from ledger.application.store import LedgerCore
from projections.base import Projection
from projections.digest import TableDigest, table_digest
from projections.drift import DRIFT, FAILED, OK, SKIPPED, DriftCheck, TableCheck, record_check
from projections.runner import ProjectionRunner
from projections.store import Snapshot, SQLiteViewStore, ViewStore
from projections.tracking import TRACKING_TABLE

SHADOW_BATCH = 2000
"""Events folded per transaction of the shadow (a private database: no reader waits on it)."""


class DriftChecker:
    """Checks the views ``projections`` of ``store`` against the log of ``ledger``."""

    def __init__(
        self,
        ledger: LedgerCore,
        store: ViewStore,
        projections: Sequence[Projection],
        *,
        batch_size: int = SHADOW_BATCH,
    ) -> None:
        self.ledger = ledger
        self.store = store
        self.projections = {p.name: p for p in projections}
        self.batch_size = batch_size
        self.seconds: dict[str, float] = {}
        """How long the last check of each view took."""

    def check(self, name: str) -> DriftCheck:
        """Check view ``name`` now (not recorded: see :meth:`check_and_record`)."""
        projection = self.projections[name]
        started = time.monotonic()
        checked_at = self.ledger.clock()
        with self.store.snapshot() as snapshot:
            row = snapshot.fetchone(
                f"SELECT version, position FROM {TRACKING_TABLE} WHERE name = ?", (name,)
            )
            if row is None:
                detail = "the view has no tracking row yet"
                return DriftCheck(name, projection.version, 0, checked_at, SKIPPED, detail=detail)
            version, position = int(row[0]), int(row[1])
            if version != projection.version:
                detail = (
                    f"the stored view is of version {version}, this release folds version "
                    f"{projection.version}: it is rebuilt by `sme-ledger migrate`"
                )
                return DriftCheck(name, version, position, checked_at, SKIPPED, detail=detail)
            stored = self._digests(snapshot, projection, self.store.is_postgres)
        recomputed, failure = self._recompute(projection, position)
        self.seconds[name] = time.monotonic() - started
        if failure:
            return DriftCheck(name, version, position, checked_at, FAILED, detail=failure)
        tables = tuple(
            TableCheck(
                table, stored[table].rows, stored[table].sha256,
                recomputed[table].rows, recomputed[table].sha256,
            )
            for table in projection.tables
        )  # fmt: skip
        outcome = DRIFT if any(t.drift for t in tables) else OK
        return DriftCheck(name, version, position, checked_at, outcome, tables)

    def check_and_record(self, name: str) -> DriftCheck:
        """Check view ``name`` now and add what was found to the record."""
        check = self.check(name)
        with self.store.transaction() as tx:
            record_check(tx, check)
        return check

    @staticmethod
    def _digests(
        snapshot: Snapshot, projection: Projection, postgres: bool
    ) -> dict[str, TableDigest]:
        return {
            table: table_digest(snapshot, table, ddl, postgres)
            for table, ddl in projection.tables.items()
        }

    def _recompute(
        self, projection: Projection, position: int
    ) -> tuple[dict[str, TableDigest], str]:
        """The digests of ``projection`` folded afresh from the log up to ``position``; or why
        it could not be (the event it failed on)."""
        # "": a private temporary database, on disk when it outgrows its cache, removed on close.
        shadow = SQLiteViewStore("")
        try:
            runner = ProjectionRunner(
                self.ledger,
                shadow,
                [type(projection)()],
                batch_size=self.batch_size,
                until=position,
                retry_seconds=float("inf"),
            )
            runner.ensure_schema()
            runner.catch_up(projection.name)
            [status] = runner.status(position)
            if status.failure is not None or status.position < position:
                failure = status.failure
                why = "" if failure is None else f": {failure.error}: {failure.message}"
                at = "" if failure is None else f" at position {failure.position}"
                return {}, (
                    f"folding the log again stopped on the event{at}, before position "
                    f"{position}{why}"
                )
            with shadow.snapshot() as snapshot:
                return self._digests(snapshot, projection, postgres=False), ""
        finally:
            shadow.close()
