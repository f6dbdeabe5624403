"""Disbursements (资金拨付): the hub requests one from a line of its budget and records its
payment; the bureau approves or rejects it; a paid one is reversed by a refund (the hub) or a
clawback (the bureau)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID, uuid4

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.disbursement import DisbursementRequest, ReversalKind


@dataclass(frozen=True, kw_only=True)
class RequestDisbursement(Command[Outcome]):
    """The acting hub requests a disbursement from a line of its ``year`` budget; the amount is
    reserved on the line in the same save.

    A new id per command: retrying safely is what Idempotency-Key is for, and one voucher backs
    one live disbursement of a budget, so a blind retry is refused, not paid twice. A caller that
    must reproduce its record exactly (the demonstration seed) names the id; an id already used
    is refused. The API never sends one.
    """

    year: int
    request: DisbursementRequest
    disbursement_id: UUID = field(default_factory=uuid4)


@dataclass(frozen=True, kw_only=True)
class ApproveDisbursement(Command[Outcome]):
    """The bureau approves a requested disbursement (not the principal that requested it)."""

    disbursement_id: UUID
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class RejectDisbursement(Command[Outcome]):
    """The bureau rejects a disbursement not yet paid; its reservation is released."""

    disbursement_id: UUID
    reasons: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class RecordPayment(Command[Outcome]):
    """The hub records the payment of an approved disbursement, in full."""

    disbursement_id: UUID
    payment_reference: str
    paid_on: date


@dataclass(frozen=True, kw_only=True)
class ReverseDisbursement(Command[Outcome]):
    """Money back from a paid disbursement: a refund (the hub) or a clawback (the bureau)."""

    disbursement_id: UUID
    kind: ReversalKind
    amount: Decimal | str
    reason: str


@dataclass(frozen=True, kw_only=True)
class CarryOverDisbursement(Command[Outcome]):
    """The bureau carries a reservation not yet paid over into the next year (结转), payable
    until ``until``."""

    disbursement_id: UUID
    until: date
    reason: str
