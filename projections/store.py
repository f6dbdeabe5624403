"""Where views live: the same database as the log (a table per view, plus their positions).

A view's rows and its tracking position are written in one transaction, so a view is always
exactly "the log folded up to position P", whatever crashed when. SQL is written once, in the
portable subset SQLite and PostgreSQL share (``?`` placeholders are translated for psycopg);
values are stored as text or integers so that a view's contents are byte-identical wherever and
however often it is rebuilt.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any, Protocol

import psycopg
from psycopg.rows import tuple_row

from ledger.persistence.config import StoreConfig

if TYPE_CHECKING:
    from psycopg_pool import ConnectionPool

Row = tuple[Any, ...]
_STREAMS = itertools.count(1)


class Tx(Protocol):
    """One open transaction on the view store."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None: ...


class Snapshot(Tx, Protocol):
    """One read-only transaction that sees the store as it was when it began, to its end."""

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        """The rows of ``sql``, fetched a few at a time (a whole table need not fit in memory)."""
        ...


class ViewStore(Protocol):
    is_postgres: bool

    def transaction(self) -> AbstractContextManager[Tx]:
        """A read-write transaction (the daemon's)."""
        ...

    def read(self) -> AbstractContextManager[Tx]:
        """A read-only snapshot (the API's)."""
        ...

    def snapshot(self) -> AbstractContextManager[Snapshot]:
        """A read-only transaction with one snapshot for all its statements, however long it
        lasts while the daemon writes (a drift check reads a position and its tables in it)."""
        ...

    def close(self) -> None: ...


class _SQLiteTx:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, [tuple(r) for r in rows])

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return [tuple(r) for r in self.conn.execute(sql, tuple(params)).fetchall()]

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row = self.conn.execute(sql, tuple(params)).fetchone()
        return None if row is None else tuple(row)

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        for row in self.conn.execute(sql, tuple(params)):
            yield tuple(row)


class SQLiteViewStore:
    """Views in the embedded SQLite file, beside the log. One connection, serialised."""

    is_postgres = False

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(
            path, uri=path.startswith("file:"), check_same_thread=False, isolation_level=None
        )
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA busy_timeout=10000")
        self._lock = threading.RLock()

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield _SQLiteTx(self._conn)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def read(self) -> AbstractContextManager[Tx]:
        return self.snapshot()

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        # Deferred: a reader never takes the write lock the log's writers need. In WAL mode a
        # read transaction sees the database as of its first read, to its end.
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield _SQLiteTx(self._conn)
            finally:
                self._conn.execute("ROLLBACK")

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class _PostgresTx:
    def __init__(self, cursor: psycopg.Cursor[Row], pipeline: psycopg.Pipeline | None = None):
        self.cursor = cursor
        self.pipeline = pipeline

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.cursor.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.cursor.executemany(self._sql(sql), [tuple(r) for r in rows])

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        self.cursor.execute(self._sql(sql), tuple(params))
        self._sync()
        return self.cursor.fetchall()

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        self.cursor.execute(self._sql(sql), tuple(params))
        self._sync()
        return self.cursor.fetchone()

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        # A server-side cursor, inside the transaction: the rows come a batch at a time.
        name = f"ledger_stream_{next(_STREAMS)}"
        with self.cursor.connection.cursor(name=name, row_factory=tuple_row) as rows:
            rows.itersize = 2000
            rows.execute(self._sql(sql), tuple(params))
            yield from rows

    def _sync(self) -> None:
        # In pipeline mode a fetch right after execute sometimes sees the result of an earlier
        # statement (e.g. a CREATE TABLE IF NOT EXISTS that raised a notice): sync first, so
        # every result up to this query has arrived.
        if self.pipeline is not None:
            self.pipeline.sync()


class PostgresViewStore:
    """Views in the PostgreSQL database of the log. A small pool of connections, its own or one
    lent (``pool``: the read standby's, which its owner closes)."""

    is_postgres = True

    def __init__(
        self,
        database_url: str = "",
        pool_size: int = 4,
        wait_seconds: float = 2,
        *,
        pool: ConnectionPool[Any] | None = None,
    ) -> None:
        from psycopg_pool import ConnectionPool

        from ledger.persistence.failfast import fail_fast

        self._owns_pool = pool is None
        if pool is None:
            pool = ConnectionPool(
                database_url,
                kwargs={},
                min_size=1,
                max_size=pool_size,
                open=False,
                # A connection the database dropped (it restarted) is found and replaced when
                # taken.
                check=ConnectionPool.check_connection,
            )
            # While the database is away, view reads fail within seconds, as writes do.
            fail_fast(pool, wait_seconds=wait_seconds)
            pool.open()
        self._pool: ConnectionPool[Any] = pool

    @property
    def pool(self) -> ConnectionPool[psycopg.Connection[Row]]:
        """The store's connections (the API reports them as ``pool="views"``)."""
        return self._pool

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        # Pipeline mode: a batch's many small writes go out without waiting for each answer
        # (a read in between syncs the pipeline by itself), so a batch costs few round trips.
        with (
            self._pool.connection() as conn,
            conn.pipeline() as pipeline,
            conn.transaction(),
            conn.cursor(row_factory=tuple_row) as cursor,
        ):
            yield _PostgresTx(cursor, pipeline)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        # A lent pool's connections may be in autocommit mode (the library's are): the
        # explicit transaction makes the statements below one snapshot either way.
        with (
            self._pool.connection() as conn,
            conn.transaction(force_rollback=True),
            conn.cursor(row_factory=tuple_row) as cursor,
        ):
            cursor.execute("SET TRANSACTION READ ONLY")
            yield _PostgresTx(cursor)

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        # READ COMMITTED would give each statement a snapshot of its own: a position read
        # first and the rows read after could then be of two different commits of the daemon.
        with (
            self._pool.connection() as conn,
            conn.transaction(force_rollback=True),
            conn.cursor(row_factory=tuple_row) as cursor,
        ):
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield _PostgresTx(cursor)

    def close(self) -> None:
        if self._owns_pool:
            self._pool.close()


def open_view_store(config: StoreConfig) -> ViewStore:
    if config.is_postgres:
        return PostgresViewStore(config.database_url, wait_seconds=config.pool_wait_seconds)
    return SQLiteViewStore(config.sqlite_path)
