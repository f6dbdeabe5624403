"""The expert pool (Art. 6.7): experts registered and deactivated by the hub."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome


@dataclass(frozen=True, kw_only=True)
class RegisterExpert(Command[Outcome]):
    """Register an expert under the pool's reference; ``fields`` are the service categories of
    their expertise."""

    external_ref: str
    name: str
    fields: tuple[str, ...]
    organisation: str = ""
    title: str = ""


@dataclass(frozen=True, kw_only=True)
class DeactivateExpert(Command[Outcome]):
    """Take an expert out of the pool: they are given no new reviews."""

    expert_id: UUID
    reason: str
