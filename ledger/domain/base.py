"""The base aggregate: every event carries a metadata envelope."""

from __future__ import annotations

from datetime import datetime, timedelta

from eventsourcing.domain import Aggregate

from ledger.domain.envelope import Envelope
from ledger.domain.errors import OccurredInFutureError


class LedgerAggregate(Aggregate):
    """An aggregate whose events all carry an :class:`Envelope` as ``meta``."""

    class Event(Aggregate.Event):
        meta: Envelope

    class Created(Event, Aggregate.Created):
        pass


def check_not_future(meta: Envelope, now: datetime, skew: timedelta) -> None:
    """Business time may not lie in the future (beyond the allowed clock skew)."""
    if meta.occurred_at.tzinfo is None:
        raise OccurredInFutureError(
            "occurred_at must carry a timezone offset (e.g. 2026-03-01T09:30:00+08:00).",
            occurred_at=meta.occurred_at.isoformat(),
        )
    if meta.occurred_at > now + skew:
        raise OccurredInFutureError(
            f"occurred_at {meta.occurred_at.isoformat()} is in the future "
            f"(now is {now.isoformat()}; {int(skew.total_seconds())} s of clock skew allowed).",
            occurred_at=meta.occurred_at.isoformat(),
        )
