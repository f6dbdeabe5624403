"""What the application needs of the world beyond its own aggregates: small, explicit ports.

A capability reads other aggregates through :class:`Store` (never the event store itself) and
tells the time by :data:`Clock`; the ledger passes both in when it builds the capability, and a
test may pass its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar
from uuid import UUID

from eventsourcing.persistence import Recording

from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import NotFoundError

A = TypeVar("A", bound=LedgerAggregate)

Clock = Callable[[], datetime]


class Directory(Protocol):
    """Which streams of a kind exist, in the order they entered the log (a view; the list
    queries read ids here and load only those aggregates)."""

    def entries(
        self,
        kind: str,
        *,
        after: int = 0,
        limit: int | None = None,
        party: UUID | None = None,
        party_a: UUID | None = None,
        year: int | None = None,
        period: str | None = None,
    ) -> list[tuple[UUID, int]]:
        """The ids of ``kind`` (a party to it, its first party, of its year, of its period),
        each with the log position it entered at: those after position ``after``, at most
        ``limit``."""
        ...


class EventStore(Protocol):
    """What the unit of work needs of the event store: the latest state of a stream, whether a
    stream exists, a stored response, the head of the log, and saving changed aggregates."""

    def load_latest(self, stream_id: UUID) -> LedgerAggregate:
        """The aggregate ``stream_id`` now (``AggregateNotFoundError`` if nothing is recorded)."""
        ...

    def stream_recorded(self, stream_id: UUID) -> bool: ...

    def stored_response(self, scope: str, key: str) -> IdempotentResult | None: ...

    def head_position(self) -> int: ...

    def save(self, *aggregates: LedgerAggregate, **kwargs: Any) -> list[Recording[UUID]]: ...


class Store(Protocol):
    """Reads of the current state of any aggregate."""

    def load(
        self,
        stream_id: UUID,
        aggregate_type: type[A],
        not_found: type[NotFoundError],
        label: str,
        version: int | None = None,
    ) -> A:
        """The aggregate ``stream_id`` (at ``version``), or ``not_found`` if it is not one."""
        ...

    def find(self, stream_id: UUID) -> LedgerAggregate | None:
        """Whatever aggregate ``stream_id`` is, or ``None`` if nothing was recorded for it."""
        ...

    def streams_present(self, stream_ids: Sequence[UUID]) -> set[UUID]:
        """Which of ``stream_ids`` have any event recorded (one query)."""
        ...


# --- idempotency: the response to a command, kept so a retry gets the same answer -------------
# A record is written by the event store's recorder in the same transaction as the command's
# events, so an acknowledged write and its record can never be separated by a crash: either both
# are there, or neither is and the retry simply runs the command.


@dataclass(frozen=True)
class IdempotencyRecord:
    """What to write beside a command's events."""

    scope: str
    """Whose key space this is (the principal), so clients never see each other's keys."""
    key: str
    fingerprint: str
    """SHA-256 of the request (method, route, body): a reused key must carry the same request."""
    status: int
    resource_type: str
    resource_id: UUID
    version: int
    body: bytes
    """The response body as JSON, without the log position (filled in by the recorder)."""
    anchor_id: UUID
    anchor_version: int
    """The command's last event: its notification id becomes the record's position."""


@dataclass(frozen=True)
class IdempotentResult:
    """A stored response, as found when the same key comes back."""

    fingerprint: str
    status: int
    resource_type: str
    resource_id: UUID
    version: int
    body: bytes
    position: int


# --- authority at commit: a key or platform revoked while a command was decided --------------


@dataclass(frozen=True)
class RevocationCheck:
    """Streams whose revocation refuses a save, checked by the recorder inside the locked insert
    transaction: a command decided on a key (and its platform) read before the key or platform
    was revoked is not committed after the revocation."""

    streams: frozenset[UUID]
    revoked_topics: tuple[str, ...]
    """The topics of the events that revoke a key, a platform or an institution."""


class RevokedBeforeCommitError(Exception):
    """Raised by a recorder when a stream of a :class:`RevocationCheck` is revoked; nothing of
    the save was written."""

    def __init__(self, revoked: frozenset[UUID]) -> None:
        super().__init__(f"revoked before commit: {sorted(map(str, revoked))}")
        self.revoked = revoked
