"""Disbursements: the hub requests and pays, the bureau approves or rejects; both may reverse.

Who records what (the reasons are in :mod:`ledger.domain.disbursement`): the hub requests, records
the payment it made and any refund it received; the bureau approves, rejects and records
clawbacks. The hub, the bureau and auditors read disbursements; a hub only its own. Windows and
institutions are refused every route (403).
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response

from api.deps import Ledger, require, require_json
from api.resources import add_read_routes
from api.responses import json_response
from api.schemas.budgets import (
    DisbursementApproval,
    DisbursementRejection,
    DisbursementRequestBody,
    PaymentBody,
    ReversalBody,
)
from api.writers import Writer, creating, stepping
from ledger.application.context import Principal
from ledger.application.handlers.disbursements import Disbursements
from ledger.application.interface.budgets import disbursement_view
from ledger.application.queries.budgets import list_disbursements as disbursements_of
from ledger.domain.access_key import Role
from ledger.domain.budget import Budget

router = APIRouter(prefix="/v1/disbursements", tags=["disbursements"])

Requesting = Annotated[Writer, creating(Role.HUB)]
HubStep = Annotated[Writer, stepping(Role.HUB)]
BureauStep = Annotated[Writer, stepping(Role.BUREAU)]
EitherStep = Annotated[Writer, stepping(Role.HUB, Role.BUREAU)]
Reader = Annotated[Principal, require(Role.HUB, Role.BUREAU, Role.AUDITOR)]
JSON_ONLY = [Depends(require_json)]


@router.post(
    "",
    status_code=201,
    dependencies=JSON_ONLY,
    summary="Request a disbursement from a line of the hub's budget (reserves the amount)",
)
def request_disbursement(body: DisbursementRequestBody, write: Requesting) -> Response:
    return write(body.to_command(), body)


@router.post(
    "/{disbursement_id}/approval",
    dependencies=JSON_ONLY,
    summary="Approve a requested disbursement (not by the principal that requested it)",
)
def approve(disbursement_id: UUID, body: DisbursementApproval, write: BureauStep) -> Response:
    return write(body.to_command(disbursement_id), body)


@router.post(
    "/{disbursement_id}/rejection",
    dependencies=JSON_ONLY,
    summary="Reject a disbursement not yet paid (releases its reservation)",
)
def reject(disbursement_id: UUID, body: DisbursementRejection, write: BureauStep) -> Response:
    return write(body.to_command(disbursement_id), body)


@router.post(
    "/{disbursement_id}/payment",
    dependencies=JSON_ONLY,
    summary="Record the payment of an approved disbursement",
)
def pay(disbursement_id: UUID, body: PaymentBody, write: HubStep) -> Response:
    return write(body.to_command(disbursement_id), body)


@router.post(
    "/{disbursement_id}/reversal",
    dependencies=JSON_ONLY,
    summary="Reverse a paid disbursement in part or in full: refund (hub) or clawback (bureau)",
)
def reverse(disbursement_id: UUID, body: ReversalBody, write: EitherStep) -> Response:
    return write(body.to_command(disbursement_id), body)


@router.get("", summary="The disbursements of a budget, in the order they were requested")
def list_disbursements(
    principal: Reader,
    ledger: Ledger,
    budget_id: Annotated[UUID, Query(description="The budget they were requested against")],
) -> Response:
    ledger.read(Budget, budget_id, principal)  # one who may not read it is told it does not exist
    disbursements = disbursements_of(ledger, budget_id)
    return json_response({"disbursements": [disbursement_view(d) for d in disbursements]})


add_read_routes(router, Disbursements, readers=(Role.HUB, Role.BUREAU, Role.AUDITOR))
