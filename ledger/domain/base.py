"""The base aggregate: every event carries a metadata envelope and the ledger's record time."""

from __future__ import annotations

from datetime import datetime

from eventsourcing.domain import Aggregate

from ledger.domain.envelope import Envelope
from ledger.domain.time import record_time


class LedgerAggregate(Aggregate):
    """An aggregate whose events all carry an :class:`Envelope` as ``meta``."""

    class Event(Aggregate.Event):
        meta: Envelope

        @staticmethod
        def create_timestamp() -> datetime:
            # Record time is the write's (read once from the ledger's clock by the unit of
            # work), so every event of a write carries the same one and rules judge by it.
            return record_time()

    class Created(Event, Aggregate.Created):
        pass
