"""A parse-only endpoint: the benchmark suite's ceiling for a POST (never served by default).

It does what every command route does before the ledger is involved — authentication, the JSON
media type check, body validation — and then answers, so the ratio of a real write to it shows
what the write path costs beyond HTTP and the framework. Enabled only by
``LEDGER_BENCH_ENDPOINTS=true``.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response

from api.deps import CurrentPrincipal, require_json
from api.responses import json_response
from api.schemas import CaseOpening

router = APIRouter(prefix="/v1/_bench", tags=["benchmark"], include_in_schema=False)


@router.post("/parse", status_code=200, dependencies=[Depends(require_json)])
def parse(body: CaseOpening, principal: CurrentPrincipal) -> Response:
    return json_response({"external_ref": body.external_ref, "platform_id": principal.platform_id})
