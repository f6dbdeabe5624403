"""Budgets and the disbursements requested against them, as lists."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.store import LedgerCore
from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement
from ledger.domain.errors import BudgetNotFoundError, DisbursementNotFoundError


def list_budgets(
    ledger: LedgerCore, *, year: int | None = None, hub_id: UUID | None = None
) -> list[Budget]:
    """Every budget (of ``year``, of ``hub_id``), in the order they were proposed.

    Found through the log by event type: there is one budget per hub and year, so the scan
    stays small; a projection takes over if it ever does not.
    """
    topic = get_topic(Budget.Proposed)
    budget_ids = [cast(UUID, n.originator_id) for n in ledger.scan(topics=[topic])]
    budgets = [ledger.load(b, Budget, BudgetNotFoundError, "budget") for b in budget_ids]
    return [
        b
        for b in budgets
        if (year is None or b.year == year) and (hub_id is None or b.hub_id == hub_id)
    ]


def list_disbursements(ledger: LedgerCore, budget_id: UUID) -> list[Disbursement]:
    """Every disbursement requested against a budget, in the order requested."""
    budget = ledger.load(budget_id, Budget, BudgetNotFoundError, "budget")
    return [
        ledger.load(d, Disbursement, DisbursementNotFoundError, "disbursement")
        for d in budget.disbursement_ids
    ]
