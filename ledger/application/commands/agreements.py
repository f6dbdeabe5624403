"""Service agreements (服务协议): proposed by the hub or a window to another party, countersigned
by it, amended and terminated by either party. Every command acts for the party the key is bound
to; only a proposal creates a stream."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.agreement_terms import Amendment, Terms


@dataclass(frozen=True, kw_only=True)
class ProposeAgreement(Command[Outcome]):
    """The acting hub or window proposes an agreement to ``counterparty_id``."""

    counterparty_id: UUID
    external_ref: str
    title: str
    terms: Terms


@dataclass(frozen=True, kw_only=True)
class CountersignAgreement(Command[Outcome]):
    """The counterparty signs the document proposed; an institution party joins the network by
    it."""

    agreement_id: UUID
    document_sha256: str


@dataclass(frozen=True, kw_only=True)
class ProposeAmendment(Command[Outcome]):
    """Either party proposes new terms (what the amendment leaves out stays as agreed)."""

    agreement_id: UUID
    amendment: Amendment


@dataclass(frozen=True, kw_only=True)
class CountersignAmendment(Command[Outcome]):
    """The party that did not propose the pending amendment signs it."""

    agreement_id: UUID
    document_sha256: str


@dataclass(frozen=True, kw_only=True)
class WithdrawAmendment(Command[Outcome]):
    """Its proposer withdraws the pending amendment, or the other party declines it."""

    agreement_id: UUID
    reason: str


@dataclass(frozen=True, kw_only=True)
class TerminateAgreement(Command[Outcome]):
    """Either party ends the agreement from ``effective_on``."""

    agreement_id: UUID
    reason: str
    effective_on: date
