"""The embedded event store: the library's SQLite recorder, plus immutability and idempotency."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteDatastore

from ledger.application.personal_data import PersonalKey
from ledger.application.ports import (
    IdempotencyRecord,
    IdempotentResult,
    RevocationCheck,
    RevokedBeforeCommitError,
)
from ledger.persistence.idempotency import erased_subjects, positions_for


class LedgerSQLiteRecorder(SQLiteApplicationRecorder):
    """Refuses UPDATE and DELETE on stored events, and records idempotency in the same commit."""

    idempotency_table = "ledger_idempotency"
    keys_table = "ledger_personal_keys"
    erasure_topics: tuple[str, ...] = ()
    """Topics of events that erase their stream's personal information (set by the ledger)."""

    def __init__(self, datastore: SQLiteDatastore, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name)

    def construct_create_table_statements(self) -> list[str]:
        table = self.events_table_name
        refuse = "SELECT RAISE(ABORT, 'stored events are append-only')"
        return [
            *super().construct_create_table_statements(),
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN {refuse}; END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN {refuse}; END",
            # A page of one event type (GET /v1/events?type=…) reads its own events, not the
            # log: the index holds the rowid, which is the position.
            f"CREATE INDEX IF NOT EXISTS {table}_topic_idx ON {table} (topic)",
            f"CREATE TABLE IF NOT EXISTS {self.idempotency_table} ("
            "scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, "
            "status INTEGER NOT NULL, resource_type TEXT NOT NULL, resource_id TEXT NOT NULL, "
            "version INTEGER NOT NULL, body BLOB NOT NULL, position INTEGER NOT NULL, "
            "created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), "
            "PRIMARY KEY (scope, key))",
            f"CREATE INDEX IF NOT EXISTS {self.idempotency_table}_resource_idx "
            f"ON {self.idempotency_table} (resource_id)",
            # Keys sealing personal information (see migrations/0031_personal_data_keys.sql).
            f"CREATE TABLE IF NOT EXISTS {self.keys_table} ("
            "key_id TEXT PRIMARY KEY, subject_id TEXT NOT NULL UNIQUE, key BLOB NOT NULL, "
            "created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
        ]

    def _insert_events(
        self,
        c: SQLiteCursor,
        stored_events: Sequence[StoredEvent],
        **kwargs: Any,
    ) -> Sequence[int] | None:
        notification_ids = super()._insert_events(c, stored_events, **kwargs)
        # Checked after the insert, which took the database's write lock: a revocation found
        # absent now cannot be committed before these events (raising rolls them back).
        check: RevocationCheck | None = kwargs.get("revocation_check")
        if check is not None and check.streams:
            streams = [s.hex for s in check.streams]
            c.execute(
                f"SELECT DISTINCT originator_id FROM {self.events_table_name} "
                f"WHERE originator_id IN ({', '.join('?' * len(streams))}) "
                f"AND topic IN ({', '.join('?' * len(check.revoked_topics))})",
                [*streams, *check.revoked_topics],
            )
            revoked = frozenset(_uuid(row[0]) for row in c.fetchall())
            if revoked:
                raise RevokedBeforeCommitError(revoked)
        # Erasure destroys the keys in the transaction that records it (before this write's
        # own idempotency record is kept).
        for subject in erased_subjects(stored_events, self.erasure_topics):
            c.execute(f"DELETE FROM {self.keys_table} WHERE subject_id = ?", (subject.hex,))
            c.execute(f"DELETE FROM {self.idempotency_table} WHERE resource_id = ?", (subject.hex,))
        records: tuple[IdempotencyRecord, ...] = kwargs.get("idempotency", ())
        if records and notification_ids:
            anchors = [(_uuid(s.originator_id), s.originator_version) for s in stored_events]
            positions = positions_for(records, anchors, list(notification_ids))
            c.executemany(
                f"INSERT INTO {self.idempotency_table} (scope, key, fingerprint, status, "
                "resource_type, resource_id, version, body, position) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        r.scope,
                        r.key,
                        r.fingerprint,
                        r.status,
                        r.resource_type,
                        r.resource_id.hex,
                        r.version,
                        r.body,
                        position,
                    )
                    for r, position in zip(records, positions, strict=True)
                ],
            )
        return notification_ids

    def select_idempotency(self, scope: str, key: str) -> IdempotentResult | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                "SELECT fingerprint, status, resource_type, resource_id, version, body, position "
                f"FROM {self.idempotency_table} WHERE scope = ? AND key = ?",
                (scope, key),
            )
            row = c.fetchone()
        if row is None:
            return None
        return IdempotentResult(
            fingerprint=row["fingerprint"],
            status=row["status"],
            resource_type=row["resource_type"],
            resource_id=UUID(row["resource_id"]),
            version=row["version"],
            body=bytes(row["body"]),
            position=row["position"],
        )

    def select_stream_notifications(self, stream_id: UUID) -> list[tuple[int, StoredEvent]]:
        """One stream's events in version order, each with its log position."""
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT rowid, originator_version, topic, state FROM {self.events_table_name} "
                "WHERE originator_id = ? ORDER BY originator_version",
                (stream_id.hex,),
            )
            return [
                (
                    row["rowid"],
                    StoredEvent(stream_id, row["originator_version"], row["topic"], row["state"]),
                )
                for row in c.fetchall()
            ]

    def streams_present(self, stream_ids: Sequence[UUID]) -> set[UUID]:
        """Which of ``stream_ids`` have at least one event (a few queries, for bulk imports)."""
        present: set[UUID] = set()
        ids = [s.hex for s in stream_ids]
        # SQLite binds at most 999 parameters per statement in older builds.
        with self.datastore.transaction(commit=False) as c:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                c.execute(
                    f"SELECT originator_id FROM {self.events_table_name} "
                    f"WHERE originator_version = 1 AND originator_id IN ({marks})",
                    chunk,
                )
                present.update(_uuid(row["originator_id"]) for row in c.fetchall())
        return present

    def personal_data_key(self, subject_id: UUID, candidate: tuple[UUID, bytes]) -> PersonalKey:
        with self.datastore.transaction(commit=True) as c:
            c.execute(
                f"INSERT OR IGNORE INTO {self.keys_table} (key_id, subject_id, key) "
                "VALUES (?, ?, ?)",
                (candidate[0].hex, subject_id.hex, candidate[1]),
            )
            c.execute(
                f"SELECT key_id, key FROM {self.keys_table} WHERE subject_id = ?",
                (subject_id.hex,),
            )
            row = c.fetchone()
        return PersonalKey(UUID(row["key_id"]), bytes(row["key"]))

    def personal_data_key_by_id(self, key_id: UUID) -> bytes | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT key FROM {self.keys_table} WHERE key_id = ?", (key_id.hex,))
            row = c.fetchone()
        return None if row is None else bytes(row["key"])

    def ping(self) -> None:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT 1")

    def head_within(self, wait_seconds: float) -> int:
        """The last position of the log (there is no pool to wait for here)."""
        return self.max_notification_id() or 0


def _uuid(value: UUID | str) -> UUID:
    return value if isinstance(value, UUID) else UUID(value)
