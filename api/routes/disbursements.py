"""Disbursements: the hub requests and pays, the bureau approves or rejects; both may reverse.

Who records what (the reasons are in :mod:`ledger.domain.disbursement`): the hub requests, records
the payment it made and any refund it received; the bureau approves, rejects and records
clawbacks. The hub, the bureau and auditors read disbursements; a hub only its own. Windows and
institutions are refused every route (403).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
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
from api.routes.budgets import hub_sees_only_its_own
from api.schemas.budgets import (
    DisbursementApproval,
    DisbursementRejection,
    DisbursementRequestBody,
    PaymentBody,
    ReversalBody,
)
from api.schemas.common import Body
from ledger.application.app import LedgerApplication
from ledger.application.context import IdempotencyRequest, Principal
from ledger.application.interface.budgets import disbursement_view
from ledger.application.uow import Outcome
from ledger.domain.access_key import Role
from ledger.domain.disbursement import Disbursement, DisbursementRequest, ReversalKind
from ledger.domain.envelope import Envelope
from ledger.domain.errors import BudgetNotFoundError, DisbursementNotFoundError

router = APIRouter(prefix="/v1/disbursements", tags=["disbursements"])

Hub = Annotated[Principal, require(Role.HUB)]
Bureau = Annotated[Principal, require(Role.BUREAU)]
HubOrBureau = Annotated[Principal, require(Role.HUB, Role.BUREAU)]
Reader = Annotated[Principal, require(Role.HUB, Role.BUREAU, Role.AUDITOR)]
JSON_ONLY = [Depends(require_json)]

Step = Callable[[Envelope, int | None, IdempotencyRequest | None], Outcome]
"""One step, given its envelope, the expected version (If-Match) and its idempotency request."""


@router.post(
    "",
    status_code=201,
    dependencies=JSON_ONLY,
    summary="Request a disbursement from a line of the hub's budget (reserves the amount)",
)
def request_disbursement(
    body: DisbursementRequestBody,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    outcome = ledger.request_disbursement(
        year=body.year,
        request=DisbursementRequest(
            line_code=body.line_code,
            amount=body.amount,
            payee=body.payee,
            purpose=body.purpose,
            voucher_sha256=body.voucher_sha256,
        ),
        meta=principal.envelope(request_id, ledger.clock()),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", "/v1/disbursements", body.canonical()
        ),
    )
    return outcome_response(outcome)


def _step(
    disbursement_id: UUID,
    route: str,
    body: Body,
    step: Step,
    principal: Principal,
    ledger: LedgerApplication,
    request_id: str,
    if_match: str | None,
    idempotency_key: str | None,
) -> Response:
    outcome = step(
        principal.envelope(request_id, ledger.clock()),
        parse_if_match(if_match),
        idempotency_request(
            principal,
            idempotency_key,
            "POST",
            f"/v1/disbursements/{disbursement_id}/{route}",
            body.canonical(),
        ),
    )
    return outcome_response(outcome)


@router.post(
    "/{disbursement_id}/approval",
    dependencies=JSON_ONLY,
    summary="Approve a requested disbursement (not by the principal that requested it)",
)
def approve(
    disbursement_id: UUID,
    body: DisbursementApproval,
    principal: Bureau,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return _step(
        disbursement_id,
        "approval",
        body,
        lambda meta, version, idem: ledger.approve_disbursement(
            disbursement_id, body.note, meta=meta, expected_version=version, idempotency=idem
        ),
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{disbursement_id}/rejection",
    dependencies=JSON_ONLY,
    summary="Reject a disbursement not yet paid (releases its reservation)",
)
def reject(
    disbursement_id: UUID,
    body: DisbursementRejection,
    principal: Bureau,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return _step(
        disbursement_id,
        "rejection",
        body,
        lambda meta, version, idem: ledger.reject_disbursement(
            disbursement_id,
            list(body.reasons),
            meta=meta,
            expected_version=version,
            idempotency=idem,
        ),
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{disbursement_id}/payment",
    dependencies=JSON_ONLY,
    summary="Record the payment of an approved disbursement",
)
def pay(
    disbursement_id: UUID,
    body: PaymentBody,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return _step(
        disbursement_id,
        "payment",
        body,
        lambda meta, version, idem: ledger.record_payment(
            disbursement_id,
            payment_reference=body.payment_reference,
            paid_on=body.paid_on,
            meta=meta,
            expected_version=version,
            idempotency=idem,
        ),
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{disbursement_id}/reversal",
    dependencies=JSON_ONLY,
    summary="Reverse a paid disbursement in part or in full: refund (hub) or clawback (bureau)",
)
def reverse(
    disbursement_id: UUID,
    body: ReversalBody,
    principal: HubOrBureau,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return _step(
        disbursement_id,
        "reversal",
        body,
        lambda meta, version, idem: ledger.reverse_disbursement(
            disbursement_id,
            kind=ReversalKind(body.kind),
            amount=body.amount,
            reason=body.reason,
            meta=meta,
            expected_version=version,
            idempotency=idem,
        ),
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )


@router.get("", summary="The disbursements of a budget, in the order they were requested")
def list_disbursements(
    principal: Reader,
    ledger: Ledger,
    budget_id: Annotated[UUID, Query(description="The budget they were requested against")],
) -> Response:
    budget = ledger.get_budget(budget_id)
    if not hub_sees_only_its_own(principal, budget):
        raise BudgetNotFoundError(f"No budget with id {budget_id}.", id=str(budget_id))
    disbursements = ledger.list_disbursements(budget_id)
    return json_response({"disbursements": [disbursement_view(d) for d in disbursements]})


add_legacy_read_routes(
    router,
    aggregate_type=Disbursement,
    view=disbursement_view,
    not_found=DisbursementNotFoundError,
    label="disbursement",
    readers=(Role.HUB, Role.BUREAU, Role.AUDITOR),
    id_name="disbursement_id",
    visible=hub_sees_only_its_own,
)
