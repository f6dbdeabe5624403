"""Uses that happen once in the whole network (Art. 16: public funds are paid once; Art. 13:
entry is orderly).

A voucher (its SHA-256) backs one disbursement at a time, in any budget of any year; a bank
payment reference records one payment; an applicant (its USCC) has one onboarding application
open at a time. Each use is a stream of its own whose id derives from
what is used (``ids.claim_id``), saved in the same transaction as the disbursement step that
makes it: the event store's key on that id makes the claim atomic across budgets, years and
API processes, where a check that reads first could be raced.

    (none) ──claimed by a disbursement──▶ held ──released (the disbursement was rejected)──▶ free
                                            ▲                                               │
                                            └─────────── claimed again by another ──────────┘

A voucher is released when its disbursement is rejected (a corrected request may use it again);
a payment reference is never released: a reversal is money coming back, not an undone payment.
An applicant is released when its application closes (rejected, refused after the notice,
withdrawn or connected); a connected applicant is then refused as already connected.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AlreadyUsedError,
    ApplicationPendingError,
    PaymentReferenceUsedError,
    VoucherAlreadyUsedError,
)


class ClaimKind(StrEnum):
    VOUCHER = "voucher"
    PAYMENT_REFERENCE = "payment_reference"
    APPLICANT = "applicant"


def claimed_value(kind: ClaimKind, value: str) -> str:
    """What is compared: a digest in lower case; a bank reference without surrounding blanks,
    in upper case (banks print them either way)."""
    text = value.strip()
    return text.lower() if kind is ClaimKind.VOUCHER else text.upper()  # a USCC: upper case


def claim_stream(kind: ClaimKind, value: str) -> UUID:
    return ids.claim_id(kind.value, claimed_value(kind, value))


class Claim(LedgerAggregate):
    """One voucher, payment reference or applicant, and the stream holding it, if any."""

    class Made(LedgerAggregate.Created):
        kind: str
        value: str
        holder_id: UUID

        def apply(self, aggregate: Claim) -> None:
            aggregate.kind = ClaimKind(self.kind)
            aggregate.value = self.value
            aggregate.holder_id = self.holder_id
            aggregate.holders.append(self.holder_id)

    class Taken(LedgerAggregate.Event):
        holder_id: UUID

        def apply(self, aggregate: Claim) -> None:
            aggregate.holder_id = self.holder_id
            aggregate.holders.append(self.holder_id)

    class Released(LedgerAggregate.Event):
        holder_id: UUID

        def apply(self, aggregate: Claim) -> None:
            aggregate.holder_id = None

    def __init__(self) -> None:
        self.kind = ClaimKind.VOUCHER
        self.value = ""
        self.holder_id: UUID | None = None
        self.holders: list[UUID] = []

    @classmethod
    def make(cls, kind: ClaimKind, value: str, holder_id: UUID, meta: Envelope) -> Claim:
        claimed = claimed_value(kind, value)
        return cls._create(
            cls.Made,
            id=ids.claim_id(kind.value, claimed),
            kind=kind.value,
            value=claimed,
            holder_id=holder_id,
            meta=meta,
        )

    def take(self, holder_id: UUID, meta: Envelope) -> None:
        """Claim a released voucher for another disbursement, or refuse: it is held."""
        if self.holder_id == holder_id:
            return  # it holds it already (a second save of the same stream fails on its own)
        if self.holder_id is not None:
            raise used_by(self.kind, self.value, self.holder_id)
        self.trigger_event(self.Taken, holder_id=holder_id, meta=meta)

    def release(self, holder_id: UUID, meta: Envelope) -> None:
        """Free the claim held by ``holder_id`` (its disbursement was rejected)."""
        if self.holder_id == holder_id:
            self.trigger_event(self.Released, holder_id=holder_id, meta=meta)


def used_by(kind: ClaimKind, value: str, holder_id: UUID) -> AlreadyUsedError:
    """The error for a second use of ``value``, naming the stream that holds it."""
    if kind is ClaimKind.APPLICANT:
        return ApplicationPendingError(
            f"Applicant {value} already has onboarding application {holder_id} open; one "
            "application at a time: withdraw it, or wait for its decision.",
            application_id=str(holder_id),
        )
    if kind is ClaimKind.VOUCHER:
        return VoucherAlreadyUsedError(
            f"Voucher {value} already backs disbursement {holder_id}; one voucher pays once in "
            "the whole network. A rejected disbursement's voucher may be used again.",
            disbursement_id=str(holder_id),
        )
    return PaymentReferenceUsedError(
        f"Payment reference {value} already records the payment of disbursement {holder_id}; "
        "a bank reference records one payment.",
        disbursement_id=str(holder_id),
    )
