"""What capabilities may use of the ledger beyond their own aggregate: small, explicit ports.

A capability reads other aggregates through :class:`Store` (never the event store itself) and
tells the time by :data:`Clock`; the ledger passes both in when it builds the capability, and a
test may pass its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol, TypeVar
from uuid import UUID

from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import NotFoundError

A = TypeVar("A", bound=LedgerAggregate)

Clock = Callable[[], datetime]


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
