"""A parse-only endpoint: the benchmark suite's ceiling for a POST (never served by default).

It reads and validates a service-case body exactly as ``POST /v1/service-cases`` does (media
type, JSON, the schema) and answers, without authentication or the ledger: the ratio of a real
write to it is what the write path costs beyond HTTP and the framework. Enabled only by
``LEDGER_BENCH_ENDPOINTS=true``.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response

from api.deps import require_json
from api.responses import json_response
from api.schemas.cases import CaseOpening
from api.shapes import ShapedRoute

router = APIRouter(
    route_class=ShapedRoute, prefix="/v1/_bench", tags=["benchmark"], include_in_schema=False
)


@router.post("/parse", status_code=200, dependencies=[Depends(require_json)])
def parse(body: CaseOpening) -> Response:
    return json_response({"external_ref": body.external_ref})
