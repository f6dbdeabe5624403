"""Liveness, readiness and metrics."""

from __future__ import annotations

import logging
from typing import Literal, NotRequired

from fastapi import APIRouter, Request, Response
from typing_extensions import TypedDict

from api.deps import Ledger
from api.reads import ReadSide
from api.responses import json_response
from api.shapes import ShapedRoute
from api.views import Views
from ledger.persistence.standby import Standby
from projections.tracking import ViewStatus
from runtime import metrics
from runtime.audit import measure_checkpoints

router = APIRouter(route_class=ShapedRoute, tags=["operations"])
log = logging.getLogger("api")


class Liveness(TypedDict):
    """The process is alive."""

    status: Literal["ok"]


class ReadinessChecks(TypedDict):
    """What was reached: the event store, and the read standby where one is set."""

    database: Literal["ok"]
    standby: NotRequired[Literal["ok", "unavailable"]]


class ViewLag(TypedDict):
    """How far a view is behind the head and its state (``live``, ``rebuilding``, ``stalled``);
    for a stalled view, where it stands, the position of the event it stalled on, and the
    class of the error."""

    lag: int
    state: str
    position: NotRequired[int]
    failed_position: NotRequired[int]
    error: NotRequired[str]


class StandbyLag(TypedDict):
    """How far the read standby is behind: in events, and in seconds of replay."""

    lag: int
    replay_lag_seconds: float
    in_recovery: bool


class Readiness(TypedDict):
    """The event store answers: ``ready``, or ``degraded`` (views stalled, or the standby
    away); the head of the log and each view's lag (or why the views cannot be read)."""

    status: Literal["ready", "degraded"]
    checks: ReadinessChecks
    head: int
    views: dict[str, ViewLag] | str
    stalled: NotRequired[list[str]]
    """Present while views are stalled: their names."""
    standby: NotRequired[StandbyLag]
    """Present while a read standby is set and answers."""


@router.get("/healthz", summary="The process is alive", response_model=Liveness)
def healthz() -> Response:
    alive: Liveness = {"status": "ok"}
    return json_response(alive)


@router.get(
    "/readyz",
    summary="The service can reach its event store; each view's lag",
    response_model=Readiness,
)
def readyz(ledger: Ledger, views: Views, reads: ReadSide) -> Response:
    """200 while the event store answers: ``ready``, or ``degraded`` with the views that are
    stalled on an event, or with the read standby away (writes are still safe, and every
    instance would say the same, so a load balancer must not take them out); 503 while the
    store cannot be reached."""
    try:
        ledger.ping()
        head = ledger.head_position()
    except Exception as e:  # any failure to reach the store means "not ready"
        return json_response(
            {"status": "unavailable", "checks": {"database": type(e).__name__}},
            503,
            {"Retry-After": "1"},
        )
    stalled: list[str] = []
    views_detail: dict[str, ViewLag] | str
    try:
        statuses = views.status()
        views_detail = {s.name: _view_detail(s) for s in statuses}
        stalled = [s.name for s in statuses if s.failure is not None]
    except Exception:  # writes still work; view reads will say what is wrong
        views_detail = "unavailable: run `sme-ledger migrate` to create the view tables"
    checks: ReadinessChecks = {"database": "ok"}
    body: Readiness = {"status": "ready", "checks": checks, "head": head, "views": views_detail}
    if stalled:
        body["status"], body["stalled"] = "degraded", stalled
    if reads.standby is not None:
        standby = _standby_detail(reads.standby, head)
        checks["standby"] = "ok" if standby is not None else "unavailable"
        if standby is None:
            body["status"] = "degraded"
        else:
            body["standby"] = standby
    return json_response(body)


def _standby_detail(standby: Standby, head: int) -> StandbyLag | None:
    """Where the read standby is (and the replay metrics set), or ``None`` while it is away."""
    try:
        state = standby.state()
    except Exception as e:  # view, export and audit reads answer 503 standby_unavailable
        # The pool says once when the standby goes and once when it is back: not every probe.
        log.debug("the read standby does not answer: %s", e)
        metrics.READ_REPLICA_UP.set(0)
        return None
    lag = max(0, head - state.head)
    metrics.READ_REPLICA_UP.set(1)
    metrics.READ_REPLICA_LAG.set(lag)
    metrics.READ_REPLICA_REPLAY_LAG.set(state.replay_lag_seconds)
    return {
        "lag": lag,
        "replay_lag_seconds": round(state.replay_lag_seconds, 3),
        "in_recovery": state.in_recovery,
    }


def _view_detail(status: ViewStatus) -> ViewLag:
    detail: ViewLag = {"lag": status.lag, "state": status.state}
    if status.failure is not None:
        detail["position"] = status.position
        detail["failed_position"] = status.failure.position
        detail["error"] = status.failure.error
    return detail


SCRAPE_WAIT_SECONDS = 1.0
"""Longest a scrape waits for a connection of the ledger's pool to read the head of the log:
while every connection stays busy, it answers within that with the pools' series (and the last
head, lags and age measured) rather than queue behind the requests it reports on."""


@router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
def prometheus_metrics(request: Request, views: Views, ledger: Ledger) -> Response:
    # What this process holds (its pools, its queue) first, before this scrape's own reads
    # take a connection.
    process = getattr(request.app.state, "process_metrics", None)
    if process is not None:
        process.measure()
    # Facts of the database, so any worker tells the same at scrape time.
    try:
        head = ledger.head_within(SCRAPE_WAIT_SECONDS)
    except Exception as e:  # a scrape still reports everything else when the store is down
        log.warning("log head, view lag and checkpoints not measured: %s", e)
    else:
        _measure_from_the_database(request, views, head)
    data, content_type = metrics.render()
    return Response(data, media_type=content_type)


def _measure_from_the_database(request: Request, views: Views, head: int) -> None:
    metrics.LOG_HEAD.set(head)
    try:
        for status in views.status(head):
            metrics.PROJECTION_LAG.labels(status.name).set(status.lag)
            metrics.PROJECTION_STALLED.labels(status.name).set(int(status.failure is not None))
    except Exception:
        metrics.log.warning("could not measure view lag", exc_info=True)
    reads = getattr(request.app.state, "reads", None)
    if reads is not None and reads.standby is not None:
        _standby_detail(reads.standby, head)
    audit = getattr(request.app.state, "audit", None)
    if audit is not None:
        try:
            measure_checkpoints(audit.store)
        except Exception as e:
            log.warning("checkpoint lag and age not measured: %s", e)
