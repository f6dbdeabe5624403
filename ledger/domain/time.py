"""The ledger's two clocks: record time, which is its own, and business time, which is bounded.

- **Record time** is when the ledger recorded a fact: the event's ``timestamp``, read from the
  ledger's clock once per write by the unit of work (:func:`recording`). No request can set it.
  Rules that judge punctuality (a report's lateness, a deadline, a notice period) judge by it.
- **Business time** (``occurred_at`` in the envelope) is when the thing happened in the world,
  as the caller says. It is data, so it is bounded (:class:`TimeBounds`): not in the future
  beyond the allowed clock skew, not before the network started; an aggregate adds its own
  bounds (not before the case was opened, not before the request). An event whose business
  time lies further before its record time than the tolerance is a *late entry*: accepted and
  flagged on the event (``meta.late_entry``), so reviewers see it.

The Measures count days in Ningxia, so every date a rule compares is a China Standard Time date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    DateBeyondHorizonError,
    OccurredBeforeNetworkError,
    OccurredBeforePreviousStepError,
    OccurredInFutureError,
)

CST = timezone(timedelta(hours=8), "CST")
"""China Standard Time (UTC+8, no daylight saving): Ningxia's civil time."""

NETWORK_STARTED_ON = date(2018, 1, 1)
"""The default first business date: the Measures took effect in 2018."""


def business_date(meta: Envelope) -> date:
    """The day in Ningxia on which the thing happened."""
    return meta.occurred_at.astimezone(CST).date()


def check_not_before(meta: Envelope, previous: datetime | None, what: str) -> None:
    """A step cannot have happened before ``what`` (the step it follows, at ``previous``)."""
    if previous is not None and meta.occurred_at < previous:
        raise OccurredBeforePreviousStepError(
            f"occurred_at {meta.occurred_at.isoformat()} is before {what} "
            f"({previous.isoformat()}).",
            previous_step_at=previous.isoformat(),
        )


# --- record time -------------------------------------------------------------------------------

_RECORDING: ContextVar[datetime | None] = ContextVar("recording", default=None)


@contextmanager
def recording(at: datetime) -> Iterator[None]:
    """Decide one write at record time ``at`` (the unit of work's clock, read once): every
    event created meanwhile carries it as its ``timestamp``; rules read it (:func:`record_time`)."""
    token = _RECORDING.set(at)
    try:
        yield
    finally:
        _RECORDING.reset(token)


def record_time(meta: Envelope | None = None) -> datetime:
    """The record time of the write being decided (the ledger's clock).

    Outside a write the ledger decides (an aggregate used on its own, as the domain's tests
    use it) there is no record time: the business time of ``meta`` stands in for it, as if
    recorded when it happened, or else the system clock.
    """
    at = _RECORDING.get()
    if at is not None:
        return at
    return meta.occurred_at if meta is not None else datetime.now(UTC)


def record_date(meta: Envelope) -> date:
    """The day in Ningxia on which the write being decided is recorded (see :func:`record_time`)."""
    return record_time(meta).astimezone(CST).date()


# --- the bounds of business time ---------------------------------------------------------------


@dataclass(frozen=True)
class TimeBounds:
    """What business time the ledger accepts, and when an entry counts as late (settings)."""

    started_on: date = NETWORK_STARTED_ON
    """No business time before this day (in Ningxia)."""
    skew: timedelta = timedelta(minutes=5)
    """How far business time may lie ahead of the ledger's clock (the callers' clocks drift)."""
    late_after: timedelta = timedelta(hours=72)
    """An entry recorded longer than this after it happened is a late entry."""
    horizon: timedelta = timedelta(days=3660)
    """How far ahead of record time a date in an event may lie (an agreement's end, a
    deadline): about ten years."""

    @property
    def earliest(self) -> datetime:
        return datetime.combine(self.started_on, time(), tzinfo=CST)

    def check(self, occurred_at: datetime, now: datetime) -> bool:
        """Refuse business time out of bounds; whether an entry at ``occurred_at`` recorded at
        ``now`` is a late entry."""
        if occurred_at.tzinfo is None:
            raise OccurredInFutureError(
                "occurred_at must carry a timezone offset (e.g. 2026-03-01T09:30:00+08:00).",
                occurred_at=occurred_at.isoformat(),
            )
        # Compared in UTC: an offset such as +14:00 on the first day of year 1 cannot even be
        # converted to China time, and must be refused here rather than fail a view later.
        if occurred_at < self.earliest:
            raise OccurredBeforeNetworkError(
                f"occurred_at {occurred_at.isoformat()} is before the network started "
                f"({self.started_on.isoformat()}); business time is on or after that day.",
                occurred_at=occurred_at.isoformat(),
                earliest=self.started_on.isoformat(),
            )
        if occurred_at > now + self.skew:
            raise OccurredInFutureError(
                f"occurred_at {occurred_at.isoformat()} is in the future "
                f"(now is {now.isoformat()}; {int(self.skew.total_seconds())} s of clock skew "
                "allowed).",
                occurred_at=occurred_at.isoformat(),
            )
        return now - occurred_at > self.late_after

    def check_event(self, event: Any, now: datetime) -> bool:
        """Refuse an event (about to be recorded at ``now``) whose business time, or any date
        it carries, is out of bounds; whether it is a late entry."""
        late = self.check(event.meta.occurred_at, now)
        horizon = (now + self.horizon).astimezone(CST).date()
        for name, value in dates_in(event):
            self.check_day(value, name, horizon=horizon)
        return late

    def check_day(self, day: date, name: str, *, horizon: date) -> None:
        """Refuse a business date (``name`` in a command) before the network started or beyond
        ``horizon``: far dates break nothing in the rules, but every date a view holds must be
        one it can convert and compare."""
        if day < self.started_on:
            raise OccurredBeforeNetworkError(
                f"{name} {day.isoformat()} is before the network started "
                f"({self.started_on.isoformat()}).",
                field=name,
                earliest=self.started_on.isoformat(),
            )
        if day > horizon:
            raise DateBeyondHorizonError(
                f"{name} {day.isoformat()} is after {horizon.isoformat()}, the furthest date "
                "the ledger accepts.",
                field=name,
                latest=horizon.isoformat(),
            )


def dates_in(event: Any) -> Iterator[tuple[str, date]]:
    """The dates an event carries, in its fields and the value objects they hold, each named
    as a caller would (``delivery.delivered_on``)."""
    return _dates(vars(event).items())


def _dates(items: Iterable[tuple[str, Any]], depth: int = 0) -> Iterator[tuple[str, date]]:
    """The dates among an event's fields and the value objects they hold (two levels down:
    a case's delivery, a budget's lines), named as a caller would (``delivery.delivered_on``)."""
    for name, value in items:
        if isinstance(value, datetime):
            continue  # business time is the envelope's, checked on its own
        if isinstance(value, date):
            yield name, value
        elif depth < 2 and is_dataclass(value) and not isinstance(value, type):
            nested = ((f"{name}.{f.name}", getattr(value, f.name)) for f in fields(value))
            yield from _dates(nested, depth + 1)
        elif depth < 2 and isinstance(value, list | tuple):
            yield from _dates(((f"{name}[{i}]", v) for i, v in enumerate(value)), depth + 1)


DEFAULT_BOUNDS = TimeBounds()
