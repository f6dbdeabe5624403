"""Where the read-only routes read: a PostgreSQL hot standby (``LEDGER_READ_DATABASE_URL``), or
the primary as before when none is set (docs/operations.md, "A hot standby for reads").

The views (and their CSV and workbook exports), the log paged for auditors, and the audit
store's checkpoints, proofs, keys and tiles are read through :class:`Reads`. Everything that
writes stays on the primary, and so does what must see a write of this very request or process:
commands, the idempotency store, authenticating a key, the access trail (written on every read,
and read back by auditors right after flushing it), lists of resources (the directory and the
aggregates they load), and the views' own status and the appraisal runs, which fold the views
to the head of the log.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

from eventsourcing.postgres import PostgresApplicationRecorder

from ledger.application.app import LedgerApplication
from ledger.application.log_reader import LogReader, LogSource
from ledger.audit.proofs import AuditProofs
from ledger.audit.records import AuditStore
from ledger.persistence.audit_store import audit_store_for
from ledger.persistence.config import StoreConfig
from ledger.persistence.standby import Standby
from projections.catalog import all_projections
from projections.runner import ProjectionRunner
from projections.store import PostgresViewStore, Snapshot, Tx
from runtime.settings import Settings


class StandbyViewStore:
    """The views as the standby has replayed them: read only, a failure to reach it raised as
    :class:`ledger.persistence.standby.StandbyUnavailableError`."""

    is_postgres = True

    def __init__(self, standby: Standby) -> None:
        self.standby = standby
        self._store = PostgresViewStore(pool=standby.datastore.pool)

    def transaction(self) -> AbstractContextManager[Tx]:
        msg = "the views on the read standby are read only; the projection workers write them"
        raise TypeError(msg)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        with self.standby.reading(), self._store.read() as tx:
            yield tx

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        with self.standby.reading(), self._store.snapshot() as tx:
            yield tx

    def close(self) -> None:
        self._store.close()


@dataclass
class Reads:
    """What the read-only routes read, and where.

    ``views`` folds nothing: it is read, and asked where each view is (on the standby, where the
    views are as replayed). ``primary_views`` are the views where the projection workers keep
    them, to tell a view that is behind from a standby that is. Without a standby, both are the
    primary's and ``standby`` is ``None``.
    """

    views: ProjectionRunner
    primary_views: ProjectionRunner
    log: LogReader
    audit: AuditStore
    proofs: AuditProofs
    standby: Standby | None = None

    def close(self) -> None:
        if self.standby is not None:
            self.views.store.close()
            self.standby.close()


def _standby_of(config: StoreConfig, ledger: LedgerApplication) -> Standby:
    recorder = ledger.recorder
    if not isinstance(recorder, PostgresApplicationRecorder):  # refused by the settings too
        msg = "a read standby is read beside a PostgreSQL primary only"
        raise TypeError(msg)
    return Standby(config, recorder.events_table_name)


@contextmanager
def audit_reads(
    settings: Settings, ledger: LedgerApplication
) -> Iterator[tuple[LogSource, AuditStore]]:
    """The log and the audit store an auditor's export reads (``sme-ledger audit export``): the
    standby's if ``settings`` name one, else ``ledger``'s own. A checkpoint on the standby has
    its leaves and events there too (they were committed before it), so a pack read there is
    as whole as one read on the primary, up to an older checkpoint at worst."""
    config = settings.read_store
    if config is None:
        yield ledger.log_source, audit_store_for(ledger.recorder)
        return
    standby = _standby_of(config, ledger)
    try:
        yield standby.log, standby.audit
    finally:
        standby.close()


def open_reads(
    settings: Settings,
    ledger: LedgerApplication,
    views: ProjectionRunner,
    audit: AuditStore,
) -> Reads:
    """The reads of an API process: on the standby of ``settings`` if it names one, else on the
    primary's ``views`` and ``audit`` store."""
    config = settings.read_store
    if config is None:
        return Reads(views, views, ledger.log_reader(), audit, AuditProofs(audit))
    standby = _standby_of(config, ledger)
    runner = ProjectionRunner(ledger, StandbyViewStore(standby), all_projections())
    return Reads(
        runner,
        views,
        ledger.log_reader(standby.log),
        standby.audit,
        AuditProofs(standby.audit),
        standby,
    )
