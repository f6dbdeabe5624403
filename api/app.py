"""The API factory: the composition root for HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import docs, openapi, problems
from api.access_audit import AccessAuditMiddleware
from api.changes import FeedSlots
from api.http_reads import HttpReadsMiddleware
from api.middleware import RequestContextMiddleware
from api.routes import (
    access_keys,
    activities,
    agreements,
    alliance,
    appraisals,
    audit_timestamps,
    bench,
    budgets,
    changes,
    complaints,
    data_reports,
    disbursements,
    enterprises,
    entrustments,
    events,
    experts,
    health,
    institutions,
    onboarding,
    periods,
    platforms,
    publications,
    schemes,
    security,
    service_cases,
    tiles,
    trainings,
    views,
    violations,
)
from api.routes import audit as audit_routes
from ledger.application.app import LedgerApplication
from runtime import metrics
from runtime.bootstrap import Runtime
from runtime.build import build_labels
from runtime.settings import Settings
from runtime.startup import wait_for_database

DESCRIPTION = """
The event-sourced record of the Ningxia SME public service platform network.

Every service interaction is appended as an immutable event; resources are read now, at a
version (`?version=N`) or as of a time (`?as_of=`), with their full history.

**Authentication**: `Authorization: Bearer <key>` (keys are made with `sme-ledger keys create`;
*Authorize* on this page takes one).
**Writes**: JSON bodies; `Idempotency-Key` makes a POST safe to retry; `If-Match: "<version>"`
makes a command conditional. Every write answers with the resource and its log `position`.
**Reads**: every GET also answers HEAD; `If-None-Match` is answered `304`; OPTIONS lists a
path's methods in `Allow`.
**Errors**: `application/problem+json` with a stable `code`.
"""


def create_app(
    settings: Settings | None = None, ledger: LedgerApplication | None = None
) -> FastAPI:
    """Build the HTTP application. Tests pass their own settings (and may pass a ledger)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if ledger is None:
            wait_for_database(settings)  # before anything else is built (runtime/startup.py)
        runtime = Runtime(settings, ledger=ledger).serve()
        metrics.API_WORKER.set(1)
        metrics.BUILD_INFO.labels(**build_labels("api")).set(1)
        app.state.ledger = runtime.ledger
        app.state.views = runtime.views.runner if runtime.views else None
        app.state.audit = runtime.audit
        app.state.process_metrics = runtime.process_metrics
        app.state.reads = runtime.reads
        app.state.access_log = runtime.audit.access_log if runtime.audit else None
        try:
            yield
        finally:
            app.state.access_log = None
            runtime.stop()

    app = FastAPI(
        title="SME Service Ledger",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=openapi.operation_id,
        # Served from assets shipped with the package (api/docs.py), so they work offline.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.ledger = ledger
    app.state.access_log = None
    feeds = settings.change_feed
    app.state.change_feeds = FeedSlots(feeds.max_connections, feeds.threads)
    problems.install(app)
    openapi.install(app)
    docs.install(app)
    # Innermost, so the access audit records the status it answers (a 304, an OPTIONS).
    app.add_middleware(HttpReadsMiddleware)
    # Added before RequestContextMiddleware, so it runs inside it and sees the request id.
    app.add_middleware(AccessAuditMiddleware)
    app.add_middleware(
        RequestContextMiddleware,
        max_body_bytes=settings.max_body_bytes,
        max_in_flight=settings.max_in_flight,
        max_queue_wait_seconds=settings.max_queue_wait_ms / 1000,
        body_timeout_seconds=settings.body_timeout_seconds,
        log_requests=settings.request_log,
        unadmitted=frozenset({changes.PATH}),
    )
    if settings.bench_endpoints:
        app.include_router(bench.router)
    for module in (
        health,
        platforms,
        institutions,
        enterprises,
        service_cases,
        activities,
        data_reports,
        events,
        changes,
        experts,
        onboarding,
        publications,
        complaints,
        violations,
        trainings,
        alliance,
        budgets,
        disbursements,
        agreements,
        appraisals,
        schemes,
        entrustments,
        periods,
        views,
        access_keys,
        security,
    ):
        app.include_router(module.router)
    app.include_router(audit_routes.router)
    app.include_router(audit_routes.note_router)
    app.include_router(audit_timestamps.router)
    app.include_router(tiles.router)
    app.include_router(service_cases.batch_router)
    app.include_router(security.overview_router)
    app.include_router(alliance.members_router)
    return app
