"""The hub's annual operating budget (年度运维费用预算), Art. 7 and 16 of the Ningxia Measures.

The hub proposes its budget for a year as lines (code, expense category, description, amount);
the bureau approves it line by line (核拨), possibly less than proposed and possibly nothing for
a line, and may later adjust a line's approved amount up or down. Disbursements are requested
against approved lines (:mod:`ledger.domain.disbursement`). Why: docs/domain.md ("Budgets").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AdjustmentBelowUsedError,
    BudgetNotApprovedError,
    BudgetNotProposedError,
    CommitmentNotFoundError,
    InvalidBudgetYearError,
    NotBudgetHolderError,
    OverCommitmentError,
    UnknownBudgetLineError,
    VoucherAlreadyUsedError,
)
from ledger.domain.funds import (
    ZERO,
    BudgetLine,
    Commitment,
    LineDecision,
    LineProposal,
    Signoff,
    checked_lines,
    decided_amounts,
    lines_from,
    occurred_at_of,
    require_text,
    signoff_of,
    totals_of,
)
from ledger.domain.time import CST, check_not_before
from ledger.domain.values import parse_amount

# The Measures took effect on 6 March 2018: no budget under them is older.
FIRST_BUDGET_YEAR = 2018


class BudgetStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"


class Budget(LedgerAggregate):
    """One hub's operating budget for one year, and the money on each of its lines.

    Proposed by the hub (and revised by it while proposed) → approved by the bureau line by line
    → adjusted by the bureau, never below what a line already uses. Disbursements commit, release,
    pay and reverse amounts on its lines (see the module docstring for the invariant).
    """

    class Proposed(LedgerAggregate.Created):
        hub_id: UUID
        year: int
        lines: list[dict[str, Any]]

        def apply(self, aggregate: Budget) -> None:
            aggregate.hub_id = self.hub_id
            aggregate.year = self.year
            aggregate.lines = lines_from(self.lines)
            aggregate.status = BudgetStatus.PROPOSED
            aggregate.proposal = signoff_of(self)

    class Revised(LedgerAggregate.Event):
        lines: list[dict[str, Any]]

        def apply(self, aggregate: Budget) -> None:
            aggregate.lines = lines_from(self.lines)
            aggregate.proposal = signoff_of(self)

    class Approved(LedgerAggregate.Event):
        approved_amounts: dict[str, Decimal]
        note: str

        def apply(self, aggregate: Budget) -> None:
            aggregate.lines = {
                code: replace(line, approved=self.approved_amounts[code])
                for code, line in aggregate.lines.items()
            }
            aggregate.status = BudgetStatus.APPROVED
            aggregate.approval = signoff_of(self)
            aggregate.approval_note = self.note

    class LineAdjusted(LedgerAggregate.Event):
        line_code: str
        approved_amount: Decimal
        reason: str

        def apply(self, aggregate: Budget) -> None:
            line = aggregate.lines[self.line_code]
            aggregate._put(replace(line, approved=self.approved_amount))

    class FundsCommitted(LedgerAggregate.Event):
        disbursement_id: UUID
        line_code: str
        amount: Decimal
        voucher_sha256: str

        def apply(self, aggregate: Budget) -> None:
            line = aggregate.lines[self.line_code]
            aggregate._put(replace(line, committed=line.committed + self.amount))
            aggregate.open_commitments[self.disbursement_id] = Commitment(
                self.line_code, self.amount, self.voucher_sha256
            )
            aggregate.disbursement_ids = [*aggregate.disbursement_ids, self.disbursement_id]

    class CommitmentReleased(LedgerAggregate.Event):
        disbursement_id: UUID
        line_code: str
        amount: Decimal

        def apply(self, aggregate: Budget) -> None:
            line = aggregate.lines[self.line_code]
            aggregate._put(replace(line, committed=line.committed - self.amount))
            del aggregate.open_commitments[self.disbursement_id]

    class CommitmentPaid(LedgerAggregate.Event):
        disbursement_id: UUID
        line_code: str
        amount: Decimal

        def apply(self, aggregate: Budget) -> None:
            line = aggregate.lines[self.line_code]
            aggregate._put(
                replace(line, committed=line.committed - self.amount, paid=line.paid + self.amount)
            )
            commitment = aggregate.open_commitments.pop(self.disbursement_id)
            aggregate.settled_commitments[self.disbursement_id] = commitment

    class PaymentReversed(LedgerAggregate.Event):
        disbursement_id: UUID
        line_code: str
        amount: Decimal

        def apply(self, aggregate: Budget) -> None:
            line = aggregate.lines[self.line_code]
            aggregate._put(replace(line, reversed=line.reversed + self.amount))
            aggregate._unsettle(self.disbursement_id, self.amount)

    class PaymentRecovered(LedgerAggregate.Event):
        """A clawback: the money returns to the fund, and the line does not get it back."""

        disbursement_id: UUID
        line_code: str
        amount: Decimal

        def apply(self, aggregate: Budget) -> None:
            line = aggregate.lines[self.line_code]
            aggregate._put(
                replace(
                    line,
                    reversed=line.reversed + self.amount,
                    recovered=line.recovered + self.amount,
                )
            )
            aggregate._unsettle(self.disbursement_id, self.amount)

    def __init__(self) -> None:
        self.hub_id: UUID | None = None
        self.year = 0
        self.status = BudgetStatus.PROPOSED
        self.lines: dict[str, BudgetLine] = {}
        self.proposal: Signoff | None = None
        self.approval: Signoff | None = None
        self.approval_note = ""
        self.open_commitments: dict[UUID, Commitment] = {}
        """Requested or approved disbursements, not yet paid or rejected."""
        self.settled_commitments: dict[UUID, Commitment] = {}
        """Paid disbursements; ``amount`` is what is still paid after reversals."""
        self.disbursement_ids: list[UUID] = []
        """Every disbursement requested against this budget, rejected ones too, in order."""

    # --- the hub proposes, the bureau approves and adjusts -------------------------------

    @classmethod
    def propose(
        cls, *, hub_id: UUID, year: int, lines: Sequence[LineProposal], meta: Envelope
    ) -> Budget:
        """The hub's proposal for ``year``; the hub is the platform the key acts for."""
        if meta.platform_id != hub_id:
            raise NotBudgetHolderError("A hub proposes a budget only for itself.")
        latest = meta.occurred_at.astimezone(CST).year + 1
        if not FIRST_BUDGET_YEAR <= year <= latest:
            raise InvalidBudgetYearError(
                f"A budget is proposed for a year from {FIRST_BUDGET_YEAR} (when the Measures "
                f"took effect) to next year ({latest}); got {year}.",
                year=year,
            )
        return cls._create(
            cls.Proposed,
            id=ids.budget_id(hub_id, year),
            hub_id=hub_id,
            year=year,
            lines=checked_lines(lines),
            meta=meta,
        )

    def revise(self, lines: Sequence[LineProposal], meta: Envelope) -> None:
        """Replace every line of the proposal (only while it is still proposed)."""
        self._check_holder(meta)
        self._check_proposed("revised")
        check_not_before(meta, occurred_at_of(self.proposal), "the budget's proposal")
        self.trigger_event(self.Revised, lines=checked_lines(lines), meta=meta)

    def approve(self, decisions: Sequence[LineDecision], note: str, meta: Envelope) -> None:
        """The bureau decides every line once: at most the proposed amount, zero to refuse it."""
        self._check_proposed("approved")
        check_not_before(meta, occurred_at_of(self.proposal), "the budget's proposal")
        amounts = decided_amounts(self.lines, decisions, self.line)
        self.trigger_event(
            self.Approved,
            approved_amounts=amounts,
            note=note.strip(),
            meta=meta,
        )

    def adjust_line(
        self, line_code: str, approved_amount: Decimal | str, reason: str, meta: Envelope
    ) -> None:
        """The bureau changes a line's approved amount, up or down, never below what it uses.

        Up may go above the proposed amount: a later adjustment is the bureau's own decision.
        """
        if self.status is not BudgetStatus.APPROVED:
            raise BudgetNotApprovedError(
                "A line is adjusted after the budget is approved; approve it first.",
                status=self.status.value,
            )
        check_not_before(meta, occurred_at_of(self.approval), "the budget's approval")
        line = self.line(line_code)
        amount = parse_amount(approved_amount, allow_zero=True)
        if amount < line.used:
            raise AdjustmentBelowUsedError(
                f"Line {line.code} already uses {line.used} ({line.breakdown}); its approved "
                f"amount cannot go below that, so {amount} is refused. Reject open disbursements "
                "first if needed.",
                line_code=line.code,
                used=str(line.used),
            )
        self.trigger_event(
            self.LineAdjusted,
            line_code=line.code,
            approved_amount=amount,
            reason=require_text(reason, "reason"),
            meta=meta,
        )

    # --- money on the lines, moved by disbursements --------------------------------------

    def commit_funds(
        self,
        *,
        disbursement_id: UUID,
        line_code: str,
        amount: Decimal,
        voucher_sha256: str,
        meta: Envelope,
    ) -> None:
        """Reserve ``amount`` on a line for a requested disbursement, or refuse it."""
        self._check_holder(meta)
        if self.status is not BudgetStatus.APPROVED:
            raise BudgetNotApprovedError(
                f"The {self.year} budget is not approved yet; disbursements are requested "
                "against approved lines.",
                status=self.status.value,
            )
        line = self.line(line_code)
        in_use = self._voucher_user(voucher_sha256)
        if in_use is not None:
            raise VoucherAlreadyUsedError(
                f"Voucher {voucher_sha256} already backs disbursement {in_use}; one voucher "
                "pays once. A rejected disbursement's voucher may be used again.",
                disbursement_id=str(in_use),
            )
        remaining = line.remaining or ZERO
        if amount > remaining:
            raise OverCommitmentError(
                f"Line {line.code} has {remaining} remaining of {line.approved} approved "
                f"({line.breakdown}); {amount} does not fit. Ask the bureau to adjust the line, "
                "or request less.",
                line_code=line.code,
                remaining=str(remaining),
            )
        self.trigger_event(
            self.FundsCommitted,
            disbursement_id=disbursement_id,
            line_code=line.code,
            amount=amount,
            voucher_sha256=voucher_sha256,
            meta=meta,
        )

    def release_commitment(self, disbursement_id: UUID, meta: Envelope) -> None:
        """Give back what a rejected disbursement reserved."""
        commitment = self._open(disbursement_id)
        self.trigger_event(
            self.CommitmentReleased,
            disbursement_id=disbursement_id,
            line_code=commitment.line_code,
            amount=commitment.amount,
            meta=meta,
        )

    def pay_commitment(self, disbursement_id: UUID, meta: Envelope) -> None:
        """Move what a disbursement reserved from committed to paid."""
        commitment = self._open(disbursement_id)
        self.trigger_event(
            self.CommitmentPaid,
            disbursement_id=disbursement_id,
            line_code=commitment.line_code,
            amount=commitment.amount,
            meta=meta,
        )

    def reverse_payment(
        self, disbursement_id: UUID, amount: Decimal, meta: Envelope, *, recovered: bool = False
    ) -> None:
        """Record money returned from a paid disbursement: a refund the line may use again, or
        a ``recovered`` clawback that returns to the fund (re-allocated only by an adjustment)."""
        settled = self.settled_commitments.get(disbursement_id)
        if settled is None or amount > settled.amount:
            raise CommitmentNotFoundError(
                f"This budget holds no payment of {amount} for disbursement {disbursement_id}.",
                disbursement_id=str(disbursement_id),
            )
        self.trigger_event(
            self.PaymentRecovered if recovered else self.PaymentReversed,
            disbursement_id=disbursement_id,
            line_code=settled.line_code,
            amount=amount,
            meta=meta,
        )

    # --- reading ---------------------------------------------------------------------------

    def line(self, code: str) -> BudgetLine:
        """The line ``code`` (case-insensitive), or :class:`UnknownBudgetLineError`."""
        line = self.lines.get(code.strip().upper())
        if line is None:
            raise UnknownBudgetLineError(
                f"The {self.year} budget has no line {code!r}; its lines are "
                f"{', '.join(self.lines)}.",
                line_code=code,
            )
        return line

    def totals(self) -> dict[str, Decimal | None]:
        """The sums over all lines; approved and remaining are ``None`` until approval."""
        return totals_of(self.lines.values(), approved=self.status is BudgetStatus.APPROVED)

    # --- internals -------------------------------------------------------------------------

    def _put(self, line: BudgetLine) -> None:
        self.lines = {**self.lines, line.code: line}

    def _unsettle(self, disbursement_id: UUID, amount: Decimal) -> None:
        settled = self.settled_commitments[disbursement_id]
        self.settled_commitments[disbursement_id] = replace(settled, amount=settled.amount - amount)

    def _open(self, disbursement_id: UUID) -> Commitment:
        commitment = self.open_commitments.get(disbursement_id)
        if commitment is None:
            raise CommitmentNotFoundError(
                f"This budget holds no open reservation for disbursement {disbursement_id}.",
                disbursement_id=str(disbursement_id),
            )
        return commitment

    def _voucher_user(self, voucher_sha256: str) -> UUID | None:
        held = (*self.open_commitments.items(), *self.settled_commitments.items())
        return next((d for d, c in held if c.voucher_sha256 == voucher_sha256), None)

    def _check_holder(self, meta: Envelope) -> None:
        if meta.platform_id != self.hub_id:
            raise NotBudgetHolderError("Only the hub that proposed this budget may do that.")

    def _check_proposed(self, done: str) -> None:
        if self.status is not BudgetStatus.PROPOSED:
            raise BudgetNotProposedError(
                f"This budget is {self.status} and can no longer be {done}; ask the bureau to "
                "adjust a line instead.",
                status=self.status.value,
            )
