"""Disbursements: the hub requests and pays, the bureau approves or rejects; both may reverse.

Who records what (the reasons are in :mod:`ledger.domain.disbursement`): the hub requests, records
the payment it made and any refund it received; the bureau approves, rejects and records
clawbacks. The hub, the bureau and auditors read disbursements; a hub only its own. Windows and
institutions are refused every route (403).
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response

from api.deps import Ledger, require
from api.resources import add_read_routes
from api.responses import json_response
from api.schemas.budgets import (
    CarryOverBody,
    DisbursementApproval,
    DisbursementRejection,
    DisbursementRequestBody,
    PaymentBody,
    ReversalBody,
)
from api.shapes import ShapedRoute
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.disbursements import Disbursements
from ledger.application.interface.budgets import (
    DisbursementList,
    DisbursementView,
    disbursement_view,
)
from ledger.application.queries.budgets import list_disbursements as disbursements_of
from ledger.domain.access_key import Role
from ledger.domain.budget import Budget

router = APIRouter(route_class=ShapedRoute, prefix="/v1/disbursements", tags=["disbursements"])

Requesting = Annotated[Writer, creating(Role.HUB)]
HubStep = Annotated[Writer, stepping(Role.HUB)]
BureauStep = Annotated[Writer, stepping(Role.BUREAU)]
EitherStep = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
Reader = Annotated[Principal, require(Role.HUB, Role.BUREAU, Role.AUDITOR)]
routes = CommandRoutes(router, "disbursement_id", shows=DisbursementView)


routes.create(
    "request_disbursement",
    DisbursementRequestBody,
    Requesting,
    "Request a disbursement from a line of the hub's budget (reserves the amount)",
)
routes.step(
    "/approval",
    "approve",
    DisbursementApproval,
    BureauStep,
    "Approve a requested disbursement (not by the principal that requested it)",
)
routes.step(
    "/rejection",
    "reject",
    DisbursementRejection,
    BureauStep,
    "Reject a disbursement not yet paid (releases its reservation)",
)
routes.step(
    "/payment", "pay", PaymentBody, HubStep, "Record the payment of an approved disbursement"
)
routes.step(
    "/carry-over",
    "carry_over",
    CarryOverBody,
    BureauStep,
    "Carry a reservation not yet paid over into the next year (结转), payable until a day of it",
)
routes.step(
    "/reversal",
    "reverse",
    ReversalBody,
    EitherStep,
    "Reverse a paid disbursement in part or in full: refund (hub) or clawback (bureau)",
)


@router.get(
    "",
    summary="The disbursements of a budget, in the order they were requested",
    responses={404: {"description": "No such budget (or not one this key may see)"}},
    response_model=DisbursementList,
)
def list_disbursements(
    principal: Reader,
    ledger: Ledger,
    budget_id: Annotated[UUID, Query(description="The budget they were requested against")],
) -> Response:
    ledger.read(Budget, budget_id, principal)  # one who may not read it is told it does not exist
    disbursements = disbursements_of(ledger, budget_id)
    answer: DisbursementList = {"disbursements": [disbursement_view(d) for d in disbursements]}
    return json_response(answer)


add_read_routes(
    router, Disbursements, readers=(Role.HUB, Role.BUREAU, Role.AUDITOR), shows=DisbursementView
)
