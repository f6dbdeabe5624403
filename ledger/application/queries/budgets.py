"""Budgets and the disbursements requested against them, as lists."""

from __future__ import annotations

from uuid import UUID

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement
from ledger.domain.errors import BudgetNotFoundError, DisbursementNotFoundError


def list_budgets(
    ledger: LedgerCore,
    directory: Directory,
    page: Page = WHOLE,
    *,
    year: int | None = None,
    hub_id: UUID | None = None,
) -> Listed[Budget]:
    """Every budget (of ``year``, of ``hub_id``), in the order they were proposed."""
    return listed(
        ledger, directory, "budget", Budget, BudgetNotFoundError, page, year=year, party_a=hub_id
    )


def list_disbursements(ledger: LedgerCore, budget_id: UUID) -> list[Disbursement]:
    """Every disbursement requested against a budget, in the order requested."""
    budget = ledger.load(budget_id, Budget, BudgetNotFoundError, "budget")
    return [
        ledger.load(d, Disbursement, DisbursementNotFoundError, "disbursement")
        for d in budget.disbursement_ids
    ]


def disbursement_status(ledger: LedgerCore, disbursement_id: UUID) -> str:
    """The status ``GET /v1/disbursements/{id}`` shows (for a reconciliation against a view)."""
    disbursement = ledger.load(
        disbursement_id, Disbursement, DisbursementNotFoundError, "disbursement"
    )
    return disbursement.status.value
