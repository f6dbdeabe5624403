"""Window onboarding (Art. 10): the hub files an application, experts of the pool review it, the
bureau approves or rejects it, it is put on public notice (objections filed and resolved), and a
window that passed is connected: its platform is created in the same save."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.public_notice import ObjectionOutcome


@dataclass(frozen=True, kw_only=True)
class SubmitOnboardingApplication(Command[Outcome]):
    """Record an application the hub received, under the hub's filing reference."""

    external_ref: str
    applicant_name: str
    uscc: str
    region: str
    categories: tuple[str, ...]
    coverage: str
    materials_sha256: str


@dataclass(frozen=True, kw_only=True)
class RecordExpertReview(Command[Outcome]):
    """One expert of the pool scores (0-100) the application and gives an opinion."""

    application_id: UUID
    expert_id: UUID
    score: int
    opinion: str = ""


@dataclass(frozen=True, kw_only=True)
class ConcludeOnboardingReview(Command[Outcome]):
    application_id: UUID
    opinion: str = ""


@dataclass(frozen=True, kw_only=True)
class ApproveOnboarding(Command[Outcome]):
    application_id: UUID
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class RejectOnboarding(Command[Outcome]):
    application_id: UUID
    reasons: str


@dataclass(frozen=True, kw_only=True)
class PublishOnboardingNotice(Command[Outcome]):
    application_id: UUID
    starts_on: date
    ends_on: date
    channel: str


@dataclass(frozen=True, kw_only=True)
class FileOnboardingObjection(Command[Outcome]):
    application_id: UUID
    objector: str
    grounds: str
    evidence_sha256: str | None = None


@dataclass(frozen=True, kw_only=True)
class ResolveOnboardingObjection(Command[Outcome]):
    application_id: UUID
    number: int
    """The objection's number, from 1."""
    outcome: ObjectionOutcome
    reasons: str


@dataclass(frozen=True, kw_only=True)
class ConnectOnboardedWindow(Command[Outcome]):
    """Record the connection and create the window platform, in one save."""

    application_id: UUID


@dataclass(frozen=True, kw_only=True)
class WithdrawOnboarding(Command[Outcome]):
    application_id: UUID
    reason: str
