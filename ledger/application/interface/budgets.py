"""Plain views of budgets (the money on each line) and disbursements (their trail)."""

from __future__ import annotations

from datetime import date

from ledger.application.interface import JSON, common, plain
from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement
from ledger.domain.funds import ZERO, BudgetLine, Signoff


def _signoff(signoff: Signoff | None, **details: object) -> JSON | None:
    """Who and when (business time ``at``, record time ``recorded_at``), with the details."""
    if signoff is None:
        return None
    return {
        "by": signoff.actor,
        "at": signoff.occurred_at.isoformat(),
        "recorded_at": signoff.recorded_at.isoformat(),
        **{k: plain(v) for k, v in details.items()},
    }


def _line_view(line: BudgetLine, ended: bool) -> JSON:
    return {
        "code": line.code,
        "category": line.category.value,
        "description": line.description,
        "proposed": str(line.proposed),
        "approved": plain(line.approved),
        "committed": str(line.committed),
        "paid": str(line.paid),
        "reversed": str(line.reversed),
        "recovered": str(line.recovered),
        "remaining": plain(line.remaining),
        **({"lapsed": str(max(line.remaining or ZERO, ZERO))} if ended else {}),
    }


def budget_view(budget: Budget, on: date | None = None) -> JSON:
    """A budget with, per line and in total: proposed, approved, committed, paid, reversed
    (refunds and clawbacks), recovered (the clawbacks, returned to the fund) and remaining
    (``approved - committed - paid + reversed - recovered``; ``None`` until approval).

    Read ``on`` a day after its year, an approved budget also says what lapsed: the remaining
    of each line and in total is no longer spent (``ledger.domain.budget_year``)."""
    ended = on is not None and on > date(budget.year, 12, 31) and budget.approval is not None
    lapsed = sum((max(line.remaining or ZERO, ZERO) for line in budget.lines.values()), ZERO)
    return {
        **common(budget),
        "hub_id": plain(budget.hub_id),
        "year": budget.year,
        "status": budget.status.value,
        "lines": [_line_view(line, ended) for line in budget.lines.values()],
        "totals": plain(budget.totals()),
        "proposal": _signoff(budget.proposal),
        "approval": _signoff(budget.approval),
        "approval_note": budget.approval_note,
        "open_disbursements": len(budget.open_commitments),
        **({"year_ended": True, "lapsed": str(lapsed)} if ended else {}),
    }


def disbursement_view(disbursement: Disbursement) -> JSON:
    """A disbursement and its trail: who requested, approved or rejected, paid and reversed it,
    and when (business time ``at`` and ``recorded_at``)."""
    return {
        **common(disbursement),
        "budget_id": plain(disbursement.budget_id),
        "hub_id": plain(disbursement.hub_id),
        "year": disbursement.year,
        "line_code": disbursement.line_code,
        "amount": str(disbursement.amount),
        "payee": disbursement.payee,
        "purpose": disbursement.purpose,
        "voucher_sha256": disbursement.voucher_sha256,
        "status": disbursement.status.value,
        "request": _signoff(disbursement.request),
        "approval": _signoff(disbursement.approval, note=disbursement.approval_note),
        "rejection": _signoff(disbursement.rejection, reasons=disbursement.rejection_reasons),
        "payment": _signoff(
            disbursement.payment,
            reference=disbursement.payment_reference,
            paid_on=disbursement.paid_on,
        ),
        "reversals": [
            _signoff(r.signoff, kind=r.kind, amount=r.amount, reason=r.reason)
            for r in disbursement.reversals
        ],
        "reversed_amount": str(disbursement.reversed_amount),
        "net_paid": str(disbursement.net_paid),
        # Shown once carried over into the next year (结转): payable until that day.
        **(
            {
                "carried_over_until": disbursement.carried_until.isoformat(),
                "carry_over_reason": disbursement.carry_over_reason,
            }
            if disbursement.carried_until is not None
            else {}
        ),
    }
