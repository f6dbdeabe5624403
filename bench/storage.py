"""What a log costs on disk and in WAL, per event, on PostgreSQL: the figures that size a server,
its base backups and its WAL archive.

    .venv/bin/python bench/storage.py [--events 100000]

On a throwaway cluster of its own (the shared server is never touched): migrates, seeds the
demonstration network, appends delivered, rated, closed service cases through the domain model
(as bench/rebuild.py does) until the log holds ``--events`` events, seals them (a checkpoint
every 1,000) and folds every view. Prints the WAL each step wrote and the size of each part of
the database (tables with their indexes and TOAST), in total and per event.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import psycopg
from rebuild import grow
from torture_procs import throwaway_cluster

from demo import seed_demo
from ledger.application.app import LedgerApplication
from ledger.audit.keys import SigningKey
from ledger.audit.sealer import Sealer, SealPolicy
from ledger.persistence.audit_store import audit_store_for
from ledger.persistence.config import StoreConfig
from ledger.persistence.migrate import migrate
from projections.catalog import all_projections, ensure_view_schema
from projections.runner import ProjectionRunner
from projections.store import open_view_store
from runtime.bootstrap import Runtime, build_ledger
from runtime.settings import Settings

# Which part of the database each table is; every other table is a view's.
PARTS = {
    "ledger_events": "log",
    "ledger_snapshots": "snapshots",
    "ledger_merkle_leaves": "seal",
    "ledger_merkle_nodes": "seal",
    "ledger_checkpoints": "seal",
    "ledger_checkpoint_notes": "seal",
    "ledger_seal_keys": "seal",
    "ledger_idempotency": "idempotency",
    "ledger_access_log": "access trail",
    "ledger_personal_keys": "personal-data keys",
    "ledger_schema_migrations": "migrations",
}


def wal_bytes(url: str, step: Callable[[], None]) -> tuple[int, float]:
    """The WAL ``step`` wrote (this cluster has no other writer) and how long it took."""
    with psycopg.connect(url, autocommit=True) as conn:
        before = conn.execute("SELECT pg_current_wal_lsn()::text").fetchone()
        assert before is not None
        started = time.perf_counter()
        step()
        elapsed = time.perf_counter() - started
        row = conn.execute(
            "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), %s::pg_lsn)", before
        ).fetchone()
    assert row is not None
    return int(row[0]), elapsed


def sizes(url: str) -> tuple[int, dict[str, int]]:
    """How many events the log holds, and the bytes of each part of the database."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        rows = conn.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'r'"
        ).fetchall()
        database = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        events = conn.execute("SELECT count(*) FROM ledger_events").fetchone()
    parts: dict[str, int] = {}
    for name, size in rows:
        part = PARTS.get(name, "views")
        parts[part] = parts.get(part, 0) + int(size)
    assert database is not None
    assert events is not None
    parts["the whole database"] = int(database[0])
    return int(events[0]), parts


def seal_all(ledger: LedgerApplication) -> None:
    sealer = Sealer(
        ledger.recorder,
        audit_store_for(ledger.recorder),
        SigningKey.generate(),
        SealPolicy(every_events=1000, batch=5000),
    )
    sealer.seal(force_checkpoint=True)


def fold_views(ledger: LedgerApplication, config: StoreConfig) -> None:
    store = open_view_store(config)
    runner = ProjectionRunner(ledger, store, all_projections(), batch_size=2000)
    try:
        for name in runner.projections:
            runner.rebuild(name)
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    with throwaway_cluster() as cluster:
        url = cluster.url
        migrate(url)
        config = StoreConfig(url)
        ledger = build_ledger(config)
        try:
            ensure_view_schema(ledger, config)

            def append() -> None:
                with Runtime(Settings(database_url=url), ledger=ledger) as runtime:
                    grow(ledger, runtime.directory(), args.events)

            seed_demo(ledger, seed=1, year=2025)
            seeded = ledger.head_position()
            steps = {
                "append": wal_bytes(url, append),
                "seal": wal_bytes(url, lambda: seal_all(ledger)),
                "views": wal_bytes(url, lambda: fold_views(ledger, config)),
            }
            events, parts = sizes(url)
        finally:
            ledger.close()
    print(f"log: {events:,} events ({seeded:,} of them the demonstration network's)")
    for step, (wal, seconds) in steps.items():
        # The appended cases for the append, the whole log for sealing and folding it.
        count = events - seeded if step == "append" else events
        print(
            f"WAL of {step:<7}: {wal / 2**20:8.1f} MiB = {wal / count:7.0f} bytes/event "
            f"({count:,} events in {seconds:.1f} s)"
        )
    for part, size in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"{part:<22}: {size / 2**20:8.1f} MiB = {size / events:7.0f} bytes/event")


if __name__ == "__main__":
    main()
