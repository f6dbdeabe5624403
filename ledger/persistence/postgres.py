"""The production event store: the library's PostgreSQL recorder, plus idempotency records.

The tables, the composite type, the immutability triggers and the roles are created by
``sme-ledger migrate`` (``migrations/*.sql``), never by the service itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier

from ledger.persistence.idempotency import IdempotencyRecord, IdempotentResult, positions_for


class LedgerPostgresRecorder(PostgresApplicationRecorder):
    """Writes idempotency records inside the same transaction (and table lock) as the events.

    The service role may not take the library's ``LOCK TABLE ... IN EXCLUSIVE MODE`` itself
    (PostgreSQL asks for UPDATE, DELETE or TRUNCATE privilege for that mode, which the service
    must not have). It takes the very same lock through ``<events table>_lock()``, a
    security-definer function owned by ``ledger_owner`` (``migrations/0004_roles.sql``).
    """

    idempotency_table = "ledger_idempotency"

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        set_lock_timeout, _lock_table = self.lock_table_statements
        self.lock_table_statements = [
            set_lock_timeout,
            SQL("SELECT {0}.{1}()").format(
                Identifier(self.datastore.schema), Identifier(f"{self.events_table_name}_lock")
            ),
        ]

    def _fetch_ids_after_insert_events(
        self,
        curs: Cursor[DictRow],
        stored_events: Sequence[StoredEvent],
        **kwargs: Any,
    ) -> Sequence[int] | None:
        notification_ids = super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
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

    def ping(self) -> None:
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute("SELECT 1")
