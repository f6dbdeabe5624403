"""Appraisal schemes as published records (Art. 11-12): published for a kind of subject,
effective from a year, by whoever appraises that kind; then a newer version."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.schemes import Scheme


@dataclass(frozen=True, kw_only=True)
class PublishScheme(Command[Outcome]):
    """Publish ``scheme`` (its ``subject_kind`` says whom it appraises), effective from
    ``effective_from``: the hub's for windows and institutions, the bureau's for the hub."""

    effective_from: int
    scheme: Scheme
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ReviseScheme(Command[Outcome]):
    """Publish a newer version of a published scheme (same kind and year)."""

    scheme_id: UUID
    scheme: Scheme
    note: str = ""
