"""The hub's entrustment of its operating institution (委托运营): made, accepted, appraised
yearly, renewed and terminated. Every command acts for the hub the key is bound to; the operator
has no key, so the hub records the operator's acceptance with the digest of what it signed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.entrustment_terms import ExpertMarks, Term


@dataclass(frozen=True, kw_only=True)
class MakeEntrustment(Command[Outcome]):
    """The acting hub entrusts an operating institution with ``scope`` for ``term``."""

    external_ref: str
    operator_name: str
    operator_uscc: str
    scope: str
    term: Term


@dataclass(frozen=True, kw_only=True)
class AcceptEntrustment(Command[Outcome]):
    """The operator signed the agreement whose digest is ``document_sha256``."""

    entrustment_id: UUID
    document_sha256: str


@dataclass(frozen=True, kw_only=True)
class AppraiseOperator(Command[Outcome]):
    """The operator's appraisal of ``year`` by a panel of experts of the pool (Art. 12)."""

    entrustment_id: UUID
    year: int
    marks: tuple[ExpertMarks, ...]
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class RenewEntrustment(Command[Outcome]):
    """A new term after the current one, until ``ends_on``, under the signed ``document_sha256``."""

    entrustment_id: UUID
    ends_on: date
    document_sha256: str


@dataclass(frozen=True, kw_only=True)
class TerminateEntrustment(Command[Outcome]):
    """The hub ends the entrustment early, from ``effective_on``."""

    entrustment_id: UUID
    reason: str
    effective_on: date
