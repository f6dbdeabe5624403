"""The ``sme-ledger`` command: serve the API, migrate PostgreSQL, manage access keys."""

from __future__ import annotations

import getpass
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID

import typer
from rich.console import Console
from rich.table import Table

from cli import audit as cli_audit
from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import (
    InitialiseLedger,
    IssuedKey,
    IssueKey,
    RevokeKey,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.queries.access_keys import authenticate, is_initialised, list_keys
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.domain.errors import LedgerError
from ledger.persistence.config import StoreConfig
from projections.runner import ProjectionRunner
from runtime.bootstrap import build_ledger
from runtime.settings import Settings

app = typer.Typer(
    name="sme-ledger",
    help="SME Service Ledger: the event-sourced record of the SME public service network.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
keys_app = typer.Typer(help="Issue, revoke and list API access keys.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
project_app = typer.Typer(
    help="Keep the views up to date (the projection daemon), rebuild them, show their lag.",
    invoke_without_command=True,
)
app.add_typer(project_app, name="project")


app.add_typer(cli_audit.audit_app, name="audit")
app.command("seal")(cli_audit.seal)

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


def _open_ledger(settings: Settings) -> LedgerApplication:
    try:
        return build_ledger(settings.store, clock_skew=settings.clock_skew)
    except LedgerError as e:
        raise _fail(e.detail, 2) from None


def _cli_envelope(ledger: LedgerApplication) -> Envelope:
    """Commands from the command line are attributed to the operating-system user."""
    correlation = f"cli-{uuid.uuid4().hex}"
    return Envelope(
        actor=f"cli:{getpass.getuser()}",
        platform_id=None,
        correlation_id=correlation,
        causation_id=correlation,
        occurred_at=ledger.clock(),
    )


def _cli_context() -> RequestContext:
    """A command from the command line: the operating-system user, as an operator (no key)."""
    return RequestContext(Principal(f"cli:{getpass.getuser()}"), f"cli-{uuid.uuid4().hex}")


def _print_table(table: Table) -> None:
    # Ids are copied from tables into other commands: a narrow or piped (80-column) console must
    # not cut them short, so a table is never printed narrower than one whole row.
    Console(soft_wrap=True, width=max(out.width, 160)).print(table)


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


@app.command()
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
    ledger = _open_ledger(settings)
    base_url = f"http://{settings.host}:{settings.port}"
    try:
        if not is_initialised(ledger):
            try:
                issued = ledger.handle(InitialiseLedger(), _cli_context())
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
    out.print(f"Serving the ledger on {base_url} ({settings.database_url.split('@')[-1]})")
    try:
        uvicorn.run(
            "api.app:create_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=settings.workers,
            # uvloop + httptools: the plain asyncio/h11 stack has a TCP_NODELAY bug with workers.
            loop="uvloop",
            http="httptools",
            log_level="info",
            access_log=False,
        )
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


@app.command()
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
        raise _fail(e.detail, 2) from None
    for name in report.applied:
        out.print(f"applied  {name}")
    _ensure_views(settings)
    out.print(
        f"{len(report.applied)} applied, {len(report.already_applied)} already applied: "
        "the schema is up to date."
    )


@app.command()
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
    ledger = _open_ledger(settings)
    try:
        if not is_initialised(ledger):
            issued = ledger.handle(InitialiseLedger(), _cli_context())
            err.print(f"First admin key (shown once): [bold green]{issued.secret}[/]")
        with _progress_bar() as bar:
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
        raise _fail(e.detail, 2) from None
    finally:
        ledger.close()
    out.print(f"Seeded the {report.year} demonstration network (seed {report.seed}):")
    width = max(len(f"{n:,}") for n in report.counts.values())
    for kind, n in report.counts.items():
        out.print(f"  {n:>{width},}  {kind}")
    out.print(f"The log now holds {report.head:,} events. Keys to explore it (shown once):")
    for who, secret in report.keys.items():
        out.print(f"  {secret}  {who}")


def _open_views(settings: Settings, ledger: LedgerApplication) -> ProjectionRunner:
    from projections.catalog import all_projections
    from projections.store import open_view_store

    return ProjectionRunner(ledger, open_view_store(settings.store), all_projections())


def _ensure_views(settings: Settings) -> None:
    """Create the view tables (and rebuild views whose version changed): the schema owner's job."""
    from projections.catalog import ensure_view_schema

    # The schema owner's side makes the tables, as for the migrations.
    owner = StoreConfig(settings.migration_url)
    try:
        ledger = build_ledger(owner)
    except LedgerError as e:
        raise _fail(e.detail, 2) from None
    try:
        ensure_view_schema(ledger, owner)
    finally:
        ledger.close()
    out.print("views: tables in place")


def _progress_bar() -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        "[dim]{task.fields[rate]}[/]",
        TimeElapsedColumn(),
        console=err,
    )


@project_app.callback()
def project(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option(help="Catch up once and exit")] = False,
    poll: Annotated[float, typer.Option(help="Seconds between polls when idle")] = 1.0,
) -> None:
    """Run the projection daemon: keep every view caught up with the log until stopped."""
    if ctx.invoked_subcommand is not None:
        return
    import signal
    import threading

    settings = Settings()
    ledger = _open_ledger(settings)
    runner = _open_views(settings, ledger)
    try:
        if settings.store.is_postgres:
            try:
                runner.ensure_views_exist()
            except RuntimeError as e:
                raise _fail(str(e), 2) from None
        else:
            runner.ensure_schema()
        if once:
            runner.catch_up()
            return
        stop = threading.Event()

        def shut_down(*_: object) -> None:
            stop.set()
            runner.wake.set()

        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, shut_down)
        listener = _listen_for_appends(settings, runner, stop)
        out.print(f"Keeping {len(runner.projections)} views up to date; Ctrl-C to stop.")
        runner.run(stop, poll_interval=poll)
        if listener is not None:
            listener.join(timeout=5)
    finally:
        runner.store.close()
        ledger.close()


def _listen_for_appends(settings: Settings, runner: ProjectionRunner, stop: Any) -> Any:
    """On PostgreSQL, wake the daemon on every append (LISTEN); polling stays as a fallback."""
    if not settings.store.is_postgres:
        return None
    import threading

    import psycopg

    def listen() -> None:
        while not stop.is_set():
            try:
                with psycopg.connect(settings.database_url, autocommit=True) as conn:
                    conn.execute("LISTEN ledger_events")
                    while not stop.is_set():
                        for _ in conn.notifies(timeout=1.0, stop_after=1):
                            runner.wake.set()
            except psycopg.Error:
                stop.wait(1.0)  # the poll keeps the views fresh meanwhile

    thread = threading.Thread(target=listen, name="listen", daemon=True)
    thread.start()
    return thread


@project_app.command("rebuild")
def project_rebuild(
    name: Annotated[str | None, typer.Argument(help="The view to rebuild")] = None,
    all_views: Annotated[bool, typer.Option("--all", help="Rebuild every view")] = False,
) -> None:
    """Rebuild a view (or all) from the first event; readers are told it is rebuilding."""
    settings = Settings()
    ledger = _open_ledger(settings)
    runner = _open_views(settings, ledger)
    try:
        names = list(runner.projections) if all_views else [name] if name else []
        unknown = [n for n in names if n not in runner.projections]
        if not names or unknown:
            known = ", ".join(runner.projections)
            raise _fail(f"Name a view to rebuild ({known}) or pass --all.", 2)
        with _progress_bar() as bar:
            for view in names:
                task = bar.add_task(view, total=ledger.head_position() or 1, rate="")
                started = time.monotonic()

                def progress(
                    _: str, done: int, total: int, task: Any = task, t0: float = started
                ) -> None:
                    rate = done / max(time.monotonic() - t0, 1e-9)
                    bar.update(task, completed=done, total=total, rate=f"{rate:,.0f} events/s")

                runner.rebuild(view, progress)
                bar.update(task, completed=bar.tasks[-1].total)
    finally:
        runner.store.close()
        ledger.close()
    out.print(f"Rebuilt {', '.join(names)}.")


@project_app.command("status")
def project_status() -> None:
    """Each view's position, state and lag behind the log."""
    settings = Settings()
    ledger = _open_ledger(settings)
    runner = _open_views(settings, ledger)
    try:
        table = Table("view", "version", "position", "state", "lag")
        for s in runner.status():
            table.add_row(s.name, str(s.version), str(s.position), s.state, str(s.lag))
    finally:
        runner.store.close()
        ledger.close()
    out.print(table)


@app.command()
def appraise(
    year: Annotated[int | None, typer.Option(help="Compute the appraisals of this year")] = None,
    kind: Annotated[
        str, typer.Option(help="window, institution or hub", case_sensitive=False)
    ] = "window",
    conclude: Annotated[
        bool, typer.Option(help="Conclude them at once (no expert scores)")
    ] = False,
    verify_id: Annotated[
        UUID | None, typer.Option("--verify", help="Verify the appraisal with this id")
    ] = None,
) -> None:
    """Compute (and optionally conclude) a year's appraisals, or verify one."""
    from ledger.application.commands.appraisals import ConcludeAppraisal, RecordAppraisal
    from ledger.application.context import Principal, RequestContext
    from ledger.domain.appraisal import Appraisal
    from ledger.domain.errors import AppraisalExistsError
    from ledger.domain.schemes import default_scheme
    from ledger.domain.time import CST
    from projections.appraisal import default_as_on, figures_at, subjects_of_kind, verify

    settings = Settings()
    ledger = _open_ledger(settings)
    try:
        if verify_id is not None:
            appraisal = ledger.get(Appraisal, verify_id)
            result = verify(ledger, appraisal)
            if not result.identical:
                for difference in result.differences:
                    err.print(f"[red]differs[/] {difference}")
                raise _fail(f"Appraisal {verify_id} does not verify.", 1)
            out.print(
                f"Appraisal {verify_id} verifies: the log up to position {appraisal.position} "
                f"gives identical figures and scores (grade {appraisal.grade or 'not concluded'})."
            )
            return
        if year is None or kind not in ("window", "institution", "hub"):
            raise _fail("Pass --year, and --kind window, institution or hub.", 2)
        meta = _cli_envelope(ledger)
        context = RequestContext(Principal(meta.actor), meta.correlation_id)
        as_on = default_as_on(year, ledger.clock().astimezone(CST).date())
        position = ledger.head_position()
        started = time.monotonic()
        figures = figures_at(ledger, position=position, year=year, as_on=as_on)
        scheme = default_scheme(kind)
        table = Table("subject", "total", "grade", "consequence")
        for subject_id, subject_figures in subjects_of_kind(figures, kind).items():
            try:
                record = RecordAppraisal(
                    subject_id=UUID(subject_id),
                    year=year,
                    scheme=scheme,
                    position=position,
                    as_on=as_on,
                    figures=subject_figures,
                    occurred_at=meta.occurred_at,
                )
                outcome = ledger.handle(record, context)
            except AppraisalExistsError:
                table.add_row(subject_id, "-", "-", "already appraised")
                continue
            body = outcome.body
            if conclude:
                conclusion = ConcludeAppraisal(
                    appraisal_id=outcome.resource_id, occurred_at=meta.occurred_at
                )
                body = ledger.handle(conclusion, context).body
            table.add_row(
                body["id"],
                body["total"] or body["indicators_total"],
                body["grade"] or "(open)",
                body["consequence"] or "",
            )
        _print_table(table)
        out.print(
            f"Figures read at log position {position} as on {as_on} "
            f"in {time.monotonic() - started:.1f} s (scheme {scheme.id} v{scheme.version})."
        )
    except LedgerError as e:
        raise _fail(e.detail, 2) from None
    finally:
        ledger.close()


@keys_app.command("create")
def keys_create(
    role: Annotated[Role, typer.Option(help="What the key may do")],
    platform: Annotated[
        UUID | None, typer.Option(help="Platform id (required for hub, window, institution)")
    ] = None,
    name: Annotated[str, typer.Option(help="Who holds the key, for the record")] = "",
) -> None:
    """Issue a key. It is printed once; only its hash is stored."""
    settings = Settings()
    ledger = _open_ledger(settings)
    try:
        issued = ledger.handle(IssueKey(role=role, platform_id=platform, name=name), _cli_context())
    except LedgerError as e:
        raise _fail(e.detail) from None
    finally:
        ledger.close()
    err.print(
        f"Issued a {role.value} key (id {issued.outcome.resource_id}). It is shown once; "
        "store it now:"
    )
    print(issued.secret)  # noqa: T201 - the key alone on stdout, for scripts


@keys_app.command("revoke")
def keys_revoke(
    key_id: Annotated[UUID, typer.Argument(help="The key's id, as shown by `keys list`")],
    reason: Annotated[str, typer.Option(help="Why, for the record")] = "revoked by operator",
) -> None:
    """Revoke a key: it stops working at once."""
    settings = Settings()
    ledger = _open_ledger(settings)
    try:
        ledger.handle(RevokeKey(key_id=key_id, reason=reason), _cli_context())
    except LedgerError as e:
        raise _fail(e.detail) from None
    finally:
        ledger.close()
    out.print(f"Revoked key {key_id}.")


@keys_app.command("list")
def keys_list() -> None:
    """List every key ever issued (never the keys themselves)."""
    settings = Settings()
    ledger = _open_ledger(settings)
    try:
        keys = list_keys(ledger)
    finally:
        ledger.close()
    table = Table("id", "role", "platform", "name", "hint", "issued", "status")
    for key in keys:
        table.add_row(
            str(key.id),
            key.role.value,
            str(key.platform_id or "-"),
            key.name,
            key.hint,
            key.issued_at[:19],
            "[red]revoked[/]" if key.revoked else "active",
        )
    _print_table(table)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="Records as JSONL (one JSON object a line) or CSV")],
    key: Annotated[
        str,
        typer.Option(
            envvar="LEDGER_KEY",
            help="The window's API key (LEDGER_KEY): records are attributed to it, for its "
            "platform, exactly as over HTTP",
        ),
    ],
) -> None:
    """Import service records from a window's own system (re-running the same file is safe)."""
    from cli.imports import import_file

    if not file.is_file():
        raise _fail(f"No file at {file}.")
    settings = Settings()
    ledger = _open_ledger(settings)
    try:
        access_key = authenticate(ledger, key)
        if access_key is None or access_key.role is not Role.WINDOW:
            raise _fail("Pass a live window key (--key or LEDGER_KEY): records are a window's.")
        principal = Principal.of_key(
            access_key.id, access_key.role, access_key.platform_id, access_key.name
        )
        with _progress_bar() as bar:
            task = bar.add_task(f"importing {file.name}", total=None, rate="")
            started = time.monotonic()

            def progress(done: int) -> None:
                elapsed = time.monotonic() - started
                bar.update(task, completed=done, rate=f"{done / elapsed:,.0f} records/s")

            summary = import_file(ledger, principal, file, progress)
    except LedgerError as e:
        raise _fail(e.detail, 2) from None
    finally:
        ledger.close()
    counts = summary.counts
    out.print(
        f"{counts['created']:,} created, {counts['exists']:,} already recorded, "
        f"{counts['rejected']:,} rejected; the log is at position {summary.position or '-'}."
    )
    for line, code, detail in summary.rejected[:50]:
        out.print(f"  line {line}: [bold]{code}[/] {detail}")
    if len(summary.rejected) > 50:
        out.print(f"  ... and {len(summary.rejected) - 50:,} more rejected records")
    if summary.rejected:
        raise typer.Exit(3)


def main() -> None:
    app()
