"""Cooperating service institutions: registered by the hub, read by the network, kept in
standing by the hub (Art. 13)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from api.deps import IdempotencyKey, Ledger, RequestId, idempotency_request, require, require_json
from api.resources import add_legacy_read_routes
from api.responses import json_response, outcome_response
from api.routes.standing import add_standing_routes
from api.schemas.common import InstitutionRegistration
from ledger.application.context import Principal
from ledger.application.interface.participants import institution_view
from ledger.domain.access_key import Role
from ledger.domain.errors import InstitutionNotFoundError
from ledger.domain.institution import Institution

router = APIRouter(prefix="/v1/institutions", tags=["institutions"])

Hub = Annotated[Principal, require(Role.HUB)]
EVERY_ROLE = tuple(Role)
Anyone = Annotated[Principal, require(*EVERY_ROLE)]


@router.post(
    "",
    status_code=201,
    dependencies=[Depends(require_json)],
    summary="Register a cooperating service institution",
)
def register_institution(
    body: InstitutionRegistration,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    canonical = body.canonical()
    outcome = ledger.register_institution(
        uscc=body.uscc,
        name=body.name,
        region=body.region,
        categories=list(body.categories),
        meta=principal.envelope(request_id, ledger.clock()),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", "/v1/institutions", canonical
        ),
    )
    return outcome_response(outcome)


@router.get("", summary="Every registered institution")
def list_institutions(principal: Anyone, ledger: Ledger) -> Response:
    return json_response(
        {"institutions": [institution_view(i) for i in ledger.list_institutions()]}
    )


add_legacy_read_routes(
    router,
    aggregate_type=Institution,
    view=institution_view,
    not_found=InstitutionNotFoundError,
    label="institution",
    readers=EVERY_ROLE,
    id_name="institution_id",
)
add_standing_routes(router, "institution", "institution_id")
