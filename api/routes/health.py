"""Liveness, readiness and metrics."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api import metrics
from api.deps import Ledger
from api.responses import json_response

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="The process is alive")
def healthz() -> Response:
    return json_response({"status": "ok"})


@router.get("/readyz", summary="The service can reach its event store")
def readyz(ledger: Ledger) -> Response:
    try:
        ledger.ping()
        head = ledger.head_position()
    except Exception as e:  # any failure to reach the store means "not ready"
        return json_response(
            {"status": "unavailable", "checks": {"database": type(e).__name__}},
            503,
            {"Retry-After": "1"},
        )
    return json_response({"status": "ready", "checks": {"database": "ok"}, "head": head})


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
def prometheus_metrics() -> Response:
    data, content_type = metrics.render()
    return Response(data, media_type=content_type)
