"""Enterprises (SMEs) served by the network, identified by their USCC."""

from __future__ import annotations

from decimal import Decimal

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import InvalidEmployeesError
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
        if employees < 0:
            raise InvalidEmployeesError(
                f"employees is a head count of zero or more; got {employees}.",
                employees=employees,
            )
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

    @property
    def is_sme(self) -> bool:
        return self.size_class is not SizeClass.LARGE
