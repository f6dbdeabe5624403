"""Plain views of budgets (the money on each line) and disbursements (their trail)."""

from __future__ import annotations

from datetime import date
from typing import Literal, NotRequired

from typing_extensions import TypedDict

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement, Reversal
from ledger.domain.funds import ZERO, BudgetLine, Signoff

BudgetStatusName = Literal["proposed", "approved"]
"""The values of :class:`ledger.domain.budget.BudgetStatus`."""
ExpenseCategoryName = Literal[
    "platform_operation", "service_purchase", "activities", "training", "equipment", "other"
]
"""The values of :class:`ledger.domain.funds.ExpenseCategory`."""
DisbursementStatusName = Literal["requested", "approved", "rejected", "paid", "reversed"]
"""The values of :class:`ledger.domain.disbursement.DisbursementStatus`."""
ReversalKindName = Literal["refund", "clawback"]
"""The values of :class:`ledger.domain.disbursement.ReversalKind`."""


class SignoffView(TypedDict):
    """Who signed off a step (``by``, an actor), when it happened (business time ``at``) and
    when it was recorded (``recorded_at``)."""

    by: str
    at: str
    recorded_at: str


class ApprovalSignoff(SignoffView):
    """The approval of a disbursement, with the approver's note."""

    note: str


class RejectionSignoff(SignoffView):
    """The rejection of a disbursement, with its reasons."""

    reasons: list[str]


class PaymentSignoff(SignoffView):
    """The payment of a disbursement: the bank's reference and the day it was paid."""

    reference: str
    paid_on: str


class ReversalSignoff(SignoffView):
    """A refund (hub) or clawback (bureau) of a paid disbursement, in part or in full."""

    kind: ReversalKindName
    amount: str
    reason: str


class BudgetMoney(TypedDict):
    """The money of a line (or of the whole budget), as decimal strings; ``approved`` and
    ``remaining`` are ``null`` until the bureau approves the budget."""

    proposed: str
    approved: str | None
    committed: str
    """Reserved by disbursements requested or approved, not yet paid."""
    paid: str
    reversed: str
    """Returned from paid disbursements: refunds and clawbacks."""
    recovered: str
    """The clawbacks among ``reversed``: returned to the fund, not to the line."""
    remaining: str | None
    """``approved - committed - paid + reversed - recovered``."""


class BudgetLineView(BudgetMoney):
    """One line of a budget: what it pays for and the money on it."""

    code: str
    category: ExpenseCategoryName
    description: str
    lapsed: NotRequired[str]
    """Present once the budget's year has ended: the remaining no longer spent."""


class YearEnd(TypedDict, total=False):
    """What an approved budget also says once its year has ended (read on a later day)."""

    year_ended: bool
    """True: the year has ended."""
    lapsed: str
    """The total remaining, no longer spent."""


class BudgetView(Resource, YearEnd):
    """The hub's operating budget for a year, line by line and in total (and, read after its
    year, what lapsed)."""

    hub_id: str
    year: int
    status: BudgetStatusName
    lines: list[BudgetLineView]
    totals: BudgetMoney
    proposal: SignoffView
    approval: SignoffView | None
    approval_note: str
    open_disbursements: int
    """How many disbursements still hold a reservation on the budget's lines."""


class BudgetList(PageFields):
    """The budgets a key may see, in the order they were proposed."""

    budgets: list[BudgetView]


class CarryOver(TypedDict, total=False):
    """Shown once a disbursement was carried over into the next year (结转)."""

    carried_over_until: str
    """Payable until this day of the next year."""
    carry_over_reason: str


class DisbursementView(Resource, CarryOver):
    """A disbursement and its trail: who requested, approved or rejected, paid and reversed
    it, and when (and, once carried over into the next year, until when it is payable)."""

    budget_id: str
    hub_id: str
    year: int
    line_code: str
    amount: str
    payee: str
    purpose: str
    voucher_sha256: str
    status: DisbursementStatusName
    request: SignoffView
    approval: ApprovalSignoff | None
    rejection: RejectionSignoff | None
    payment: PaymentSignoff | None
    reversals: list[ReversalSignoff]
    reversed_amount: str
    net_paid: str


class DisbursementList(TypedDict):
    """The disbursements of a budget, in the order they were requested."""

    disbursements: list[DisbursementView]


def _signoff(signoff: Signoff | None) -> SignoffView:
    """Who and when (business time ``at``, record time ``recorded_at``)."""
    if signoff is None:
        # Only for the step that creates the aggregate, whose event always sets it.
        msg = "No signoff of a step the aggregate was created with"
        raise TypeError(msg)
    return {
        "by": signoff.actor,
        "at": signoff.occurred_at.isoformat(),
        "recorded_at": signoff.recorded_at.isoformat(),
    }


def _line_view(line: BudgetLine, ended: bool) -> BudgetLineView:
    view: BudgetLineView = {
        "code": line.code,
        "category": plain(line.category),
        "description": line.description,
        "proposed": str(line.proposed),
        "approved": plain(line.approved),
        "committed": str(line.committed),
        "paid": str(line.paid),
        "reversed": str(line.reversed),
        "recovered": str(line.recovered),
        "remaining": plain(line.remaining),
    }
    if ended:
        view["lapsed"] = str(max(line.remaining or ZERO, ZERO))
    return view


def _totals(budget: Budget) -> BudgetMoney:
    totals = budget.totals()
    return {
        "proposed": plain(totals["proposed"]),
        "approved": plain(totals["approved"]),
        "committed": plain(totals["committed"]),
        "paid": plain(totals["paid"]),
        "reversed": plain(totals["reversed"]),
        "recovered": plain(totals["recovered"]),
        "remaining": plain(totals["remaining"]),
    }


def budget_view(budget: Budget, on: date | None = None) -> BudgetView:
    """A budget with, per line and in total: proposed, approved, committed, paid, reversed
    (refunds and clawbacks), recovered (the clawbacks, returned to the fund) and remaining
    (``approved - committed - paid + reversed - recovered``; ``None`` until approval).

    Read ``on`` a day after its year, an approved budget also says what lapsed: the remaining
    of each line and in total is no longer spent (``ledger.domain.budget_year``)."""
    ended = on is not None and on > date(budget.year, 12, 31) and budget.approval is not None
    lapsed = sum((max(line.remaining or ZERO, ZERO) for line in budget.lines.values()), ZERO)
    year_end: YearEnd = {"year_ended": True, "lapsed": str(lapsed)} if ended else {}
    return {
        **common(budget),
        "hub_id": plain(budget.hub_id),
        "year": budget.year,
        "status": plain(budget.status),
        "lines": [_line_view(line, ended) for line in budget.lines.values()],
        "totals": _totals(budget),
        "proposal": _signoff(budget.proposal),
        "approval": None if budget.approval is None else _signoff(budget.approval),
        "approval_note": budget.approval_note,
        "open_disbursements": len(budget.open_commitments),
        **year_end,
    }


def _reversal(reversal: Reversal) -> ReversalSignoff:
    return {
        **_signoff(reversal.signoff),
        "kind": plain(reversal.kind),
        "amount": str(reversal.amount),
        "reason": reversal.reason,
    }


def disbursement_view(disbursement: Disbursement) -> DisbursementView:
    """A disbursement and its trail: who requested, approved or rejected, paid and reversed it,
    and when (business time ``at`` and ``recorded_at``)."""
    d = disbursement
    # Shown once carried over into the next year (结转): payable until that day.
    carry_over: CarryOver = (
        {}
        if d.carried_until is None
        else {
            "carried_over_until": d.carried_until.isoformat(),
            "carry_over_reason": d.carry_over_reason,
        }
    )
    return {
        **common(d),
        "budget_id": plain(d.budget_id),
        "hub_id": plain(d.hub_id),
        "year": d.year,
        "line_code": d.line_code,
        "amount": str(d.amount),
        "payee": d.payee,
        "purpose": d.purpose,
        "voucher_sha256": d.voucher_sha256,
        "status": plain(d.status),
        "request": _signoff(d.request),
        "approval": None
        if d.approval is None
        else {**_signoff(d.approval), "note": d.approval_note},
        "rejection": None
        if d.rejection is None
        else {**_signoff(d.rejection), "reasons": list(d.rejection_reasons)},
        "payment": None
        if d.payment is None
        else {
            **_signoff(d.payment),
            "reference": d.payment_reference,
            "paid_on": plain(d.paid_on),
        },
        "reversals": [_reversal(r) for r in d.reversals],
        "reversed_amount": str(d.reversed_amount),
        "net_paid": str(d.net_paid),
        **carry_over,
    }
