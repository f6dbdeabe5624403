"""What the unit of work runs and answers: a write (one decision about one aggregate), the
aggregates it changes together, a decided write ready to save, and its outcome."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from uuid import UUID

import orjson

from ledger.application.context import IdempotencyRequest
from ledger.application.ports import IdempotencyRecord, IdempotentResult
from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import AlreadyExistsError, NotFoundError

A = TypeVar("A", bound=LedgerAggregate)


@dataclass(frozen=True)
class Decision(Generic[A]):
    """A decision that changes more than one aggregate; all of them are saved atomically.

    The ``primary`` aggregate is the one the command is about (its state is the answer); the
    ``others`` are changed with it, e.g. a budget line reserved by a disbursement request, so
    that an invariant spanning both holds even under concurrent commands.
    """

    primary: A
    others: tuple[LedgerAggregate, ...] = ()


@dataclass(frozen=True)
class Write(Generic[A]):
    """One decision about one aggregate, as the unit of work runs it.

    ``decide`` receives the current aggregate (``None`` when ``creates``) and returns the
    aggregate holding the new, not yet saved, events (or a :class:`Decision` naming others to
    save with it).
    """

    stream_id: UUID | None
    """The stream acted on (``None`` for a plan that creates one: its new aggregate says)."""
    aggregate_type: type[A]
    decide: Callable[[A | None], A | Decision[A]]
    resource_type: str
    render: Callable[[A], Mapping[str, Any]]
    not_found: type[NotFoundError]
    exists: type[AlreadyExistsError] | None = None
    """Set for commands that create a stream: the error when the stream already exists."""
    expected_version: int | None = None
    guard: Callable[[A], None] | None = None
    authority: frozenset[UUID] = frozenset()
    """The key and platform the command was decided on: if either is revoked before the save
    commits, the command is refused (checked inside the save's transaction)."""
    """Runs on the loaded aggregate before anything else is checked: who may not see it is
    told it does not exist, before a version mismatch could reveal that it does."""

    @property
    def creates(self) -> bool:
        return self.exists is not None


@dataclass(frozen=True)
class Outcome:
    """What a command did, as the client is told."""

    resource_type: str
    resource_id: UUID
    version: int
    body: Mapping[str, Any]
    position: int
    created: bool
    replayed: bool = False
    event_types: tuple[str, ...] = ()
    """The types of the events this command appended (none for a replay)."""

    @classmethod
    def from_replay(cls, result: IdempotentResult) -> Outcome:
        return cls(
            resource_type=result.resource_type,
            resource_id=result.resource_id,
            version=result.version,
            body=orjson.loads(result.body),
            position=result.position,
            created=result.status == 201,
            replayed=True,
        )


@dataclass
class Decided:
    """A decided command, ready to save: its aggregates with their new events, and its answer."""

    command: Write[Any]
    aggregate: LedgerAggregate
    others: tuple[LedgerAggregate, ...]
    body: Mapping[str, Any]
    records: tuple[IdempotencyRecord, ...]
    idempotency: IdempotencyRequest | None
    pending: list[tuple[LedgerAggregate, list[Any]]]
    """Each changed aggregate with its new events, to put them back if a batch save fails."""
    periods: frozenset[UUID] = frozenset()
    """The ended periods its entries are for, found open: refused if closed before commit."""

    @property
    def guarded_by(self) -> frozenset[UUID]:
        """The streams whose revocation or close, before the save commits, refuses it."""
        return self.command.authority | self.periods

    @property
    def changed(self) -> tuple[LedgerAggregate, ...]:
        return (self.aggregate, *self.others)

    @property
    def last_event(self) -> tuple[UUID, int]:
        last = [e for _, events in self.pending for e in events][-1]
        return last.originator_id, last.originator_version

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(type(e).__qualname__ for _, events in self.pending for e in events)

    def restore_pending_events(self) -> None:
        """Give the aggregates back the events a failed save took from them."""
        for aggregate, events in self.pending:
            if not aggregate.pending_events:
                aggregate.pending_events.extend(events)

    def outcome(self, position: int) -> Outcome:
        return Outcome(
            resource_type=self.command.resource_type,
            resource_id=self.aggregate.id,
            version=self.aggregate.version,
            body=self.body,
            position=position,
            created=self.command.creates,
            event_types=self.event_types,
        )
