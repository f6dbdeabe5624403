"""Commands and the unit of work that runs them: load → domain method → save.

Every write in the ledger goes through :meth:`UnitOfWork.run`. Routes and the CLI only describe
*what* to decide (a :class:`Command`); how it is loaded, checked, saved, made idempotent and
reported is decided here, in one place, so that coalescing concurrent commands into one
transaction later changes this module and nothing that calls it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from uuid import UUID

import orjson
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError, InterfaceError, OperationalError

from ledger.domain.base import LedgerAggregate, check_not_future
from ledger.envelope import Envelope
from ledger.errors import (
    AlreadyExistsError,
    ConcurrentModificationError,
    IdempotencyKeyReusedError,
    NotFoundError,
    PreconditionFailedError,
    UnavailableError,
)
from ledger.persistence.idempotency import IdempotencyRecord, IdempotentResult

if TYPE_CHECKING:
    from ledger.core import LedgerCore

A = TypeVar("A", bound=LedgerAggregate)


@dataclass(frozen=True)
class IdempotencyRequest:
    """An ``Idempotency-Key`` and the request it came with."""

    scope: str
    key: str
    fingerprint: str

    @staticmethod
    def fingerprint_of(method: str, route: str, body: bytes) -> str:
        return hashlib.sha256(b"\n".join([method.encode(), route.encode(), body])).hexdigest()


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
class Command(Generic[A]):
    """One decision about one aggregate.

    ``decide`` receives the current aggregate (``None`` when ``creates``) and returns the
    aggregate holding the new, not yet saved, events (or a :class:`Decision` naming others to
    save with it).
    """

    stream_id: UUID
    aggregate_type: type[A]
    decide: Callable[[A | None], A | Decision[A]]
    resource_type: str
    render: Callable[[A], dict[str, Any]]
    not_found: type[NotFoundError]
    exists: type[AlreadyExistsError] | None = None
    """Set for commands that create a stream: the error when the stream already exists."""
    expected_version: int | None = None
    guard: Callable[[A], None] | None = None
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
    body: dict[str, Any]
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


class UnitOfWork:
    """Runs commands against one application, one at a time per call."""

    def __init__(
        self,
        app: LedgerCore,
        clock: Callable[[], datetime],
        clock_skew: timedelta,
    ) -> None:
        self.app = app
        self.clock = clock
        self.clock_skew = clock_skew

    def run(
        self,
        command: Command[A],
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        if idempotency is not None:
            replay = self._replay(idempotency)
            if replay is not None:
                return replay
        check_not_future(meta, self.clock(), self.clock_skew)
        current = None if command.creates else self._load(command)
        decision = command.decide(current)
        aggregate: A
        others: tuple[LedgerAggregate, ...] = ()
        if isinstance(decision, Decision):
            aggregate, others = decision.primary, decision.others
        else:
            aggregate = decision
        body = command.render(aggregate)
        records: tuple[IdempotencyRecord, ...] = ()
        changed: tuple[LedgerAggregate, ...] = (aggregate, *others)
        # In the order they are saved, so the last one is the decision's last in the log.
        pending = [e for a in changed for e in a.pending_events]
        event_types = tuple(type(e).__qualname__ for e in pending)
        if idempotency is not None and pending:
            # A replay answers with the position of the decision's last event, as the first
            # answer did, not with that of the primary aggregate's (which may come earlier).
            last = pending[-1]
            records = (
                IdempotencyRecord(
                    scope=idempotency.scope,
                    key=idempotency.key,
                    fingerprint=idempotency.fingerprint,
                    status=201 if command.creates else 200,
                    resource_type=command.resource_type,
                    resource_id=aggregate.id,
                    version=aggregate.version,
                    body=orjson.dumps(body),
                    anchor_id=last.originator_id,
                    anchor_version=last.originator_version,
                ),
            )
        try:
            recordings = self.app.save(aggregate, *others, idempotency=records)
        except IntegrityError:
            if idempotency is not None:
                replay = self._replay(idempotency)
                if replay is not None:
                    return replay
            if command.exists is not None:
                raise command.exists(
                    f"{command.resource_type.replace('_', ' ').capitalize()} {aggregate.id} "
                    "is already recorded.",
                    id=str(aggregate.id),
                ) from None
            raise ConcurrentModificationError(
                f"{command.resource_type} {aggregate.id} was changed by another request while "
                "this one was being decided. Read it again and retry if still appropriate.",
                id=str(aggregate.id),
            ) from None
        except (OperationalError, InterfaceError) as e:
            raise UnavailableError(
                "The event store is not reachable; nothing was recorded. Retry shortly."
            ) from e
        position = recordings[-1].notification.id if recordings else self.app.head_position()
        return Outcome(
            resource_type=command.resource_type,
            resource_id=aggregate.id,
            version=aggregate.version,
            body=body,
            position=position,
            created=command.creates,
            event_types=event_types,
        )

    def _load(self, command: Command[A]) -> A:
        try:
            aggregate: LedgerAggregate = self.app.repository.get(command.stream_id)
        except AggregateNotFoundError:
            raise command.not_found(
                f"No {command.resource_type.replace('_', ' ')} with id {command.stream_id}.",
                id=str(command.stream_id),
            ) from None
        if not isinstance(aggregate, command.aggregate_type):
            raise command.not_found(
                f"No {command.resource_type.replace('_', ' ')} with id {command.stream_id}.",
                id=str(command.stream_id),
            )
        if command.guard is not None:
            command.guard(aggregate)
        if command.expected_version is not None and aggregate.version != command.expected_version:
            raise PreconditionFailedError(
                f"If-Match names version {command.expected_version}, but the current version is "
                f"{aggregate.version}. Read it again and decide on the current state.",
                current_version=aggregate.version,
            )
        return aggregate

    def _replay(self, idempotency: IdempotencyRequest) -> Outcome | None:
        found = self.app.recorder_ext.select_idempotency(idempotency.scope, idempotency.key)
        if found is None:
            return None
        if found.fingerprint != idempotency.fingerprint:
            raise IdempotencyKeyReusedError(
                f"Idempotency-Key {idempotency.key!r} was already used for a different request. "
                "Use a new key for a new request.",
            )
        return Outcome.from_replay(found)
