"""What a projection is: tables, and a handler per event type that writes them.

A projection declares the event classes it reads; the daemon feeds it those events in log order,
a batch per transaction. Handlers must be deterministic: every value they write comes from the
event (its data, its envelope, its position), never from the clock or a random id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.domain import CanMutateAggregate
from eventsourcing.utils import get_topic

from ledger.domain.service_case import CST
from projections.store import Tx

Event = CanMutateAggregate[UUID]
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


# --- deterministic, portable values ----------------------------------------------------------


def text(value: UUID | None) -> str | None:
    return None if value is None else str(value)


def business_date(event: Event) -> str:
    """The Ningxia business date of an event (from its envelope), as ISO text."""
    occurred_at: datetime = vars(event)["meta"].occurred_at
    return occurred_at.astimezone(CST).date().isoformat()


def business_time(event: Event) -> str:
    occurred_at: datetime = vars(event)["meta"].occurred_at
    return occurred_at.isoformat()


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
    actor_: str = vars(event)["meta"].actor
    return actor_
