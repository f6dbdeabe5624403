"""The expert pool (Art. 6.7): the hub registers and deactivates experts; the hub, the bureau
and auditors read it."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Response

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
from api.schemas.onboarding import ExpertDeactivation, ExpertRegistration
from ledger.application.context import Principal
from ledger.application.interface.onboarding import expert_view
from ledger.domain.access_key import Role
from ledger.domain.errors import ExpertNotFoundError
from ledger.domain.expert import Expert

router = APIRouter(prefix="/v1/experts", tags=["expert pool"])

READERS = (Role.HUB, Role.BUREAU, Role.AUDITOR)
Hub = Annotated[Principal, require(Role.HUB)]
Reader = Annotated[Principal, require(*READERS)]
JSON_ONLY = [Depends(require_json)]


@router.post("", status_code=201, dependencies=JSON_ONLY, summary="Register an expert")
def register_expert(
    body: ExpertRegistration,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    canonical = body.canonical()
    outcome = ledger.register_expert(
        external_ref=body.external_ref,
        name=body.name,
        fields=list(body.fields),
        organisation=body.organisation,
        title=body.title,
        meta=principal.envelope(request_id, body.occurred_at or ledger.clock()),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", "/v1/experts", canonical
        ),
    )
    return outcome_response(outcome)


@router.get("", summary="Every expert ever registered, in registration order")
def list_experts(principal: Reader, ledger: Ledger) -> Response:
    return json_response({"experts": [expert_view(e) for e in ledger.list_experts()]})


@router.post(
    "/{expert_id}/deactivation",
    dependencies=JSON_ONLY,
    summary="Deactivate an expert (no new reviews)",
)
def deactivate_expert(
    expert_id: UUID,
    body: ExpertDeactivation,
    principal: Hub,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    canonical = body.canonical()
    outcome = ledger.deactivate_expert(
        expert_id,
        reason=body.reason,
        meta=principal.envelope(request_id, body.occurred_at or ledger.clock()),
        expected_version=parse_if_match(if_match),
        idempotency=idempotency_request(
            principal,
            idempotency_key,
            "POST",
            f"/v1/experts/{expert_id}/deactivation",
            canonical,
        ),
    )
    return outcome_response(outcome)


add_legacy_read_routes(
    router,
    aggregate_type=Expert,
    view=expert_view,
    not_found=ExpertNotFoundError,
    label="expert",
    readers=READERS,
    id_name="expert_id",
)
