"""Liveness, readiness and metrics."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request, Response

from api import metrics
from api.audit_runtime import update_lag
from api.deps import Ledger
from api.responses import json_response

router = APIRouter(tags=["operations"])
log = logging.getLogger("api")


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
def prometheus_metrics(request: Request) -> Response:
    audit = getattr(request.app.state, "audit", None)
    if audit is not None:
        # A fact of the database, so any worker can tell it at scrape time.
        try:
            update_lag(audit.store)
        except Exception as e:  # a scrape must not fail because the store is down
            log.warning("checkpoint lag not measured: %s", e)
    data, content_type = metrics.render()
    return Response(data, media_type=content_type)
