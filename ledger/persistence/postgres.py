"""The production event store: the library's PostgreSQL recorder, plus idempotency records.

The tables, the composite type, the immutability triggers and the roles are created by
``sme-ledger migrate`` (``migrations/*.sql``), never by the service itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import (
    PostgresAggregateRecorder,
    PostgresApplicationRecorder,
    PostgresDatastore,
)
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier

from ledger.application.personal_data import PersonalKey
from ledger.application.ports import (
    IdempotencyRecord,
    IdempotentResult,
    RevocationCheck,
    RevokedBeforeCommitError,
)
from ledger.persistence.failfast import fail_fast
from ledger.persistence.idempotency import erased_subjects, positions_for


class _ArrayInsert(PostgresAggregateRecorder):
    """Inserts events as four parallel arrays sent in binary, not one array of a composite type.

    The library sends ``stored_event_uuid[]``, which psycopg can only write as text: every
    event's state is escaped byte by byte (a regular expression per field), which made the
    insert statement most of the cost of a large save. Parallel arrays of uuid, bigint, text
    and bytea go in binary without escaping. ``unnest`` of several arrays yields their
    elements in order, so the events are inserted (and given notification ids) in the same
    order as before; the application recorder still takes its table lock and notifies first.
    """

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        self.insert_arrays_statement = SQL(
            "INSERT INTO {schema}.{table} (originator_id, originator_version, topic, state) "
            "SELECT * FROM unnest(%b::uuid[], %b::bigint[], %b::text[], %b::bytea[]) "
            "RETURNING notification_id"
        ).format(schema=Identifier(self.datastore.schema), table=Identifier(self.events_table_name))

    def _insert_stored_events(
        self,
        curs: Cursor[DictRow],
        stored_events: Sequence[StoredEvent],
        **_: Any,
    ) -> None:
        curs.execute(
            self.insert_arrays_statement,
            (
                [e.originator_id for e in stored_events],
                [e.originator_version for e in stored_events],
                [e.topic for e in stored_events],
                [e.state for e in stored_events],
            ),
            prepare=True,
        )


# The array insert sits between the library's application recorder (lock, notify, ids) and its
# aggregate recorder (the composite-type insert it replaces): see _ArrayInsert.
class LedgerPostgresRecorder(PostgresApplicationRecorder, _ArrayInsert):
    """Writes idempotency records inside the same transaction (and table lock) as the events.

    The service role may not take the library's ``LOCK TABLE ... IN EXCLUSIVE MODE`` itself
    (PostgreSQL asks for UPDATE, DELETE or TRUNCATE privilege for that mode, which the service
    must not have). It takes the very same lock through ``<events table>_lock()``, a
    security-definer function owned by ``ledger_owner`` (``migrations/0004_roles.sql``).
    """

    idempotency_table = "ledger_idempotency"
    keys_table = "ledger_personal_keys"
    erasure_topics: tuple[str, ...] = ()
    """Topics of events that erase their stream's personal information (set by the ledger)."""

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        # While the database is away, requests fail within seconds (ledger.persistence.failfast).
        fail_fast(datastore.pool, wait_seconds=datastore.pool.timeout)
        set_lock_timeout, _lock_table = self.lock_table_statements
        self.lock_table_statements = [
            set_lock_timeout,
            SQL("SELECT {0}.{1}()").format(
                Identifier(self.datastore.schema), Identifier(f"{self.events_table_name}_lock")
            ),
        ]

    def _insert_stored_events(
        self,
        curs: Cursor[DictRow],
        stored_events: Sequence[StoredEvent],
        **kwargs: Any,
    ) -> None:
        # As the library's application recorder: lock, notify, insert. Between the lock and the
        # insert, nothing else can be inserted, so a revocation checked here is final for this
        # save (a revocation inserted later is ordered after these events).
        self._lock_table(curs)
        self._notify_channel(curs)
        check: RevocationCheck | None = kwargs.get("revocation_check")
        if check is not None:
            curs.execute(
                f"SELECT DISTINCT originator_id FROM {self.events_table_name} "
                "WHERE originator_id = ANY(%s) AND topic = ANY(%s)",
                (list(check.streams), list(check.revoked_topics)),
                prepare=True,
            )
            revoked = frozenset(row["originator_id"] for row in curs.fetchall())
            if revoked:
                raise RevokedBeforeCommitError(revoked)
        _ArrayInsert._insert_stored_events(self, curs, stored_events, **kwargs)

    def _fetch_ids_after_insert_events(
        self,
        curs: Cursor[DictRow],
        stored_events: Sequence[StoredEvent],
        **kwargs: Any,
    ) -> Sequence[int] | None:
        notification_ids = super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
        # Erasure destroys the keys in the transaction that records it, through the one
        # function that may (migrations/0031_personal_data_keys.sql).
        for subject in erased_subjects(stored_events, self.erasure_topics):
            curs.execute("SELECT ledger_erase_personal_data(%s)", (subject,))
        records: tuple[IdempotencyRecord, ...] = kwargs.get("idempotency", ())
        if records and notification_ids:
            anchors = [(s.originator_id, s.originator_version) for s in stored_events]
            positions = positions_for(records, anchors, list(notification_ids))  # type: ignore[arg-type]
            curs.executemany(
                f"INSERT INTO {self.idempotency_table} (scope, key, fingerprint, status, "
                "resource_type, resource_id, version, body, position) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (
                        r.scope,
                        r.key,
                        r.fingerprint,
                        r.status,
                        r.resource_type,
                        r.resource_id,
                        r.version,
                        r.body,
                        position,
                    )
                    for r, position in zip(records, positions, strict=True)
                ],
            )
        return notification_ids

    def select_idempotency(self, scope: str, key: str) -> IdempotentResult | None:
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(
                "SELECT fingerprint, status, resource_type, resource_id, version, body, position "
                f"FROM {self.idempotency_table} WHERE scope = %s AND key = %s",
                (scope, key),
                prepare=True,
            )
            row = curs.fetchone()
        if row is None:
            return None
        return IdempotentResult(
            fingerprint=row["fingerprint"],
            status=row["status"],
            resource_type=row["resource_type"],
            resource_id=row["resource_id"],
            version=row["version"],
            body=bytes(row["body"]),
            position=row["position"],
        )

    def select_stream_notifications(self, stream_id: UUID) -> list[tuple[int, StoredEvent]]:
        """One stream's events in version order, each with its log position."""
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(
                "SELECT notification_id, originator_version, topic, state "
                f"FROM {self.events_table_name} WHERE originator_id = %s "
                "ORDER BY originator_version",
                (stream_id,),
                prepare=True,
            )
            return [
                (
                    row["notification_id"],
                    StoredEvent(
                        stream_id, row["originator_version"], row["topic"], bytes(row["state"])
                    ),
                )
                for row in curs.fetchall()
            ]

    def personal_data_key(self, subject_id: UUID, candidate: tuple[UUID, bytes]) -> PersonalKey:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"INSERT INTO {self.keys_table} (key_id, subject_id, key) VALUES (%s, %s, %s) "
                "ON CONFLICT (subject_id) DO NOTHING",
                (candidate[0], subject_id, candidate[1]),
            )
            curs.execute(
                f"SELECT key_id, key FROM {self.keys_table} WHERE subject_id = %s", (subject_id,)
            )
            row = curs.fetchone()
        assert row is not None  # inserted, or there already
        return PersonalKey(row["key_id"], bytes(row["key"]))

    def personal_data_key_by_id(self, key_id: UUID) -> bytes | None:
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(f"SELECT key FROM {self.keys_table} WHERE key_id = %s", (key_id,))
            row = curs.fetchone()
        return None if row is None else bytes(row["key"])

    def streams_present(self, stream_ids: Sequence[UUID]) -> set[UUID]:
        """Which of ``stream_ids`` have at least one event (one query, for bulk imports)."""
        if not stream_ids:
            return set()
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(
                f"SELECT DISTINCT originator_id FROM {self.events_table_name} "
                "WHERE originator_id = ANY(%s) AND originator_version = 1",
                (list(stream_ids),),
            )
            return {row["originator_id"] for row in curs.fetchall()}

    def ping(self, timeout: float = 1.0) -> None:
        """One round trip, waiting at most ``timeout`` for a connection (a readiness check
        answers within a second whatever the pool's wait)."""
        pool = self.datastore.pool
        pool.open()
        with pool.connection(timeout=timeout) as conn:
            conn.execute("SELECT 1")

    def head_within(self, wait_seconds: float) -> int:
        """The last position of the log, waiting at most ``wait_seconds`` for a connection and
        tried once: a scrape answers within that however busy the pool is (the library's
        ``max_notification_id`` retries ten times, each waiting out the pool's timeout)."""
        pool = self.datastore.pool
        pool.open()
        with pool.connection(timeout=wait_seconds) as conn, conn.cursor() as curs:
            curs.execute(self.max_notification_id_statement)
            row = curs.fetchone()
        return int(row["max"] or 0) if row else 0
