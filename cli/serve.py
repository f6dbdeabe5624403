"""Serving the API, migrating its schema, seeding the demonstration network."""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from cli.common import (
    cli_context,
    err,
    fail,
    open_ledger,
    out,
    progress_bar,
)
from ledger.application.commands.access_keys import InitialiseLedger, IssuedKey
from ledger.application.queries.access_keys import is_initialised
from ledger.domain.errors import LedgerError
from ledger.persistence.config import StoreConfig
from runtime import logs
from runtime.bootstrap import build_ledger
from runtime.settings import Settings

log = logging.getLogger("ledger.serve")


def _next_steps(issued: IssuedKey, base_url: str) -> str:
    return f"""
[bold]This is a new, empty ledger.[/] Its first admin key is shown [bold]once[/]; store it now:

    [bold green]{issued.secret}[/]

What to do next ([dim]export ADMIN=<the key above>[/]):

  1. Register a window platform (admin key):
     curl -sS -X POST {base_url}/v1/platforms -H "Authorization: Bearer $ADMIN" \\
          -H 'Content-Type: application/json' \\
          -d '{{"kind":"window","name":"银川市窗口平台","uscc":"91640100MA7AY4CL31","region":"640100"}}'

  2. Make a key for that window (use the "id" from step 1):
     .venv/bin/sme-ledger keys create --role window --platform <platform id> --name yinchuan
     [dim]export WINDOW=<the new key>[/]

  3. Register an enterprise and record a delivered service (window key):
     curl -sS -X POST {base_url}/v1/enterprises -H "Authorization: Bearer $WINDOW" \\
          -H 'Content-Type: application/json' \\
          -d '{{"uscc":"91640104MA71TJ3Y8G","name":"宁夏兴庆精密机械有限公司","region":"640104","industry":"industry","employees":86,"revenue_wan":"4200.00"}}'
     curl -sS -X POST {base_url}/v1/service-cases -H "Authorization: Bearer $WINDOW" \\
          -H 'Content-Type: application/json' -H 'Idempotency-Key: first-case' \\
          -d '{{"external_ref":"YC-0001","uscc":"91640104MA71TJ3Y8G","category":"100200","channel":"online","description":"政策咨询","assignment":{{"provider_kind":"expert","provider_name":"王教授"}},"delivery":{{"delivered_on":"'$(date +%F)'","mode":"online","fee_type":"free"}}}}'

  4. Read it back: GET {base_url}/v1/service-cases/<id>/history, and the whole log with an
     auditor key: GET {base_url}/v1/events?after=0

  Interactive API docs: {base_url}/docs
  Rather explore a populated network? Stop this and run [bold]make demo[/]: it seeds a year of a
  demonstration Ningxia network into ./var/demo.sqlite and serves it.
"""


def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind (LEDGER_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (LEDGER_PORT)")] = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (LEDGER_WORKERS)", min=1)
    ] = None,
) -> None:
    """Start the HTTP API. On an empty ledger, first print a one-time admin key."""
    import uvicorn

    overrides = {"host": host, "port": port, "workers": workers}
    for name, value in overrides.items():
        if value is not None:
            os.environ[f"LEDGER_{name.upper()}"] = str(value)
    settings = Settings()
    ledger = open_ledger(settings)
    base_url = f"http://{settings.host}:{settings.port}"
    try:
        if not is_initialised(ledger):
            try:
                issued = ledger.handle(InitialiseLedger(), cli_context())
            except LedgerError:
                pass  # another process initialised it first; its key was shown there
            else:
                out.print(_next_steps(issued, base_url))
    finally:
        ledger.close()

    metrics_dir: str | None = None
    if settings.workers > 1:
        # Several processes: prometheus-client aggregates the files they write here.
        metrics_dir = tempfile.mkdtemp(prefix="sme-ledger-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    logs.configure(settings.log_format)
    log.info("Serving the ledger on %s (%s)", base_url, settings.database_url.split("@")[-1])
    # uvicorn builds each connection's protocol by calling this with its config and state; a
    # partial of a module-level class still pickles into the worker processes.
    from api.http_protocol import LedgerHttpProtocol  # the API is loaded only to serve it

    protocol = functools.partial(
        LedgerHttpProtocol,
        header_timeout_seconds=settings.header_timeout_seconds,
        max_header_bytes=settings.max_header_bytes,
    )
    options: dict[str, Any] = {
        "app": "api.app:create_app",
        "factory": True,
        "host": settings.host,
        "port": settings.port,
        "workers": settings.workers,
        # uvloop + httptools: the plain asyncio/h11 stack has a TCP_NODELAY bug with workers.
        "loop": "uvloop",
        "http": protocol,  # called as the class is (see above)
        # Applied again in every worker process; our request log replaces uvicorn's access log.
        "log_config": logs.config(settings.log_format),
        "log_level": "info",
        "access_log": False,
        # A new worker answers the supervisor's ping only once its imports are done: on a busy
        # machine that is longer than uvicorn's 5 s, and the worker would be killed and
        # replaced over and over.
        "timeout_worker_healthcheck": 30,
    }
    try:
        if metrics_dir:
            # uvicorn.run's supervisor, which also marks the workers it loses dead.
            from runtime.supervisor import Supervisor

            config = uvicorn.Config(**options)
            Supervisor(config, [config.bind_socket()], metrics_dir).run()
        else:
            uvicorn.run(**options)
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def migrate(
    directory: Annotated[
        Path | None,
        typer.Option(
            "--dir", help="Migrations directory (default: the migrations shipped with the package)"
        ),
    ] = None,
) -> None:
    """Apply PostgreSQL migrations not yet applied (safe to run twice, or concurrently).

    Connects as LEDGER_MIGRATION_DATABASE_URL (the schema owner's side), or LEDGER_DATABASE_URL.
    """
    from ledger.persistence.migrate import migrate as run_migrations

    settings = Settings()
    if not settings.store.is_postgres:
        out.print("The embedded SQLite store creates its own tables; nothing to migrate.")
        return
    try:
        report = run_migrations(settings.migration_url, directory)
    except LedgerError as e:
        raise fail(e.detail, 2) from None
    for name in report.applied:
        out.print(f"applied  {name}")
    _ensure_views(settings)
    out.print(
        f"{len(report.applied)} applied, {len(report.already_applied)} already applied: "
        "the schema is up to date."
    )


def demo(
    seed: Annotated[int, typer.Option(help="Same seed, same network")] = 2026,
    year: Annotated[int, typer.Option(help="The (finished) year of activity to simulate")] = 2025,
    scale: Annotated[
        float,
        typer.Option(
            help="Grow or shrink the enterprises and cases (1.0: 1,200 enterprises)", min=0.001
        ),
    ] = 1.0,
) -> None:
    """Seed a realistic Ningxia network into an empty ledger, through the application layer."""
    from rich.progress import TaskID

    from demo import seed_demo

    settings = Settings()
    ledger = open_ledger(settings)
    try:
        if not is_initialised(ledger):
            issued = ledger.handle(InitialiseLedger(), cli_context())
            err.print(f"First admin key (shown once): [bold green]{issued.secret}[/]")
        with progress_bar() as bar:
            tasks: dict[str, tuple[TaskID, float]] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = (bar.add_task(stage, total=total, rate=""), time.monotonic())
                task, started = tasks[stage]
                elapsed = time.monotonic() - started
                rate = f"{done / elapsed:,.0f}/s" if elapsed > 0 else ""
                bar.update(task, completed=done, rate=rate)

            report = seed_demo(ledger, seed=seed, year=year, scale=scale, progress=progress)
    except LedgerError as e:
        raise fail(e.detail, 2) from None
    finally:
        ledger.close()
    out.print(f"Seeded the {report.year} demonstration network (seed {report.seed}):")
    width = max(len(f"{n:,}") for n in report.counts.values())
    for kind, n in report.counts.items():
        out.print(f"  {n:>{width},}  {kind}")
    out.print(f"The log now holds {report.head:,} events. Keys to explore it (shown once):")
    for who, secret in report.keys.items():
        out.print(f"  {secret}  {who}")


def _ensure_views(settings: Settings) -> None:
    """Create the view tables (and rebuild views whose version changed): the schema owner's job."""
    from projections.catalog import ensure_view_schema

    # The schema owner's side makes the tables, as for the migrations.
    owner = StoreConfig(settings.migration_url)
    try:
        ledger = build_ledger(owner)
    except LedgerError as e:
        raise fail(e.detail, 2) from None
    try:
        ensure_view_schema(ledger, owner)
    finally:
        ledger.close()
    out.print("views: tables in place")
