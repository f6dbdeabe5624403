"""Orderly entry and exit (Art. 13): the steps of a platform's or an institution's standing.

Every step is taken by the subject's supervisor (the bureau supervises the hub, the hub
supervises windows and institutions) but the bureau's decisions: granting or declining priority
support and revoking.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome


@dataclass(frozen=True, kw_only=True)
class ProposePrioritySupport:
    """The hub proposes (提请) priority support in ``year`` for a window or an institution whose
    appraisal of the year before was excellent."""

    year: int
    citation: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class GrantPrioritySupport:
    """The bureau grants priority support in ``year``: on the hub's proposal for a window or an
    institution, directly for the hub, for an excellent appraisal of the year before."""

    year: int
    citation: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class DeclinePrioritySupport:
    """The bureau declines the hub's proposal of priority support in ``year``, saying why."""

    year: int
    reasons: str


@dataclass(frozen=True, kw_only=True)
class OrderRectification:
    deadline: date
    reasons: str
    citation: str


@dataclass(frozen=True, kw_only=True)
class CompleteRectification:
    """The rectification passed its re-check by the deadline."""

    note: str = ""


@dataclass(frozen=True, kw_only=True)
class FailRecheck:
    reasons: str


@dataclass(frozen=True, kw_only=True)
class RequestRevocation:
    """After a failed re-check or a missed deadline."""

    reasons: str


@dataclass(frozen=True, kw_only=True)
class Revoke:
    """The bureau revokes the subject's qualification, on request: final."""

    reasons: str


StandingStep = (
    ProposePrioritySupport
    | GrantPrioritySupport
    | DeclinePrioritySupport
    | OrderRectification
    | CompleteRectification
    | FailRecheck
    | RequestRevocation
    | Revoke
)


@dataclass(frozen=True, kw_only=True)
class ChangeStanding(Command[Outcome]):
    """Take one standing step on ``subject_id`` (see the two kinds below)."""

    subject_id: UUID
    step: StandingStep


@dataclass(frozen=True, kw_only=True)
class ChangePlatformStanding(ChangeStanding):
    """A standing step on a platform (the hub's supervised by the bureau, a window's by the
    hub)."""


@dataclass(frozen=True, kw_only=True)
class ChangeInstitutionStanding(ChangeStanding):
    """A standing step on a cooperating service institution (supervised by the hub)."""
