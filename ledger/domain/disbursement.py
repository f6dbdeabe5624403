"""Disbursements (拨付) from an approved budget line: requested, approved, paid, reversed.

requested (by the hub) ─┬─ approved (by the bureau; not by the requester) ─┬─ paid (by the hub)
                        │                                                  └─ rejected
                        └─ rejected (by the bureau, with reasons)
paid ── reversed in part or in full: a refund (recorded by the hub, which got the money back)
        or a clawback (recorded by the bureau, which ordered it under Art. 16)

Who does what, and why:

- The hub requests: it spends its operating budget and holds the voucher.
- The bureau approves or rejects, and a principal may never approve what it requested
  (segregation of duties), checked on the envelope's actor.
- The hub records the payment: it pays from the operating funds allocated to it and holds the
  bank's payment reference. The bureau's approval is the control; the payment only follows it.
- An approved disbursement may still be rejected until it is paid (the bureau withdraws its
  approval), so a reservation never outlives a payment that will not happen.
- A refund is money the payee returned to the hub, so the hub records it; a clawback is the
  bureau's recovery of misused funds (Art. 16), so the bureau records it.
- A year's budget funds the requests of that year and pays by its 31 December, unless the
  bureau carries a reservation over into the next year (``ledger.domain.budget_year``).

Every step that moves money also changes the :class:`~ledger.domain.budget.Budget` (request
reserves, rejection releases, payment settles, a refund returns to the line, a clawback to the
fund), and the two are saved together, so every payment traces back to its approval and its
approved budget line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from ledger.domain.base import LedgerAggregate
from ledger.domain.budget import Budget
from ledger.domain.budget_year import check_carry_over, check_payable, check_requested_in
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    BlankFieldError,
    DisbursementOutOfOrderError,
    InvalidVoucherDigestError,
    NotBudgetHolderError,
    PaymentDateError,
    ReversalExceedsPaidError,
    SegregationOfDutiesError,
    WrongReversalPartyError,
)
from ledger.domain.funds import ZERO, Signoff, require_text, signoff_of
from ledger.domain.time import CST, business_date, check_not_before
from ledger.domain.values import parse_amount, parse_sha256


class DisbursementStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    PAID = "paid"
    REVERSED = "reversed"
    """Paid and then returned in full."""


class ReversalKind(StrEnum):
    REFUND = "refund"
    """退款: the payee returned money to the hub."""
    CLAWBACK = "clawback"
    """追回: the bureau recovered misused funds (Art. 16)."""


@dataclass(frozen=True)
class DisbursementRequest:
    """What the hub asks to be paid, from which line, against which voucher."""

    line_code: str
    amount: Decimal | str
    payee: str
    purpose: str
    voucher_sha256: str
    """SHA-256 (hex) of the voucher document (invoice, contract); the document stays outside."""


@dataclass(frozen=True)
class Reversal:
    kind: ReversalKind
    amount: Decimal
    reason: str
    signoff: Signoff


def parse_voucher_digest(value: str) -> str:
    return parse_sha256(
        value,
        error=InvalidVoucherDigestError,
        detail="send the 64 hexadecimal characters of the voucher document's SHA-256",
    )


class Disbursement(LedgerAggregate):
    """One payment from one approved budget line, from request to payment (and reversal)."""

    class Requested(LedgerAggregate.Created):
        budget_id: UUID
        hub_id: UUID
        year: int
        line_code: str
        amount: Decimal
        payee: str
        purpose: str
        voucher_sha256: str

        def apply(self, aggregate: Disbursement) -> None:
            aggregate.budget_id = self.budget_id
            aggregate.hub_id = self.hub_id
            aggregate.year = self.year
            aggregate.line_code = self.line_code
            aggregate.amount = self.amount
            aggregate.payee = self.payee
            aggregate.purpose = self.purpose
            aggregate.voucher_sha256 = self.voucher_sha256
            aggregate.status = DisbursementStatus.REQUESTED
            aggregate.request = signoff_of(self)

    class Approved(LedgerAggregate.Event):
        note: str

        def apply(self, aggregate: Disbursement) -> None:
            aggregate.status = DisbursementStatus.APPROVED
            aggregate.approval = signoff_of(self)
            aggregate.approval_note = self.note

    class Rejected(LedgerAggregate.Event):
        reasons: list[str]

        def apply(self, aggregate: Disbursement) -> None:
            aggregate.status = DisbursementStatus.REJECTED
            aggregate.rejection = signoff_of(self)
            aggregate.rejection_reasons = list(self.reasons)

    class Paid(LedgerAggregate.Event):
        payment_reference: str
        paid_on: date

        def apply(self, aggregate: Disbursement) -> None:
            aggregate.status = DisbursementStatus.PAID
            aggregate.payment = signoff_of(self)
            aggregate.payment_reference = self.payment_reference
            aggregate.paid_on = self.paid_on

    class CarriedOver(LedgerAggregate.Event):
        """The bureau carries the reservation over (结转): payable until ``until``, a day of the
        next year (``ledger.domain.budget_year``)."""

        until: date
        reason: str

        def apply(self, aggregate: Disbursement) -> None:
            aggregate.carried_until = self.until
            aggregate.carry_over_reason = self.reason

    class Reversed(LedgerAggregate.Event):
        kind: str
        amount: Decimal
        reason: str

        def apply(self, aggregate: Disbursement) -> None:
            reversal = Reversal(ReversalKind(self.kind), self.amount, self.reason, signoff_of(self))
            aggregate.reversals = [*aggregate.reversals, reversal]
            if aggregate.reversed_amount == aggregate.amount:
                aggregate.status = DisbursementStatus.REVERSED

    carried_until: date | None = None
    """Payable until this day of the next year (absent from older snapshots' state)."""
    carry_over_reason: str = ""

    def __init__(self) -> None:
        self.budget_id: UUID | None = None
        self.hub_id: UUID | None = None
        self.year = 0
        self.line_code = ""
        self.amount = ZERO
        self.payee = ""
        self.purpose = ""
        self.voucher_sha256 = ""
        self.status = DisbursementStatus.REQUESTED
        self.request: Signoff | None = None
        self.approval: Signoff | None = None
        self.approval_note = ""
        self.rejection: Signoff | None = None
        self.rejection_reasons: list[str] = []
        self.payment: Signoff | None = None
        self.payment_reference = ""
        self.paid_on: date | None = None
        self.reversals: list[Reversal] = []

    @property
    def reversed_amount(self) -> Decimal:
        return sum((r.amount for r in self.reversals), ZERO)

    @property
    def net_paid(self) -> Decimal:
        """What the payee keeps: paid less reversals (zero until paid)."""
        return self.amount - self.reversed_amount if self.payment is not None else ZERO

    # --- commands ---------------------------------------------------------------------------

    @classmethod
    def request_from(
        cls,
        budget: Budget,
        *,
        disbursement_id: UUID,
        request: DisbursementRequest,
        meta: Envelope,
    ) -> Disbursement:
        """Request a disbursement and reserve its amount on ``budget`` (saved together)."""
        amount = parse_amount(request.amount)
        voucher = parse_voucher_digest(request.voucher_sha256)
        line = budget.line(request.line_code)
        approved = budget.approval.occurred_at if budget.approval is not None else None
        check_not_before(meta, approved, "the budget's approval")
        check_requested_in(budget.year, business_date(meta))
        disbursement = cls._create(
            cls.Requested,
            id=disbursement_id,
            budget_id=budget.id,
            hub_id=budget.hub_id,
            year=budget.year,
            line_code=line.code,
            amount=amount,
            payee=require_text(request.payee, "payee"),
            purpose=require_text(request.purpose, "purpose"),
            voucher_sha256=voucher,
            meta=meta,
        )
        budget.commit_funds(
            disbursement_id=disbursement_id,
            line_code=line.code,
            amount=amount,
            voucher_sha256=voucher,
            meta=meta,
        )
        return disbursement

    def approve(self, note: str, meta: Envelope) -> None:
        """The bureau approves; never the principal that requested it."""
        self._check_status("approved", DisbursementStatus.REQUESTED)
        self._check_after_last_step(meta)
        if self.request is not None and meta.actor == self.request.actor:
            raise SegregationOfDutiesError(
                f"{meta.actor} requested this disbursement and may not approve it too; another "
                "principal of the bureau approves it.",
                actor=meta.actor,
            )
        self.trigger_event(self.Approved, note=note.strip(), meta=meta)

    def carry_over(self, until: date, reason: str, meta: Envelope) -> None:
        """The bureau carries a reservation not yet paid over into the next year."""
        self._check_status(
            "carried over", DisbursementStatus.REQUESTED, DisbursementStatus.APPROVED
        )
        self._check_after_last_step(meta)
        check_carry_over(self.year, until, reason)
        self.trigger_event(self.CarriedOver, until=until, reason=reason.strip(), meta=meta)

    def reject(self, budget: Budget, reasons: list[str], meta: Envelope) -> None:
        """The bureau refuses (or withdraws its approval before payment); the line gets the
        reserved amount back."""
        self._check_status("rejected", DisbursementStatus.REQUESTED, DisbursementStatus.APPROVED)
        self._check_after_last_step(meta)
        kept = [r.strip() for r in reasons if r.strip()]
        if not kept:
            raise BlankFieldError("A rejection gives at least one reason.", field="reasons")
        self.trigger_event(self.Rejected, reasons=kept, meta=meta)
        budget.release_commitment(self.id, meta)

    def pay(self, budget: Budget, payment_reference: str, paid_on: date, meta: Envelope) -> None:
        """The hub records the payment of an approved disbursement, in full."""
        self._check_status("paid", DisbursementStatus.APPROVED)
        self._check_after_last_step(meta)
        if meta.platform_id != self.hub_id:
            raise NotBudgetHolderError("The hub that requested a disbursement records its payment.")
        reference = require_text(payment_reference, "payment_reference")
        approved_on = self.approval.occurred_at.astimezone(CST).date() if self.approval else None
        recorded_on = meta.occurred_at.astimezone(CST).date()
        if approved_on is not None and paid_on < approved_on:
            raise PaymentDateError(
                f"paid_on {paid_on} is before the disbursement was approved ({approved_on}); "
                "nothing is paid before its approval.",
                approved_on=approved_on.isoformat(),
            )
        if paid_on > recorded_on:
            raise PaymentDateError(
                f"paid_on {paid_on} is after the day the payment is recorded ({recorded_on}); "
                "record a payment once it is made.",
            )
        check_payable(self.year, paid_on, self.carried_until)
        self.trigger_event(self.Paid, payment_reference=reference, paid_on=paid_on, meta=meta)
        budget.pay_commitment(self.id, meta)

    def reverse(
        self,
        budget: Budget,
        *,
        kind: ReversalKind,
        amount: Decimal | str,
        reason: str,
        meta: Envelope,
    ) -> None:
        """Money back from a paid disbursement, in part or in full: a refund the line may use
        again, a clawback that returns to the fund (the line gets it only by an adjustment)."""
        self._check_status("reversed", DisbursementStatus.PAID)
        self._check_after_last_step(meta)
        by_hub = meta.platform_id == self.hub_id
        if kind is ReversalKind.REFUND and not by_hub:
            raise WrongReversalPartyError(
                "A refund is money the payee returned to the hub; the hub records it.",
                kind=kind.value,
            )
        if kind is ReversalKind.CLAWBACK and by_hub:
            raise WrongReversalPartyError(
                "A clawback is the bureau's recovery of misused funds; the bureau records it.",
                kind=kind.value,
            )
        value = parse_amount(amount)
        still_paid = self.amount - self.reversed_amount
        if value > still_paid:
            raise ReversalExceedsPaidError(
                f"{self.amount} was paid and {self.reversed_amount} already reversed; at most "
                f"{still_paid} can be reversed, not {value}.",
                still_paid=str(still_paid),
            )
        self.trigger_event(
            self.Reversed,
            kind=kind.value,
            amount=value,
            reason=require_text(reason, "reason"),
            meta=meta,
        )
        budget.reverse_payment(self.id, value, meta, recovered=kind is ReversalKind.CLAWBACK)

    def _check_after_last_step(self, meta: Envelope) -> None:
        signoffs = [self.request, self.approval, self.rejection, self.payment]
        signoffs += [r.signoff for r in self.reversals]
        times = [s.occurred_at for s in signoffs if s is not None]
        check_not_before(meta, max(times, default=None), "the disbursement's previous step")

    def _check_status(self, done: str, *allowed: DisbursementStatus) -> None:
        if self.status not in allowed:
            expected = " or ".join(s.value for s in allowed)
            raise DisbursementOutOfOrderError(
                f"Only a disbursement that is {expected} can be {done}; this one is {self.status}.",
                status=self.status.value,
            )
