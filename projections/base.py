"""What a projection is: tables, and a handler per event type that writes them.

A projection declares, for each event class it reads, what it writes: a method marked
``@on(Expert.Registered)`` whose ``event`` parameter is that class, or, for the common "set these
columns of the event's row", ``update(Expert.Deactivated, table, key, columns, values)`` whose
``values`` receives that class. Either way the handler reads the event's declared fields and its
envelope (``meta``) as typed attributes, so a misspelt or missing field is a type error.

The daemon feeds a projection the events it reads in log order, a batch per transaction.
Handlers must be deterministic: every value they write comes from the event (its data, its
envelope, its position), never from the clock or a random id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar, cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.domain.base import LedgerAggregate
from ledger.domain.time import CST
from projections.store import Tx

Event = LedgerAggregate.Event
"""Every event a projection reads carries its envelope (``meta``) and declares its fields."""

E = TypeVar("E", bound=Event)
P = TypeVar("P", bound="Projection")


@dataclass(frozen=True)
class Handler(Generic[P, E]):
    """What a projection writes on events of the types ``events``: ``write(projection, tx,
    event, position)``. Made by :func:`on` (a method) or :func:`update` (a row update)."""

    events: tuple[type[E], ...]
    write: Callable[[P, Tx, E, int], None]


def on(*events: type[E]) -> Callable[[Callable[[P, Tx, E, int], None]], Handler[P, E]]:
    """Make a projection method the handler of ``events``, each of a type the method's
    ``event`` parameter accepts::

        @on(Expert.Registered)
        def expert_registered(self, tx: Tx, event: Expert.Registered, position: int) -> None:
            ...
    """

    def register(write: Callable[[P, Tx, E, int], None]) -> Handler[P, E]:
        return Handler(events, write)

    return register


def update(
    event: type[E], table: str, key: str, columns: str, values: Callable[[E], tuple[object, ...]]
) -> Handler[Projection, E]:
    """On ``event``, set ``columns`` (``"a = ?, b = ?"``) of the row of ``table`` whose ``key``
    column is the event's stream id, from ``values(event)`` (and the row's position)."""

    def write(_: Projection, tx: Tx, e: E, position: int) -> None:
        tx.execute(
            f"UPDATE {table} SET {columns}, position = ? WHERE {key} = ?",
            (*values(e), position, str(e.originator_id)),
        )

    return Handler((event,), write)


_Write = Callable[["Projection", Tx, Event, int], None]


class Projection:
    """A view of the log. Subclasses set ``name``, ``version`` and ``tables``, and declare a
    :class:`Handler` per event type they read (with :func:`on` or :func:`update`)."""

    name: ClassVar[str]
    version: ClassVar[int] = 1
    """Bump when the tables or the meaning of a column change: the view is then rebuilt."""
    tables: ClassVar[dict[str, str]]
    """Table name → column definitions (portable SQL), created as ``CREATE TABLE name (...)``."""
    indexes: ClassVar[dict[str, str]] = {}
    """Index name → ``table (columns)``, created with the tables (and again after a rebuild)."""
    handlers: ClassVar[dict[type[Event], _Write]] = {}
    """Event class → ``write(self, tx, event, position)``, collected from the class's handlers."""

    cached: ClassVar[dict[str, str]] = {}
    """Tables whose rows a batch folds in memory (table → key column): read at most once per
    batch, written once per batch with one ``executemany``. For the views most events touch."""

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        handlers = dict(cls.handlers)
        for handler in cls.__dict__.values():
            if isinstance(handler, Handler):
                for event_type in handler.events:
                    if event_type in handlers:
                        msg = f"{cls.__name__} has two handlers for {event_type.__qualname__}"
                        raise TypeError(msg)
                    # ``handle`` calls it only with an event of exactly this type, on an
                    # instance of this class: the types its handler declared.
                    handlers[event_type] = cast(_Write, handler.write)
        cls.handlers = handlers

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
        tables = [f"CREATE TABLE IF NOT EXISTS {n} ({cols})" for n, cols in self.tables.items()]
        return tables + [f"CREATE INDEX IF NOT EXISTS {n} ON {t}" for n, t in self.indexes.items()]

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


def actor(event: Event) -> str:
    return event.meta.actor
