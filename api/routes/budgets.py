"""Budgets: the hub proposes (and revises) its annual budget; the bureau approves and adjusts it.

The hub, the bureau and auditors read budgets; a hub only its own. Windows and institutions have
no part in the operating budget and are refused every route (403).
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response

from api.deps import (
    IdempotencyKey,
    IfMatch,
    Ledger,
    RequestId,
    idempotency_request,
    parse_if_match,
    require,
    require_json,
)
from api.resources import add_legacy_read_routes
from api.responses import json_response, outcome_response
from api.schemas.budgets import (
    BudgetApproval,
    BudgetLineBody,
    BudgetProposal,
    BudgetRevision,
    LineAdjustment,
)
from ledger.application.context import Principal
from ledger.application.interface.budgets import budget_view
from ledger.domain.access_key import Role
from ledger.domain.budget import Budget
from ledger.domain.errors import BudgetNotFoundError
from ledger.domain.funds import LineDecision, LineProposal

router = APIRouter(prefix="/v1/budgets", tags=["budgets"])

Hub = Annotated[Principal, require(Role.HUB)]
Bureau = Annotated[Principal, require(Role.BUREAU)]
Reader = Annotated[Principal, require(Role.HUB, Role.BUREAU, Role.AUDITOR)]
JSON_ONLY = [Depends(require_json)]


def hub_sees_only_its_own(principal: Principal, budget_or_disbursement: Any) -> bool:
    """A hub reads only its own budgets and disbursements; the bureau and auditors read all."""
    return principal.role is not Role.HUB or budget_or_disbursement.hub_id == principal.platform_id


def _proposals(lines: list[BudgetLineBody]) -> list[LineProposal]:
    return [LineProposal(x.code, x.category.value, x.description, x.amount) for x in lines]


@router.post(
    "", status_code=201, dependencies=JSON_ONLY, summary="Propose the hub's budget for a year"
)
def propose(
    body: BudgetProposal,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    outcome = ledger.propose_budget(
        year=body.year,
        lines=_proposals(body.lines),
        meta=principal.envelope(request_id, ledger.clock()),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", "/v1/budgets", body.canonical()
        ),
    )
    return outcome_response(outcome)


@router.post(
    "/{budget_id}/lines",
    dependencies=JSON_ONLY,
    summary="Revise the proposed lines (replaces them all; only while proposed)",
)
def revise(
    budget_id: UUID,
    body: BudgetRevision,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    outcome = ledger.revise_budget(
        budget_id,
        _proposals(body.lines),
        meta=principal.envelope(request_id, ledger.clock()),
        expected_version=parse_if_match(if_match),
        idempotency=idempotency_request(
            principal,
            idempotency_key,
            "POST",
            f"/v1/budgets/{budget_id}/lines",
            body.canonical(),
        ),
    )
    return outcome_response(outcome)


@router.post(
    "/{budget_id}/approval", dependencies=JSON_ONLY, summary="Approve the budget line by line"
)
def approve(
    budget_id: UUID,
    body: BudgetApproval,
    principal: Bureau,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    outcome = ledger.approve_budget(
        budget_id,
        [LineDecision(x.code, x.approved_amount) for x in body.lines],
        body.note,
        meta=principal.envelope(request_id, ledger.clock()),
        expected_version=parse_if_match(if_match),
        idempotency=idempotency_request(
            principal,
            idempotency_key,
            "POST",
            f"/v1/budgets/{budget_id}/approval",
            body.canonical(),
        ),
    )
    return outcome_response(outcome)


@router.post(
    "/{budget_id}/adjustments",
    dependencies=JSON_ONLY,
    summary="Adjust one line's approved amount, up or down (never below what it uses)",
)
def adjust(
    budget_id: UUID,
    body: LineAdjustment,
    principal: Bureau,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    outcome = ledger.adjust_budget_line(
        budget_id,
        line_code=body.code,
        approved_amount=body.approved_amount,
        reason=body.reason,
        meta=principal.envelope(request_id, ledger.clock()),
        expected_version=parse_if_match(if_match),
        idempotency=idempotency_request(
            principal,
            idempotency_key,
            "POST",
            f"/v1/budgets/{budget_id}/adjustments",
            body.canonical(),
        ),
    )
    return outcome_response(outcome)


@router.get("", summary="Budgets (of a year), in the order they were proposed")
def list_budgets(
    principal: Reader,
    ledger: Ledger,
    year: Annotated[int | None, Query(ge=2018, le=2100, description="Only this year")] = None,
) -> Response:
    hub_id = principal.platform_id if principal.role is Role.HUB else None
    budgets = ledger.list_budgets(year=year, hub_id=hub_id)
    return json_response({"budgets": [budget_view(b) for b in budgets]})


add_legacy_read_routes(
    router,
    aggregate_type=Budget,
    view=budget_view,
    not_found=BudgetNotFoundError,
    label="budget",
    readers=(Role.HUB, Role.BUREAU, Role.AUDITOR),
    id_name="budget_id",
    visible=hub_sees_only_its_own,
)
