"""The global log, paged in its one stable order, for auditors and the hub."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.deps import LARGEST, AppSettings, Ledger, require
from api.responses import json_response
from ledger.application import interface
from ledger.application.context import Principal
from ledger.domain.access_key import Role

router = APIRouter(prefix="/v1/events", tags=["log"])

Reader = Annotated[Principal, require(Role.AUDITOR, Role.HUB)]


@router.get("", summary="Events after a position, in log order")
def events(
    request: Request,
    principal: Reader,
    ledger: Ledger,
    settings: AppSettings,
    after: Annotated[
        int, Query(ge=0, le=LARGEST, description="Return events with positions above this")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=10_000, description="At most this many events")] = 100,
) -> Response:
    limit = min(limit, settings.log_page_limit)
    page = ledger.log_page(after, limit)
    body = {
        "events": [interface.event_view(e.event, e.position, e.topic) for e in page],
        "after": after,
        "next_after": page[-1].position if page else after,
        "head": ledger.head_position(),
    }
    headers = {}
    if len(page) == limit:
        next_url = request.url.include_query_params(after=body["next_after"], limit=limit)
        headers["Link"] = f'<{next_url}>; rel="next"'
    return json_response(body, 200, headers)
