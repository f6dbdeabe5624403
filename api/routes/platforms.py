"""Platforms: registered by an admin (the migration path for today's connected network), read by
everyone in the network, and kept in standing by their supervisor (Art. 13)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from api.deps import IdempotencyKey, Ledger, RequestId, idempotency_request, require, require_json
from api.resources import add_legacy_read_routes
from api.responses import json_response, outcome_response
from api.routes.standing import add_standing_routes
from api.schemas.common import PlatformRegistration
from ledger.application.context import Principal
from ledger.application.interface.participants import platform_view
from ledger.domain.access_key import Role
from ledger.domain.errors import PlatformNotFoundError
from ledger.domain.platform import Platform, PlatformKind

router = APIRouter(prefix="/v1/platforms", tags=["platforms"])

Admin = Annotated[Principal, require(Role.ADMIN)]
EVERY_ROLE = tuple(Role)
Anyone = Annotated[Principal, require(*EVERY_ROLE)]


@router.post(
    "",
    status_code=201,
    dependencies=[Depends(require_json)],
    summary="Register an existing, already-connected platform",
)
def register_platform(
    body: PlatformRegistration,
    principal: Admin,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    canonical = body.canonical()
    outcome = ledger.register_connected_platform(
        kind=PlatformKind(body.kind),
        name=body.name,
        uscc=body.uscc,
        region=body.region,
        meta=principal.envelope(request_id, ledger.clock()),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", "/v1/platforms", canonical
        ),
    )
    return outcome_response(outcome)


@router.get("", summary="Every platform of the network, in the order they entered it")
def list_platforms(principal: Anyone, ledger: Ledger) -> Response:
    return json_response({"platforms": [platform_view(p) for p in ledger.list_platforms()]})


# The network's platforms are public (公示): every role may read them.
add_legacy_read_routes(
    router,
    aggregate_type=Platform,
    view=platform_view,
    not_found=PlatformNotFoundError,
    label="platform",
    readers=EVERY_ROLE,
    id_name="platform_id",
)
add_standing_routes(router, "platform", "platform_id")
