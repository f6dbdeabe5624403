"""The network's participants as they are registered: a platform already connected (migrating
today's network in), a cooperating service institution (by the hub), an enterprise (by USCC)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.platform import PlatformKind


@dataclass(frozen=True, kw_only=True)
class RegisterConnectedPlatform(Command[Outcome]):
    """Register an existing hub or window as connected (no onboarding behind it)."""

    kind: PlatformKind
    name: str
    uscc: str
    region: str


@dataclass(frozen=True, kw_only=True)
class RegisterInstitution(Command[Outcome]):
    """Register a cooperating service institution and the categories it serves."""

    uscc: str
    name: str
    region: str
    categories: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class RegisterEnterprise(Command[Outcome]):
    """Register an enterprise once, by its USCC (its size class follows from the figures)."""

    uscc: str
    name: str
    region: str
    industry: str
    employees: int
    revenue_wan: Decimal


@dataclass(frozen=True, kw_only=True)
class UpdateEnterpriseFigures(Command[Outcome]):
    """Record an enterprise's employees and revenue as valid from a day (its size class from
    then on follows from them), with the reason; the registration is never edited."""

    enterprise_id: UUID
    employees: int
    revenue_wan: Decimal
    valid_from: date
    reason: str


@dataclass(frozen=True, kw_only=True)
class RecordEnterpriseContact(Command[Outcome]):
    """Record an enterprise's contact person (replacing any before); sealed before it is stored.
    Recording the contact as it stands changes nothing."""

    enterprise_id: UUID
    name: str
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, kw_only=True)
class EraseEnterpriseContact(Command[Outcome]):
    """Erase an enterprise's contact person (PIPL Art. 47) on one of the law's grounds."""

    enterprise_id: UUID
    ground: str
    reason: str
