"""The audit store on the embedded SQLite file: the tables of migrations/0005_audit.sql,
created here with the same append-only triggers (SQLite has no roles to keep the service out).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from eventsourcing.sqlite import SQLiteDatastore

from evidence.merkle import Node
from ledger.persistence.audit_cosignatures import COSIGNATURES
from ledger.persistence.audit_sql import (
    ACCESS,
    CHECKPOINTS,
    KEYS,
    LEAVES,
    NODES,
    NOTES,
    SqlAuditStore,
    tuples,
)
from ledger.persistence.audit_timestamps import TIMESTAMPS


class SQLiteAuditStore(SqlAuditStore):
    """On its own connection to the ledger's file, writing with ``BEGIN IMMEDIATE``.

    Several writers share the embedded file (the log, the views, the sealer, the access trail).
    A transaction that reads before it writes must take the write lock first: otherwise SQLite
    refuses its first write at once ("database is locked") if another writer committed since it
    started reading, instead of waiting its turn.
    """

    def __init__(self, datastore: SQLiteDatastore, events_table: str) -> None:
        super().__init__(events_table, "rowid")
        self.datastore = datastore
        name = datastore.pool.db_name
        self._conn = sqlite3.connect(
            name,
            uri=name.startswith("file:"),
            check_same_thread=False,
            isolation_level=None,
            timeout=30,
        )
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._lock = threading.RLock()
        with self._transaction(commit=True) as cursor:
            for statement in sqlite_schema():
                cursor.execute(statement)

    @contextmanager
    def _transaction(self, *, commit: bool) -> Iterator[Any]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE" if commit else "BEGIN")
            cursor = self._conn.cursor()
            try:
                yield cursor
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT" if commit else "ROLLBACK")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _sql(self, statement: str) -> str:
        return statement.replace("%s", "?")

    def _time_param(self, moment: datetime) -> Any:
        # Fixed-width UTC text sorts as time does, so range queries compare strings.
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def _time_value(self, value: Any) -> datetime:
        return datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)

    def _lock_for_sealing(self, cursor: Any) -> None:
        # The pool's writer lock serialises writers of this process; another process waits
        # on the database lock, and the leaf-count check below catches what is left.
        return

    def _select_nodes(self, cursor: Any, wanted: Sequence[Node]) -> list[tuple[int, int, bytes]]:
        found: list[tuple[int, int, bytes]] = []
        # Small batches keep within SQLite's limit on bound parameters.
        for i in range(0, len(wanted), 200):
            chunk = wanted[i : i + 200]
            where = " OR ".join(["(level = ? AND node_index = ?)"] * len(chunk))
            cursor.execute(
                f"SELECT level, node_index, hash FROM {NODES} WHERE {where}",
                [value for node in chunk for value in node],
            )
            found.extend((int(a), int(b), bytes(c)) for a, b, c in tuples(cursor.fetchall()))
        return found


def sqlite_schema() -> list[str]:
    """The tables of migrations/0005_audit.sql, 0030_checkpoint_notes.sql and
    0032_checkpoint_cosignatures.sql and 0034_checkpoint_timestamps.sql, for the embedded store."""
    statements = [
        f"CREATE TABLE IF NOT EXISTS {LEAVES} (leaf_index INTEGER PRIMARY KEY, "
        "position INTEGER NOT NULL UNIQUE, leaf_hash BLOB NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {NODES} (level INTEGER NOT NULL, "
        "node_index INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, node_index))",
        f"CREATE TABLE IF NOT EXISTS {CHECKPOINTS} (tree_size INTEGER PRIMARY KEY, "
        "root_hash BLOB NOT NULL, last_position INTEGER NOT NULL UNIQUE, "
        "sealed_at TEXT NOT NULL, key_id TEXT NOT NULL, signature BLOB NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {NOTES} (tree_size INTEGER PRIMARY KEY "
        f"REFERENCES {CHECKPOINTS} (tree_size), note BLOB NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {COSIGNATURES} (tree_size INTEGER NOT NULL "
        f"REFERENCES {NOTES} (tree_size), witness TEXT NOT NULL, cosigned_at TEXT NOT NULL, "
        "line TEXT NOT NULL, PRIMARY KEY (tree_size, witness))",
        f"CREATE INDEX IF NOT EXISTS {COSIGNATURES}_witness_idx "
        f"ON {COSIGNATURES} (witness, tree_size)",
        f"CREATE TABLE IF NOT EXISTS {TIMESTAMPS} (tree_size INTEGER PRIMARY KEY "
        f"REFERENCES {NOTES} (tree_size), stamped_at TEXT NOT NULL, gen_time TEXT NOT NULL, "
        "reply BLOB NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {KEYS} (key_id TEXT PRIMARY KEY, "
        "public_key TEXT NOT NULL, registered_at TEXT NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {ACCESS} (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "at TEXT NOT NULL, principal TEXT NOT NULL, role TEXT NOT NULL, method TEXT NOT NULL, "
        "route TEXT NOT NULL, resource_id TEXT, status INTEGER NOT NULL, "
        "request_id TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {ACCESS}_at_idx ON {ACCESS} (at)",
        f"CREATE INDEX IF NOT EXISTS {ACCESS}_principal_at_idx ON {ACCESS} (principal, at)",
    ]
    for table in (LEAVES, NODES, CHECKPOINTS, NOTES, COSIGNATURES, TIMESTAMPS, KEYS, ACCESS):
        refuse = f"SELECT RAISE(ABORT, '{table} is append-only')"
        statements += [
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN {refuse}; END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN {refuse}; END",
        ]
    return statements
