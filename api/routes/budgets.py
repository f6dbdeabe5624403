"""Budgets: the hub proposes (and revises) its annual budget; the bureau approves and adjusts it.

The hub, the bureau and auditors read budgets; a hub only its own. Windows and institutions have
no part in the operating budget and are refused every route (403).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.deps import Ledger, require
from api.paging import Paging, paged
from api.resources import add_read_routes
from api.schemas.budgets import BudgetApproval, BudgetProposal, BudgetRevision, LineAdjustment
from api.shapes import ShapedRoute
from api.views import Listing
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.budgets import Budgets
from ledger.application.interface.budgets import BudgetList, BudgetView, budget_view
from ledger.application.queries.budgets import list_budgets as budgets_of
from ledger.domain.access_key import Role
from ledger.domain.time import CST

router = APIRouter(route_class=ShapedRoute, prefix="/v1/budgets", tags=["budgets"])

Proposing = Annotated[Writer, creating(Role.HUB)]
HubStep = Annotated[Writer, stepping(Role.HUB)]
BureauStep = Annotated[Writer, stepping(Role.BUREAU)]
Reader = Annotated[Principal, require(Role.HUB, Role.BUREAU, Role.AUDITOR)]
routes = CommandRoutes(router, "budget_id", shows=BudgetView)


routes.create("propose", BudgetProposal, Proposing, "Propose the hub's budget for a year")
routes.step(
    "/lines",
    "revise",
    BudgetRevision,
    HubStep,
    "Revise the proposed lines (replaces them all; only while proposed)",
)
routes.step("/approval", "approve", BudgetApproval, BureauStep, "Approve the budget line by line")
routes.step(
    "/adjustments",
    "adjust",
    LineAdjustment,
    BureauStep,
    "Adjust one line's approved amount, up or down (never below what it uses)",
)


@router.get(
    "",
    summary="Budgets (of a year), in the order they were proposed",
    response_model=BudgetList,
)
def list_budgets(
    principal: Reader,
    ledger: Ledger,
    directory: Listing,
    year: Annotated[int | None, Query(ge=2018, le=2100, description="Only this year")] = None,
    *,
    page: Paging,
    request: Request,
) -> Response:
    hub_id = principal.platform_id if principal.role is Role.HUB else None
    found = budgets_of(ledger, directory, page, year=year, hub_id=hub_id)
    today = ledger.clock().astimezone(CST).date()
    return paged(request, {"budgets": [budget_view(b, today) for b in found]}, found)


add_read_routes(router, Budgets, readers=(Role.HUB, Role.BUREAU, Role.AUDITOR), shows=BudgetView)
