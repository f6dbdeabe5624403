"""Liveness, readiness and metrics."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api import metrics
from api.deps import Ledger
from api.responses import json_response
from api.views import Views

router = APIRouter(tags=["operations"])


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
def prometheus_metrics(views: Views, ledger: Ledger) -> Response:
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
    data, content_type = metrics.render()
    return Response(data, media_type=content_type)
