"""Cooperating service institutions (合作服务机构): registered, joined by agreement, revocable."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.standing import StandingAggregate
from ledger.domain.values import parse_category, parse_region, parse_uscc


class InstitutionStatus(StrEnum):
    REGISTERED = "registered"
    ACTIVE = "active"
    REVOKED = "revoked"


class Institution(StandingAggregate):
    """A service institution. It becomes active when an agreement with it comes into force;
    its standing (appraisal consequences, revocation) follows Art. 13 like a platform's."""

    class Registered(StandingAggregate.Created):
        uscc: str
        name: str
        region: str
        categories: list[str]

        def apply(self, aggregate: Institution) -> None:
            aggregate.uscc = self.uscc
            aggregate.name = self.name
            aggregate.region = self.region
            aggregate.categories = list(self.categories)

    class Joined(StandingAggregate.Event):
        agreement_id: UUID

        def apply(self, aggregate: Institution) -> None:
            aggregate.agreement_ids.append(self.agreement_id)

    def __init__(self) -> None:
        super().__init__()
        self.uscc = ""
        self.name = ""
        self.region = ""
        self.categories: list[str] = []
        self.agreement_ids: list[UUID] = []

    @classmethod
    def register(
        cls, *, uscc: str, name: str, region: str, categories: list[str], meta: Envelope
    ) -> Institution:
        code = parse_uscc(uscc)
        return cls._create(
            cls.Registered,
            id=ids.institution_id(code),
            uscc=code,
            name=name.strip(),
            region=parse_region(region),
            categories=sorted({parse_category(c) for c in categories}),
            meta=meta,
        )

    def join(self, agreement_id: UUID, meta: Envelope) -> None:
        """Record that an agreement with this institution came into force."""
        self.check_not_revoked()
        if agreement_id in self.agreement_ids:
            return
        self.trigger_event(self.Joined, agreement_id=agreement_id, meta=meta)

    @property
    def status(self) -> InstitutionStatus:
        if self.is_revoked:
            return InstitutionStatus.REVOKED
        return InstitutionStatus.ACTIVE if self.agreement_ids else InstitutionStatus.REGISTERED
