"""What the seeding stages share: the ledger, the seeded generator, the calendar, each actor's
envelope, and what the earlier stages brought into the network.

Every value a stage records comes from :attr:`DemoWorld.rng` and the demo year's calendar, never
from the clock, so the same seed gives the same business record.

The demonstration records a year that is over as if each fact had been recorded when it
happened: while it seeds, the ledger's clock follows the calendar (:meth:`DemoWorld.handle`
sets it a few minutes after each business time), so punctuality is judged as it would have been
and nothing is a late entry. Record times therefore follow each stage's calendar in turn; a real
ledger's never run backwards.
"""

from __future__ import annotations

import bisect
import hashlib
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar
from uuid import UUID

from ledger.application.app import LedgerApplication
from ledger.application.capability import Command
from ledger.application.context import Principal, RequestContext
from ledger.domain import reference
from ledger.domain.agreement import Agreement
from ledger.domain.envelope import Envelope
from ledger.domain.time import CST

R = TypeVar("R")

RECORDED_AFTER = timedelta(minutes=3)
"""How long after each fact the demonstration records it."""

Progress = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as the seeding goes."""

ADMIN_ACTOR = "demo:admin"
HUB_ACTOR = "demo:hub-clerk"
BUREAU_ACTOR = "demo:bureau-officer"
"""The hub's clerk requests disbursements and the bureau's officer approves them: two principals,
as segregation of duties requires."""


@dataclass
class DemoReport:
    """What was seeded, and keys to explore it with (shown once)."""

    seed: int
    year: int
    counts: dict[str, int] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    head: int = 0
    hub_id: UUID | None = None
    """The hub, which closed the year: entries for it afterwards need its allowance."""


@dataclass(frozen=True)
class Window:
    id: UUID
    name: str
    code: str
    """A short code for the window's own references (``YC1``, ``GY2``)."""
    city_code: str
    city: str
    active_from: date
    """The first day it serves: 2 January for windows migrated in, else its connection day."""
    onboarded: bool


@dataclass(frozen=True)
class InstitutionRef:
    id: UUID
    name: str
    kind: str
    city_code: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class ExpertRef:
    id: UUID
    name: str
    fields: tuple[str, ...]


@dataclass
class MonthTally:
    """What one window did in one month, for its monthly data report."""

    cases_opened: int = 0
    services_delivered: int = 0
    enterprises_served: set[str] = field(default_factory=set)
    activities_held: int = 0
    activity_attendance: int = 0


class StageProgress:
    """Reports a stage's progress about a hundred times, and always its start and end."""

    def __init__(self, progress: Progress, stage: str, total: int) -> None:
        self.progress = progress
        self.stage = stage
        self.total = max(total, 1)
        self.done = 0
        self.every = max(1, self.total // 100)
        progress(stage, 0, self.total)

    def tick(self, n: int = 1) -> None:
        self.done = min(self.done + n, self.total)
        if self.done % self.every == 0 or self.done == self.total:
            self.progress(self.stage, self.done, self.total)

    def finish(self) -> None:
        if self.done < self.total:
            self.done = self.total
            self.progress(self.stage, self.done, self.total)


class DemoWorld:
    def __init__(
        self, ledger: LedgerApplication, seed: int, year: int, scale: float, progress: Progress
    ) -> None:
        self.ledger = ledger
        self.seed = seed
        self.year = year
        self.scale = scale
        self.progress = progress
        self.rng = random.Random(seed)
        self.report = DemoReport(seed=seed, year=year)
        self.categories = sorted(reference.categories())
        self.hub_id = UUID(int=0)
        self.windows: list[Window] = []
        self.institutions: list[InstitutionRef] = []
        self.experts: list[ExpertRef] = []
        # Per city, (registered on, USCC) in date order: a case or an activity only names an
        # enterprise registered by its day.
        self._enterprises: dict[str, list[tuple[date, str]]] = {}
        self.window_agreements: dict[UUID, list[Agreement]] = {}
        """Each window's agreements with institutions, as signed (and amended, terminated)."""
        self.tallies: dict[tuple[UUID, int], MonthTally] = {}

    # --- the calendar -------------------------------------------------------------------------

    @property
    def first_day(self) -> date:
        return date(self.year, 1, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, 12, 31)

    def at(self, day: date, hour: int = 10, minute: int = 0) -> datetime:
        """A business time on ``day`` in Ningxia, as UTC."""
        return datetime.combine(day, time(hour, minute), tzinfo=CST).astimezone(UTC)

    def day_between(self, first: date, last: date) -> date:
        """A day from ``first`` to ``last``, both included (``first`` if the span is empty)."""
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def days_later(self, day: date, least: int, most: int) -> date:
        return day + timedelta(days=self.rng.randint(least, most))

    # --- who acts -----------------------------------------------------------------------------

    def envelope(self, actor: str, platform_id: UUID | None, occurred_at: datetime) -> Envelope:
        correlation = f"demo-{self.seed}"
        return Envelope(actor, platform_id, correlation, correlation, occurred_at)

    def handle(self, command: Command[R], meta: Envelope) -> R:
        """Handle ``command`` as the actor of ``meta``, at its business time, recorded
        :data:`RECORDED_AFTER` after the last business time it carries (a case opened with its
        later steps is recorded once the last of them has happened)."""
        context = RequestContext(
            Principal(meta.actor, platform_id=meta.platform_id), meta.correlation_id
        )
        recorded_at = max(_business_times(command), default=meta.occurred_at) + RECORDED_AFTER
        with self.ledger.uow.clock_at(recorded_at):
            return self.ledger.handle(replace(command, occurred_at=meta.occurred_at), context)

    def as_admin(self, occurred_at: datetime) -> Envelope:
        return self.envelope(ADMIN_ACTOR, None, occurred_at)

    def as_hub(self, occurred_at: datetime) -> Envelope:
        return self.envelope(HUB_ACTOR, self.hub_id, occurred_at)

    def as_bureau(self, occurred_at: datetime) -> Envelope:
        return self.envelope(BUREAU_ACTOR, None, occurred_at)

    def as_window(self, window: Window, occurred_at: datetime) -> Envelope:
        return self.envelope(f"demo:window-{window.code}", window.id, occurred_at)

    def as_institution(self, institution: InstitutionRef, occurred_at: datetime) -> Envelope:
        return self.envelope(
            f"demo:institution-{institution.id.hex[:8]}", institution.id, occurred_at
        )

    # --- what earlier stages created ----------------------------------------------------------

    def windows_in(self, city_code: str) -> list[Window]:
        return [w for w in self.windows if w.city_code == city_code]

    def add_enterprise(self, city_code: str, registered_on: date, uscc: str) -> None:
        bisect.insort(self._enterprises.setdefault(city_code, []), (registered_on, uscc))

    def enterprises_known(self, city_codes: Sequence[str], on: date) -> list[str]:
        """USCCs of the enterprises registered in ``city_codes`` by ``on``, in a stable order."""
        known: list[str] = []
        for city_code in city_codes:
            registered = self._enterprises.get(city_code, [])
            known.extend(u for _, u in registered[: bisect.bisect_right(registered, (on, "~"))])
        return known

    def an_enterprise(self, city_code: str, on: date) -> str:
        """One enterprise registered in the city by ``on``, drawn at random."""
        registered = self._enterprises[city_code]
        known = bisect.bisect_right(registered, (on, "~"))
        return registered[self.rng.randrange(known)][1]

    def tally(self, window_id: UUID, day: date) -> MonthTally:
        return self.tallies.setdefault((window_id, day.month), MonthTally())

    # --- small helpers ------------------------------------------------------------------------

    def count(self, kind: str, n: int = 1) -> None:
        self.report.counts[kind] = self.report.counts.get(kind, 0) + n

    def stage(self, name: str, total: int) -> StageProgress:
        return StageProgress(self.progress, name, total)

    def digest(self, *parts: object) -> str:
        """The SHA-256 of a document the demo stands for (a contract, a voucher, a report file)."""
        text = "|".join(str(p) for p in (self.seed, *parts))
        return hashlib.sha256(text.encode()).hexdigest()

    def random_id(self) -> UUID:
        """A version-4 UUID drawn from the seeded generator, for a caller-named stream id."""
        return UUID(int=self.rng.getrandbits(128), version=4)


def _business_times(value: object) -> Iterator[datetime]:
    """Every business time (``occurred_at``) in a command and the records and steps it holds."""
    if is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            item = getattr(value, f.name)
            if f.name == "occurred_at" and isinstance(item, datetime):
                yield item
            else:
                yield from _business_times(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _business_times(item)
