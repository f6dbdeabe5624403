"""Liveness, readiness and metrics."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request, Response

from api.deps import Ledger
from api.responses import json_response
from api.views import Views
from runtime import metrics
from runtime.audit import update_lag

router = APIRouter(tags=["operations"])
log = logging.getLogger("api")


@router.get("/healthz", summary="The process is alive")
def healthz() -> Response:
    return json_response({"status": "ok"})


@router.get("/readyz", summary="The service can reach its event store; each view's lag")
def readyz(ledger: Ledger, views: Views) -> Response:
    try:
        ledger.ping()
        head = ledger.head_position()
    except Exception as e:  # any failure to reach the store means "not ready"
        return json_response(
            {"status": "unavailable", "checks": {"database": type(e).__name__}},
            503,
            {"Retry-After": "1"},
        )
    try:
        views_detail: object = {s.name: {"lag": s.lag, "state": s.state} for s in views.status()}
    except Exception:  # writes still work; view reads will say what is wrong
        views_detail = "unavailable: run `sme-ledger migrate` to create the view tables"
    return json_response(
        {"status": "ready", "checks": {"database": "ok"}, "head": head, "views": views_detail}
    )


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
def prometheus_metrics(request: Request, views: Views, ledger: Ledger) -> Response:
    committer = ledger.uow.committer
    if committer is not None:
        stats = committer.stats()
        metrics.GROUP_COMMIT_QUEUE.set(stats.queue_depth)
        metrics.GROUP_COMMIT_REFUSED.set(stats.refused_total)
    try:
        for status in views.status():
            metrics.PROJECTION_LAG.labels(status.name).set(status.lag)
    except Exception:  # a scrape still reports everything else when the store is down
        metrics.log.warning("could not measure view lag", exc_info=True)
    audit = getattr(request.app.state, "audit", None)
    if audit is not None:
        # A fact of the database, so any worker can tell it at scrape time.
        try:
            update_lag(audit.store)
        except Exception as e:  # a scrape must not fail because the store is down
            log.warning("checkpoint lag not measured: %s", e)
    data, content_type = metrics.render()
    return Response(data, media_type=content_type)
