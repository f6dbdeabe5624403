"""Enterprises (SMEs) served by the network, identified by their USCC.

An enterprise's figures (employees, revenue) change over the years, and with them its size
class. A correction never edits the registration: new figures are recorded as valid from a day
(``FiguresUpdated``), so the size class on any day is known (:meth:`Enterprise.size_class_on`)
and an appraisal counts an enterprise as an SME by its class on the last day of the year.

Its contact person is personal information: recorded only sealed (``ContactRecorded`` holds
the key id, nonce and ciphertext, never the name, phone or e-mail) and erased by destroying
the key (``ContactErased``, with its ground and reason); see :mod:`ledger.domain.personal_data`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    InvalidEmployeesError,
    NoContactToEraseError,
    NothingToAmendError,
    OccurredInFutureError,
    ReasonRequiredError,
)
from ledger.domain.personal_data import ErasureGround, SealedContact
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

    class ContactRecorded(LedgerAggregate.Event):
        """The contact person, sealed under the enterprise's key ``key_id`` (replaces any
        before). Who recorded it is the envelope's platform."""

        key_id: UUID
        nonce: str
        ciphertext: str

        def apply(self, aggregate: Enterprise) -> None:
            aggregate.contact = (self.key_id, self.nonce, self.ciphertext)
            aggregate.contact_platform_id = self.meta.platform_id
            aggregate.contact_erasure = None

    class ContactErased(LedgerAggregate.Event):
        """The contact person erased (PIPL Art. 47): the enterprise's keys are destroyed in the
        same transaction, so no recorded version of it can be read again. Who erased it and
        when are the envelope's actor and the record time; why is ``ground`` and ``reason``."""

        ground: str
        reason: str

        def apply(self, aggregate: Enterprise) -> None:
            aggregate.contact = None
            aggregate.contact_erasure = (self.ground, self.timestamp.isoformat())

    contact: tuple[UUID, str, str] | None = None
    """The contact person as sealed: (key id, nonce, ciphertext); ``None`` if none or erased."""
    contact_platform_id: UUID | None = None
    """The platform that recorded the contact person (it and the hub may read it)."""
    contact_erasure: tuple[str, str] | None = None
    """The last erasure's ground and record time, while no contact was recorded since."""
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

    def record_contact(self, sealed: SealedContact, meta: Envelope) -> None:
        """Record the contact person, as sealed by the application (never in clear)."""
        self.trigger_event(
            self.ContactRecorded,
            key_id=sealed.key_id,
            nonce=sealed.nonce,
            ciphertext=sealed.ciphertext,
            meta=meta,
        )

    def erase_contact(self, *, ground: ErasureGround, reason: str, meta: Envelope) -> None:
        """Erase the contact person on ``ground`` (PIPL Art. 47), saying why."""
        if self.contact is None:
            raise NoContactToEraseError(
                "This enterprise holds no contact person to erase"
                + (" (it was erased already)." if self.contact_erasure else "."),
                uscc=self.uscc,
            )
        if not reason.strip():
            raise ReasonRequiredError("An erasure says why it is made.")
        self.trigger_event(
            self.ContactErased, ground=ground.value, reason=reason.strip(), meta=meta
        )

    @property
    def contact_key_id(self) -> UUID | None:
        return self.contact[0] if self.contact is not None else None

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
