"""The audit store in SQL, and on PostgreSQL (schema from migrations/0005); the SQLite store (its
tables created here, with the same append-only triggers) is ``audit_store_sqlite``.

Both share the datastore (pool) of the ledger's recorder, so the audit trail lives and is
backed up with the log it covers.
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from eventsourcing.persistence import IntegrityError
from eventsourcing.postgres import PostgresDatastore

from evidence.checkpoint import Checkpoint
from evidence.merkle import Node
from ledger.audit.records import (
    AccessRecord,
    SealConflictError,
    SealedLeaf,
    StoredAccessRecord,
)
from ledger.persistence.audit_cosignatures import CosignatureSql
from ledger.persistence.audit_timestamps import TimestampSql

LEAVES = "ledger_merkle_leaves"
NODES = "ledger_merkle_nodes"
CHECKPOINTS = "ledger_checkpoints"
NOTES = "ledger_checkpoint_notes"
KEYS = "ledger_seal_keys"
ACCESS = "ledger_access_log"
_CHECKPOINT_COLUMNS = "tree_size, root_hash, last_position, sealed_at, key_id, signature"
_ACCESS_COLUMNS = "at, principal, role, method, route, resource_id, status, request_id"
# pg_advisory_xact_lock key held while appending to the tree: "sme-ledger seal".
SEAL_LOCK_KEY = 0x5_3_4C_53_45_41_4C


class SqlAuditStore(TimestampSql, CosignatureSql, ABC):
    """The SQL both databases share; subclasses supply the dialect."""

    def __init__(self, events_table: str, position_column: str) -> None:
        self.events_table = events_table
        self.position_column = position_column

    # --- dialect (and AuditSqlDialect's) ---------------------------------------------------
    @abstractmethod
    def _lock_for_sealing(self, cursor: Any) -> None: ...

    @abstractmethod
    def _select_nodes(self, cursor: Any, wanted: Sequence[Node]) -> list[tuple[int, int, bytes]]:
        """``(level, index, hash)`` of the interior nodes among ``wanted`` (level ≥ 1)."""

    # --- the tree ---------------------------------------------------------------------------
    def tree_size(self) -> int:
        leaf = self.last_leaf()
        return 0 if leaf is None else leaf.leaf_index + 1

    def last_leaf(self) -> SealedLeaf | None:
        rows = self._read(
            f"SELECT leaf_index, position, leaf_hash FROM {LEAVES} ORDER BY leaf_index DESC LIMIT 1"
        )
        return _leaf(rows[0]) if rows else None

    def nodes(self, wanted: Sequence[Node]) -> list[bytes]:
        leaf_indexes = sorted({index for level, index in wanted if level == 0})
        interior = [node for node in wanted if node[0] > 0]
        found: dict[Node, bytes] = {}
        with self._transaction(commit=False) as cursor:
            if leaf_indexes:
                marks = ", ".join(["%s"] * len(leaf_indexes))
                cursor.execute(
                    self._sql(
                        f"SELECT leaf_index, leaf_hash FROM {LEAVES} WHERE leaf_index IN ({marks})"
                    ),
                    leaf_indexes,
                )
                found.update({(0, row[0]): bytes(row[1]) for row in tuples(cursor.fetchall())})
            if interior:
                for level, index, digest in self._select_nodes(cursor, interior):
                    found[(level, index)] = digest
        return [found[node] for node in wanted]

    def hashes_at(self, level: int, start: int, end: int) -> list[bytes]:
        # One range scan of a primary key, in order: what a tile of 256 hashes is read with.
        if level == 0:
            statement = (
                f"SELECT leaf_hash FROM {LEAVES} WHERE leaf_index >= %s AND leaf_index < %s "
                "ORDER BY leaf_index"
            )
            params: tuple[int, ...] = (start, end)
        else:
            statement = (
                f"SELECT hash FROM {NODES} WHERE level = %s AND node_index >= %s "
                "AND node_index < %s ORDER BY node_index"
            )
            params = (level, start, end)
        return [bytes(row[0]) for row in tuples(self._read(statement, params))]

    def append(
        self,
        expected_size: int,
        leaves: Sequence[SealedLeaf],
        nodes: Sequence[tuple[Node, bytes]],
        checkpoint: Checkpoint | None,
        note: bytes | None = None,
    ) -> None:
        try:
            with self._transaction(commit=True) as cursor:
                self._lock_for_sealing(cursor)
                cursor.execute(self._sql(f"SELECT max(leaf_index) FROM {LEAVES}"))
                row = cursor.fetchone()
                current = 0 if row is None or _first(row) is None else int(_first(row)) + 1
                if current != expected_size:
                    msg = f"the tree has {current} leaves, not {expected_size}"
                    raise SealConflictError(msg)
                if leaves:
                    cursor.executemany(
                        self._sql(
                            f"INSERT INTO {LEAVES} (leaf_index, position, leaf_hash) "
                            "VALUES (%s, %s, %s)"
                        ),
                        [(x.leaf_index, x.position, x.leaf_hash) for x in leaves],
                    )
                if nodes:
                    cursor.executemany(
                        self._sql(
                            f"INSERT INTO {NODES} (level, node_index, hash) VALUES (%s, %s, %s)"
                        ),
                        [(level, index, digest) for (level, index), digest in nodes],
                    )
                if checkpoint is not None:
                    self._insert_checkpoint(cursor, checkpoint)
                    if note is not None:
                        self._insert_note(cursor, checkpoint.tree_size, note)
        except (IntegrityError, sqlite3.IntegrityError) as e:
            msg = f"another sealer appended to the tree first ({e})"
            raise SealConflictError(msg) from e

    def add_checkpoint(self, checkpoint: Checkpoint) -> None:
        with self._transaction(commit=True) as cursor:
            self._insert_checkpoint(cursor, checkpoint)

    def _insert_checkpoint(self, cursor: Any, cp: Checkpoint) -> None:
        cursor.execute(
            self._sql(
                f"INSERT INTO {CHECKPOINTS} ({_CHECKPOINT_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s)"
            ),
            (
                cp.tree_size,
                cp.root_hash,
                cp.last_position,
                self._time_param(cp.sealed_at),
                cp.key_id,
                cp.signature,
            ),
        )

    def add_note(self, tree_size: int, note: bytes) -> None:
        with self._transaction(commit=True) as cursor:
            self._insert_note(cursor, tree_size, note)

    def _insert_note(self, cursor: Any, tree_size: int, note: bytes) -> None:
        cursor.execute(
            self._sql(
                # Two sealers starting at once may both sign a missing note: keep the first.
                f"INSERT INTO {NOTES} (tree_size, note) VALUES (%s, %s) "
                "ON CONFLICT (tree_size) DO NOTHING"
            ),
            (tree_size, note),
        )

    def register_key(self, key_id: str, public_pem: str) -> None:
        with self._transaction(commit=True) as cursor:
            cursor.execute(
                self._sql(
                    f"INSERT INTO {KEYS} (key_id, public_key, registered_at) VALUES (%s, %s, %s) "
                    "ON CONFLICT (key_id) DO NOTHING"
                ),
                (key_id, public_pem, self._time_param(datetime.now(UTC))),
            )

    # --- reading ----------------------------------------------------------------------------
    def _checkpoints_where(self, where: str, params: Sequence[Any], tail: str) -> list[Checkpoint]:
        rows = self._read(f"SELECT {_CHECKPOINT_COLUMNS} FROM {CHECKPOINTS} {where} {tail}", params)
        return [
            Checkpoint(
                tree_size=int(r[0]),
                root_hash=bytes(r[1]),
                last_position=int(r[2]),
                sealed_at=self._time_value(r[3]),
                key_id=str(r[4]),
                signature=bytes(r[5]),
            )
            for r in tuples(rows)
        ]

    def latest_checkpoint(self) -> Checkpoint | None:
        found = self._checkpoints_where("", (), "ORDER BY tree_size DESC LIMIT 1")
        return found[0] if found else None

    def checkpoint(self, tree_size: int) -> Checkpoint | None:
        found = self._checkpoints_where("WHERE tree_size = %s", (tree_size,), "")
        return found[0] if found else None

    def checkpoint_covering(self, position: int) -> Checkpoint | None:
        found = self._checkpoints_where(
            "WHERE last_position >= %s", (position,), "ORDER BY tree_size LIMIT 1"
        )
        return found[0] if found else None

    def checkpoints(self, up_to_size: int | None = None) -> list[Checkpoint]:
        if up_to_size is None:
            return self._checkpoints_where("", (), "ORDER BY tree_size")
        return self._checkpoints_where("WHERE tree_size <= %s", (up_to_size,), "ORDER BY tree_size")

    def latest_note(self) -> tuple[int, bytes] | None:
        rows = tuples(
            self._read(f"SELECT tree_size, note FROM {NOTES} ORDER BY tree_size DESC LIMIT 1")
        )
        return (int(rows[0][0]), bytes(rows[0][1])) if rows else None

    def note(self, tree_size: int) -> bytes | None:
        rows = tuples(self._read(f"SELECT note FROM {NOTES} WHERE tree_size = %s", (tree_size,)))
        return bytes(rows[0][0]) if rows else None

    def leaf_at(self, position: int) -> SealedLeaf | None:
        rows = self._read(
            f"SELECT leaf_index, position, leaf_hash FROM {LEAVES} WHERE position = %s",
            (position,),
        )
        return _leaf(rows[0]) if rows else None

    def leaves(self, start: int, end: int, page: int = 5000) -> Iterator[SealedLeaf]:
        while start < end:
            rows = self._read(
                f"SELECT leaf_index, position, leaf_hash FROM {LEAVES} "
                "WHERE leaf_index >= %s AND leaf_index < %s ORDER BY leaf_index LIMIT %s",
                (start, end, page),
            )
            if not rows:
                return
            for row in rows:
                yield _leaf(row)
            start = int(_first(rows[-1])) + 1

    def public_keys(self) -> dict[str, str]:
        rows = self._read(f"SELECT key_id, public_key FROM {KEYS} ORDER BY registered_at")
        return {str(r[0]): str(r[1]) for r in tuples(rows)}

    def events_after(self, position: int) -> int:
        rows = self._read(
            f"SELECT count(*) FROM {self.events_table} WHERE {self.position_column} > %s",
            (position,),
        )
        return int(_first(rows[0]))

    # --- access records ---------------------------------------------------------------------
    def write_access(self, records: Sequence[AccessRecord]) -> None:
        if not records:
            return
        with self._transaction(commit=True) as cursor:
            cursor.executemany(
                self._sql(
                    f"INSERT INTO {ACCESS} ({_ACCESS_COLUMNS}) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
                ),
                [
                    (
                        self._time_param(r.at),
                        r.principal,
                        r.role,
                        r.method,
                        r.route,
                        r.resource_id,
                        r.status,
                        r.request_id,
                    )
                    for r in records
                ],
            )

    def select_access(
        self,
        *,
        principal: str | None,
        since: datetime | None,
        until: datetime | None,
        after_id: int,
        limit: int,
    ) -> list[StoredAccessRecord]:
        clauses: list[str] = ["id > %s"]
        params: list[Any] = [after_id]
        if principal is not None:
            clauses.append("principal = %s")
            params.append(principal)
        if since is not None:
            clauses.append("at >= %s")
            params.append(self._time_param(since))
        if until is not None:
            clauses.append("at < %s")
            params.append(self._time_param(until))
        rows = self._read(
            f"SELECT id, {_ACCESS_COLUMNS} FROM {ACCESS} WHERE {' AND '.join(clauses)} "
            "ORDER BY id LIMIT %s",
            [*params, limit],
        )
        return [
            StoredAccessRecord(
                int(r[0]),
                AccessRecord(
                    at=self._time_value(r[1]),
                    principal=r[2],
                    role=r[3],
                    method=r[4],
                    route=r[5],
                    resource_id=r[6],
                    status=int(r[7]),
                    request_id=r[8],
                ),
            )
            for r in tuples(rows)
        ]


def tuples(rows: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows as tuples: psycopg gives dicts here (the library's row factory), SQLite Rows."""
    return [tuple(r.values()) if isinstance(r, dict) else tuple(r) for r in rows]


def _first(row: Any) -> Any:
    return tuples([row])[0][0]


def _leaf(row: Any) -> SealedLeaf:
    index, position, digest = tuples([row])[0]
    return SealedLeaf(int(index), int(position), bytes(digest))


class PostgresAuditStore(SqlAuditStore):
    def __init__(self, datastore: PostgresDatastore, events_table: str) -> None:
        super().__init__(events_table, "notification_id")
        self.datastore = datastore

    def _transaction(self, *, commit: bool) -> AbstractContextManager[Any]:
        return self.datastore.transaction(commit=commit)

    def _sql(self, statement: str) -> str:
        return statement

    def _time_param(self, moment: datetime) -> Any:
        return moment

    def _time_value(self, value: Any) -> datetime:
        moment: datetime = value
        return moment.astimezone(UTC)

    def _lock_for_sealing(self, cursor: Any) -> None:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (SEAL_LOCK_KEY,))

    def _select_nodes(self, cursor: Any, wanted: Sequence[Node]) -> list[tuple[int, int, bytes]]:
        cursor.execute(
            f"SELECT n.level, n.node_index, n.hash FROM {NODES} n "
            "JOIN unnest(%s::smallint[], %s::bigint[]) AS w(level, node_index) "
            "ON n.level = w.level AND n.node_index = w.node_index",
            ([level for level, _ in wanted], [index for _, index in wanted]),
        )
        return [(int(a), int(b), bytes(c)) for a, b, c in tuples(cursor.fetchall())]
