"""Enterprises, registered and read by their USCC."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Response

from api.deps import IdempotencyKey, Ledger, RequestId, idempotency_request, require, require_json
from api.responses import outcome_response, view_response
from api.schemas.common import EnterpriseRegistration
from ledger.application import interface
from ledger.application.context import Principal
from ledger.domain.access_key import Role

router = APIRouter(prefix="/v1/enterprises", tags=["enterprises"])

Writer = Annotated[Principal, require(Role.WINDOW, Role.HUB, Role.ADMIN)]
Reader = Annotated[Principal, require(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR, Role.ADMIN)]


@router.post(
    "",
    status_code=201,
    dependencies=[Depends(require_json)],
    summary="Register an enterprise by its USCC",
)
def register_enterprise(
    body: EnterpriseRegistration,
    principal: Writer,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    canonical = body.canonical()
    outcome = ledger.register_enterprise(
        uscc=body.uscc,
        name=body.name,
        region=body.region,
        industry=body.industry,
        employees=body.employees,
        revenue_wan=Decimal(body.revenue_wan),
        meta=principal.envelope(request_id, ledger.clock()),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", "/v1/enterprises", canonical
        ),
    )
    return outcome_response(outcome, location_id=outcome.body["uscc"])


@router.get("/{uscc}", summary="An enterprise by its USCC")
def get_enterprise(uscc: str, principal: Reader, ledger: Ledger) -> Response:
    enterprise = ledger.get_enterprise(uscc)
    return view_response(interface.enterprise_view(enterprise), enterprise.version)
