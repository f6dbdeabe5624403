"""Platforms: registered by an admin (the migration path for today's connected network)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import orjson
from fastapi import APIRouter, Depends, Response

from api.deps import (
    IdempotencyKey,
    Ledger,
    Principal,
    RequestId,
    idempotency_request,
    require,
    require_json,
)
from api.problems import ApiError
from api.responses import outcome_response, view_response
from api.schemas import PlatformRegistration
from ledger import interface
from ledger.domain.access_key import Role
from ledger.domain.platform import PlatformKind

router = APIRouter(prefix="/v1/platforms", tags=["platforms"])

Admin = Annotated[Principal, require(Role.ADMIN)]
Reader = Annotated[Principal, require(Role.ADMIN, Role.HUB, Role.BUREAU, Role.AUDITOR, Role.WINDOW)]


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
    canonical = orjson.dumps(body.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)
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


@router.get("/{platform_id}", summary="A platform")
def get_platform(platform_id: UUID, principal: Reader, ledger: Ledger) -> Response:
    if principal.role is Role.WINDOW and principal.platform_id != platform_id:
        raise ApiError(
            403,
            "forbidden_platform",
            "Not your platform",
            "A window key reads only its own platform.",
        )
    platform = ledger.get_platform(platform_id)
    return view_response(interface.platform_view(platform), platform.version)
