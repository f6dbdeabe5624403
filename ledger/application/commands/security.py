"""Commands about a platform's information security file (``ledger.domain.security``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome


@dataclass(frozen=True, kw_only=True)
class SecurityCommand(Command[Outcome]):
    platform_id: UUID
    """The platform whose file it is."""


@dataclass(frozen=True, kw_only=True)
class GradeSecurity(SecurityCommand):
    """The platform's classified protection grading (等级保护定级备案), by the platform."""

    level: int
    filing_number: str
    next_review_on: date


@dataclass(frozen=True, kw_only=True)
class RecordInspection(SecurityCommand):
    """An inspection of the platform (by the hub of a window, or by the bureau)."""

    findings: tuple[str, ...] = ()
    deadline: date | None = None


@dataclass(frozen=True, kw_only=True)
class RectifyFindings(SecurityCommand):
    """The findings of inspection ``number`` rectified, by the platform."""

    number: int
    note: str


@dataclass(frozen=True, kw_only=True)
class ReportIncident(SecurityCommand):
    """A security incident of the platform, reported by the platform."""

    severity: str
    summary: str
    personal_data_involved: bool = False


@dataclass(frozen=True, kw_only=True)
class CloseIncident(SecurityCommand):
    """Incident ``number`` closed, with the measures taken and whom it was reported to."""

    number: int
    measures: str
    reported_to: str = ""
