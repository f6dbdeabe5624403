"""What a projection is: tables, and a handler per event type that writes them.

A projection declares the event classes it reads; the daemon feeds it those events in log order,
a batch per transaction. Handlers must be deterministic: every value they write comes from the
event (its data, its envelope, its position), never from the clock or a random id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.domain.base import LedgerAggregate
from ledger.domain.time import CST
from projections.store import Tx

Event = LedgerAggregate.Event
"""Every event a projection reads carries its envelope (``meta``) and declares its fields."""

Handler = Callable[[Any, Tx, Event, int], None]


class Projection:
    """A view of the log. Subclasses set ``name``, ``version``, ``tables`` and ``handlers``."""

    name: ClassVar[str]
    version: ClassVar[int] = 1
    """Bump when the tables or the meaning of a column change: the view is then rebuilt."""
    tables: ClassVar[dict[str, str]]
    """Table name → column definitions (portable SQL), created as ``CREATE TABLE name (...)``."""
    handlers: ClassVar[dict[type, Handler]]
    """Event class → ``handler(self, tx, event, position)``."""

    cached: ClassVar[dict[str, str]] = {}
    """Tables whose rows a batch folds in memory (table → key column): read at most once per
    batch, written once per batch with one ``executemany``. For the views most events touch."""

    def __init__(self) -> None:
        self.rows = {
            table: RowCache(table, key, columns_of(self.tables[table]))
            for table, key in self.cached.items()
        }

    def begin_batch(self, tx: Tx) -> None:
        for cache in self.rows.values():
            cache.begin(tx)

    def end_batch(self, tx: Tx) -> None:
        for cache in self.rows.values():
            cache.flush(tx)

    def topics(self) -> list[str]:
        return sorted(get_topic(cls) for cls in self.handlers)

    def handle(self, tx: Tx, event: Event, position: int) -> None:
        handler = self.handlers.get(type(event))
        if handler is not None:
            handler(self, tx, event, position)

    def create_statements(self) -> list[str]:
        return [f"CREATE TABLE IF NOT EXISTS {name} ({cols})" for name, cols in self.tables.items()]

    def clear(self, tx: Tx) -> None:
        for table in self.tables:
            tx.execute(f"DELETE FROM {table}")


def columns_of(ddl: str) -> tuple[str, ...]:
    """The column names of a table definition (``"a TEXT, b INTEGER, PRIMARY KEY (a)"``)."""
    names = []
    for part in ddl.split(","):
        word = part.strip().split(" ", 1)[0]
        if (
            word
            and word.upper() not in {"PRIMARY", "UNIQUE", "KEY", "FOREIGN", "CHECK"}
            and (not word.endswith(")"))
        ):
            names.append(word)
    return tuple(names)


class RowCache:
    """The rows of one table a batch touches: each read at most once, changed in memory, and
    written together at the end of the batch (inside the batch's transaction)."""

    def __init__(self, table: str, key: str, columns: tuple[str, ...]) -> None:
        self.table = table
        self.key = key
        self.columns = columns
        self._tx: Tx | None = None
        self._rows: dict[str, dict[str, Any] | None] = {}
        self._dirty: dict[str, None] = {}
        names = ", ".join(columns)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
        self._select = f"SELECT {names} FROM {table} WHERE {key} = ?"
        self._upsert = (
            f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT ({key}) DO UPDATE SET {updates}"
        )

    def begin(self, tx: Tx) -> None:
        self._tx = tx
        self._rows.clear()
        self._dirty.clear()

    def get(self, key: str) -> dict[str, Any] | None:
        if key not in self._rows:
            assert self._tx is not None, "a row cache is read inside a batch"
            found = self._tx.fetchone(self._select, (key,))
            self._rows[key] = None if found is None else dict(zip(self.columns, found, strict=True))
        return self._rows[key]

    def put(self, key: str, row: dict[str, Any]) -> None:
        self._rows[key] = row
        self._dirty[key] = None

    def flush(self, tx: Tx) -> None:
        rows = [self._rows[k] for k in self._dirty]
        if rows:
            tx.executemany(self._upsert, [tuple(r[c] for c in self.columns) for r in rows if r])
        self._dirty.clear()
        self._rows.clear()


# --- deterministic, portable values ----------------------------------------------------------


def text(value: UUID | None) -> str | None:
    return None if value is None else str(value)


def business_date(event: Event) -> str:
    """The Ningxia business date of an event (from its envelope), as ISO text."""
    return event.meta.occurred_at.astimezone(CST).date().isoformat()


def business_time(event: Event) -> str:
    return event.meta.occurred_at.isoformat()


def iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def updater(
    table: str, key: str, columns: str, values: Callable[[Any], tuple[Any, ...]]
) -> Handler:
    """A handler that sets ``columns`` (``"a = ?, b = ?"``) of the row whose ``key`` column is
    the event's stream id, from ``values(event)``."""

    def handle(_: Any, tx: Tx, event: Event, position: int) -> None:
        tx.execute(
            f"UPDATE {table} SET {columns}, position = ? WHERE {key} = ?",
            (*values(event), position, str(event.originator_id)),
        )

    return handle


def actor(event: Event) -> str:
    return event.meta.actor
