"""Closed periods (关账): once the hub closes a year or a month, what happened in it is entered
only with the hub's approval, and every such entry says so.

    (open) ──the hub closes it, once it has ended──▶ closed ──the hub allows a platform──▶ …

- A period is a calendar year (``2025``) or month (``2025-11``) of Ningxia business dates. It is
  open until the hub closes it; a close is final (one stream per period, created by the close).
- Only a period that has ended on the ledger's clock is closed: a year from the 1st of January
  after it, a month from the 1st of the month after it.
- An entry *for* a period is an event whose business date, or the date its service was
  delivered, falls in it. For a closed period (the month itself, or its year) an entry is
  accepted only from a platform the hub allowed to make one (补录批准: with a reason, until a
  day), and is flagged ``post_close`` on the event; otherwise it is refused (``period_closed``).
  The hub's own entries need its own recorded approval too, so every post-close entry has one.
- Checked by the unit of work for every write, whichever route made it; an entry decided while
  its period was open and committed after the close is refused as well (checked inside the
  save's transaction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import InvalidPeriodError, PeriodNotEndedError, ReasonRequiredError
from ledger.domain.time import business_date, dates_in, record_date

_LABEL = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")


@dataclass(frozen=True)
class PeriodLabel:
    """A year, or a month of a year."""

    year: int
    month: int | None = None

    def __str__(self) -> str:
        return str(self.year) if self.month is None else f"{self.year}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, 1)

    @property
    def day_after(self) -> date:
        """The first day after the period: from then on it may be closed."""
        if self.month is None or self.month == 12:
            return date(self.year + 1, 1, 1)
        return date(self.year, self.month + 1, 1)

    @property
    def stream_id(self) -> UUID:
        return ids.period_id(str(self))


def parse_period(value: str) -> PeriodLabel:
    match = _LABEL.match(value.strip())
    if match is None:
        raise InvalidPeriodError(
            f"{value!r} is not a period: a year (2025) or a month (2025-11).", value=value
        )
    year, month = match.groups()
    return PeriodLabel(int(year), None if month is None else int(month))


def periods_of(day: date) -> tuple[PeriodLabel, PeriodLabel]:
    """The periods a business date belongs to: its month and its year."""
    return PeriodLabel(day.year, day.month), PeriodLabel(day.year)


@dataclass(frozen=True)
class Allowance:
    """The hub's approval for one platform (``None``: the network-wide roles) to enter what
    happened in a closed period, until a day (inclusive, on the ledger's clock)."""

    platform_id: UUID | None
    until: date
    reason: str
    granted_by: str


class Period(LedgerAggregate):
    """A closed year or month, and who may still enter what happened in it."""

    class Closed(LedgerAggregate.Created):
        label: str
        note: str

        def apply(self, aggregate: Period) -> None:
            aggregate.label = parse_period(self.label)
            aggregate.note = self.note
            aggregate.closed_by = self.meta.actor
            aggregate.closed_at = self.timestamp

    class EntryAllowed(LedgerAggregate.Event):
        platform_id: UUID | None
        until: date
        reason: str

        def apply(self, aggregate: Period) -> None:
            aggregate.allowances.append(
                Allowance(self.platform_id, self.until, self.reason, self.meta.actor)
            )

    def __init__(self) -> None:
        self.label = PeriodLabel(0)
        self.note = ""
        self.closed_by = ""
        self.closed_at: datetime | None = None
        self.allowances: list[Allowance] = []

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def close(cls, *, label: str, note: str, meta: Envelope) -> Period:
        period = parse_period(label)
        today = record_date(meta)
        if today < period.day_after:
            raise PeriodNotEndedError(
                f"{period} has not ended: it can be closed from {period.day_after.isoformat()}.",
                period=str(period),
                closable_from=period.day_after.isoformat(),
            )
        return cls._create(
            cls.Closed, id=period.stream_id, label=str(period), note=note.strip(), meta=meta
        )

    def allow_entries(
        self, *, platform_id: UUID | None, until: date, reason: str, meta: Envelope
    ) -> None:
        """Allow ``platform_id`` to enter what happened in this period until ``until``."""
        text = reason.strip()
        if not text:
            raise ReasonRequiredError(
                "An approval to enter what happened in a closed period gives its reason."
            )
        if until < record_date(meta):
            raise InvalidPeriodError(
                f"until {until.isoformat()} has passed: an approval runs until today or later.",
                until=until.isoformat(),
            )
        self.trigger_event(
            self.EntryAllowed, platform_id=platform_id, until=until, reason=text, meta=meta
        )

    # --- queries --------------------------------------------------------------------------

    def allowance_for(self, platform_id: UUID | None, on: date) -> Allowance | None:
        """The approval in force on ``on`` for ``platform_id``, if any."""
        for allowance in reversed(self.allowances):
            if allowance.platform_id == platform_id and on <= allowance.until:
                return allowance
        return None


COUNTED_DATES = ("delivered_on", "held_on", "paid_on", "valid_from")
"""The dates by which the views count an entry into a period besides its business date: a
service by the day it was delivered, an activity by the day it was held, a payment by the day
it was paid, an enterprise's figures from the day they are valid."""


def entry_days(event: LedgerAggregate.Event) -> set[date]:
    """The business dates that make ``event`` an entry for a period."""
    days = {business_date(event.meta)}
    days.update(day for name, day in dates_in(event) if name.rsplit(".", 1)[-1] in COUNTED_DATES)
    return days
