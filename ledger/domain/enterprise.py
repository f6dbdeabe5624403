"""Enterprises (SMEs) served by the network, identified by their USCC.

An enterprise's figures (employees, revenue) change over the years, and with them its size
class. A correction never edits the registration: new figures are recorded as valid from a day
(``FiguresUpdated``), so the size class on any day is known (:meth:`Enterprise.size_class_on`)
and an appraisal counts an enterprise as an SME by its class on the last day of the year.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    InvalidEmployeesError,
    NothingToAmendError,
    OccurredInFutureError,
    ReasonRequiredError,
)
from ledger.domain.time import record_date
from ledger.domain.values import (
    SizeClass,
    parse_amount,
    parse_industry,
    parse_region,
    parse_uscc,
    size_class,
)


class Enterprise(LedgerAggregate):
    """An enterprise known to the network. Its stream id is derived from its USCC."""

    class Registered(LedgerAggregate.Created):
        uscc: str
        name: str
        region: str
        industry: str
        employees: int
        revenue_wan: Decimal
        size_class: str

        def apply(self, aggregate: Enterprise) -> None:
            aggregate.uscc = self.uscc
            aggregate.name = self.name
            aggregate.region = self.region
            aggregate.industry = self.industry
            aggregate.employees = self.employees
            aggregate.revenue_wan = self.revenue_wan
            aggregate.size_class = SizeClass(self.size_class)
            aggregate.registered_size_class = self.size_class

    class FiguresUpdated(LedgerAggregate.Event):
        """New figures, and the size class they give, valid from a day on (a correction)."""

        employees: int
        revenue_wan: Decimal
        size_class: str
        valid_from: date
        reason: str

        def apply(self, aggregate: Enterprise) -> None:
            history = [h for h in aggregate.size_history if h[0] != self.valid_from]
            aggregate.size_history = tuple(sorted([*history, (self.valid_from, self.size_class)]))
            if self.valid_from >= aggregate.size_history[-1][0]:  # the latest figures stand now
                aggregate.employees = self.employees
                aggregate.revenue_wan = self.revenue_wan
                aggregate.size_class = SizeClass(self.size_class)

    registered_size_class: str | None = None
    """The class the registration gave (absent from older snapshots' state: then the current)."""
    size_history: tuple[tuple[date, str], ...] = ()
    """Each update's first day and size class, in date order."""

    def __init__(self) -> None:
        self.uscc = ""
        self.name = ""
        self.region = ""
        self.industry = ""
        self.employees = 0
        self.revenue_wan = Decimal(0)
        self.size_class = SizeClass.MICRO

    @classmethod
    def register(
        cls,
        *,
        uscc: str,
        name: str,
        region: str,
        industry: str,
        employees: int,
        revenue_wan: Decimal,
        meta: Envelope,
    ) -> Enterprise:
        code = parse_uscc(uscc)
        _check_employees(employees)
        industry_key = parse_industry(industry)
        revenue = parse_amount(revenue_wan, allow_zero=True)
        return cls._create(
            cls.Registered,
            id=ids.enterprise_id(code),
            uscc=code,
            name=name.strip(),
            region=parse_region(region),
            industry=industry_key,
            employees=employees,
            revenue_wan=revenue,
            size_class=size_class(industry_key, employees, revenue).value,
            meta=meta,
        )

    def update_figures(
        self, *, employees: int, revenue_wan: Decimal, valid_from: date, reason: str,
        meta: Envelope,
    ) -> None:  # fmt: skip
        """Record the enterprise's figures as valid from ``valid_from`` (not after today)."""
        _check_employees(employees)
        if valid_from > record_date(meta):
            raise OccurredInFutureError(
                f"valid_from {valid_from.isoformat()} is after today: figures are recorded once "
                "they hold.",
                valid_from=valid_from.isoformat(),
            )
        if not reason.strip():
            raise ReasonRequiredError("An update of an enterprise's figures says why.")
        revenue = parse_amount(revenue_wan, allow_zero=True)
        if (employees, revenue) == (self.employees, self.revenue_wan) and (
            not self.size_history or valid_from >= self.size_history[-1][0]
        ):
            raise NothingToAmendError("These are the enterprise's figures as they stand.")
        self.trigger_event(
            self.FiguresUpdated,
            employees=employees,
            revenue_wan=revenue,
            size_class=size_class(self.industry, employees, revenue).value,
            valid_from=valid_from,
            reason=reason.strip(),
            meta=meta,
        )

    def size_class_on(self, day: date) -> SizeClass:
        """The size class on ``day``: the latest update valid by then, else the registration's."""
        for valid_from, size in reversed(self.size_history):
            if valid_from <= day:
                return SizeClass(size)
        return SizeClass(self.registered_size_class or self.size_class)

    @property
    def is_sme(self) -> bool:
        return self.size_class is not SizeClass.LARGE


def _check_employees(employees: int) -> None:
    if employees < 0:
        raise InvalidEmployeesError(
            f"employees is a head count of zero or more; got {employees}.", employees=employees
        )
