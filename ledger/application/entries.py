"""What the ledger judges of every event a write records, whichever path decided it: its times
are within bounds (``ledger.domain.time``), and it is not an entry for a closed period without
the hub's allowance (``ledger.domain.period``). Its judgments are flagged on the event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from ledger.application.ports import EventStore
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import PeriodClosedError
from ledger.domain.period import Period, entry_days, periods_of
from ledger.domain.time import CST, TimeBounds


class EntryCheck:
    """Checks and flags the events of a decided write before it is saved."""

    def __init__(self, store: EventStore, bounds: TimeBounds) -> None:
        self.store = store
        self.bounds = bounds

    def check(self, changed: Sequence[LedgerAggregate], now: datetime) -> frozenset[UUID]:
        """Refuse the write if an event of ``changed`` (recorded at ``now``) breaks a bound or
        enters a closed period unallowed; flag late and post-close entries. The streams of the
        ended periods its entries are for, found open: the save checks they still are."""
        for aggregate in changed:
            for event in aggregate.pending_events:
                self._check_times(event, now)
        return self._check_periods(changed, now)

    def _check_times(self, event: Any, now: datetime) -> None:
        meta: Envelope = event.meta
        if self.bounds.check_event(event, now) and not meta.late_entry:
            # The ledger's judgment, made as it records the event, is part of the event: set
            # here, before anything has seen it, on an event that is otherwise frozen.
            object.__setattr__(event, "meta", replace(meta, late_entry=True))

    def _check_periods(self, changed: Sequence[LedgerAggregate], now: datetime) -> frozenset[UUID]:
        today = now.astimezone(CST).date()
        found: dict[UUID, Period | None] = {}
        open_periods: set[UUID] = set()
        for aggregate in changed:
            for event in aggregate.pending_events:
                closed: list[Period] = []
                for day in entry_days(event):  # type: ignore[arg-type]
                    for label in periods_of(day):
                        if label.day_after > today:
                            continue  # not ended, so not closed: nothing to read
                        period = self._period(label.stream_id, found)
                        if period is None:
                            open_periods.add(label.stream_id)
                        else:
                            closed.append(period)
                if closed:
                    _check_allowed(event, closed, today)
        return frozenset(open_periods)

    def _period(self, stream_id: UUID, found: dict[UUID, Period | None]) -> Period | None:
        if stream_id not in found:
            try:
                found[stream_id] = self.store.load_latest(stream_id)  # type: ignore[assignment]
            except AggregateNotFoundError:
                found[stream_id] = None
        return found[stream_id]


def _check_allowed(event: Any, closed: Sequence[Period], today: date) -> None:
    meta: Envelope = event.meta
    for period in closed:
        if period.allowance_for(meta.platform_id, today) is None:
            raise PeriodClosedError(
                f"{period.label} is closed: what happened in it is entered only with the hub's "
                "approval for this platform (an allowance on the closed period).",
                period=str(period.label),
                period_id=str(period.id),
            )
    if not meta.post_close:
        # As for a late entry: the ledger's judgment, set before anything has seen it.
        object.__setattr__(event, "meta", replace(meta, post_close=True))
