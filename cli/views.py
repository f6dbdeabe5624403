"""The projection daemon and its rebuild and status commands."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from cli.common import (
    MetricsHost,
    MetricsPort,
    fail,
    open_ledger,
    out,
    progress_bar,
    serve_worker_metrics,
)
from ledger.application.app import LedgerApplication
from projections.failures import ViewFailure
from projections.runner import ProjectionRunner
from runtime import drift, logs, workers
from runtime.bootstrap import Runtime
from runtime.settings import Settings
from runtime.startup import wait_for_database

log = logging.getLogger("ledger.project")

project_app = typer.Typer(
    help="Keep the views up to date (the projection daemon), rebuild them, show their lag.",
    invoke_without_command=True,
)


def open_views(settings: Settings, ledger: LedgerApplication) -> ProjectionRunner:
    """The views of ``ledger``, their tables there: made here on SQLite (the embedded store
    owns its schema), checked on PostgreSQL (where `sme-ledger migrate` makes them)."""
    runner = Runtime(settings, ledger=ledger).view_runner()
    try:
        if settings.store.is_postgres:
            runner.ensure_views_exist()
        else:
            runner.ensure_schema()
    except RuntimeError as e:
        runner.store.close()
        ledger.close()
        raise fail(str(e), 2) from None
    return runner


@project_app.callback()
def project(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option(help="Catch up once and exit")] = False,
    poll: Annotated[float, typer.Option(help="Seconds between polls when idle")] = 1.0,
    metrics_host: MetricsHost = "127.0.0.1",
    metrics_port: MetricsPort = None,
) -> None:
    """Run the projection daemon: keep every view caught up with the log until stopped."""
    if ctx.invoked_subcommand is not None:
        return
    import signal

    settings = Settings()
    logs.configure(settings.log_format)
    if not once:
        wait_for_database(settings)  # a daemon started during an outage waits for the database
    ledger = open_ledger(settings)
    runner = open_views(settings, ledger)
    try:
        if once:
            runner.catch_up()
            return
        stop = threading.Event()

        def shut_down(*_: object) -> None:
            stop.set()
            runner.wake.set()

        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, shut_down)
        observed = workers.ProjectionMetrics(
            settings.projection_stall_seconds, head=_head_reader(settings, runner)
        )
        observed.views(runner.projections)
        runner.stalled.append(observed.failed)
        runner.stalled.append(_say_stalled)
        observed.observe(runner.status())  # where the views are before the first round
        if metrics_port is not None:
            serve_worker_metrics(observed, metrics_host, metrics_port)
        watch = workers.DatabaseWatch(
            observed,
            _say,
            max_delay=settings.reconnect_max_seconds,
            refresh=workers.pool_refresher(ledger, runner.store),
        )
        listener = _listen_for_appends(settings, runner, stop, watch)
        drift_checks = _check_drift(settings, ledger, observed, stop)
        log.info("Keeping %d views up to date; Ctrl-C to stop.", len(runner.projections))
        _keep_up(runner, stop, poll, watch, observed)
        if listener is not None:
            listener.join(timeout=5)
        drift_checks()
    finally:
        runner.store.close()
        ledger.close()


def _check_drift(
    settings: Settings,
    ledger: LedgerApplication,
    observed: workers.ProjectionMetrics,
    stop: threading.Event,
) -> Callable[[], None]:
    """Start the daemon's drift checks (every LEDGER_DRIFT_CHECK_SECONDS; none if 0), on a
    thread and a view store of their own; what ends them once ``stop`` is set."""
    if settings.drift_check_seconds <= 0:
        return lambda: None
    checker = Runtime(settings, ledger=ledger).drift_checker()
    metrics = drift.DriftMetrics(observed.registry)
    schedule = drift.DriftSchedule(checker, settings.drift_check_seconds, metrics, _say)
    thread = drift.start_drift_checks(schedule, stop)

    def end() -> None:
        # A check under way ends with its shadow fold: the daemon does not wait long for it,
        # and a store still in use is left for the process's exit to close.
        thread.join(timeout=5)
        if not thread.is_alive():
            checker.store.close()

    return end


def _say(line: str) -> None:
    """One line of trouble (the database lost or back, a view stalled, a failed round) in the
    worker's log."""
    log.warning("%s", line)


def _say_stalled(failure: ViewFailure) -> None:
    _say(
        f"project: view {failure.name} stalled before position {failure.position} "
        f"({failure.error} on {failure.topic}: {failure.message}); the other views go on. "
        "`sme-ledger project failures` tells more."
    )


def _head_reader(settings: Settings, runner: ProjectionRunner) -> Callable[[], int]:
    """How a scrape reads the head of the log: on PostgreSQL over a connection of its own
    with short timeouts, so a scrape answers within seconds even while the database is gone
    (the metrics then use the last head seen)."""
    if not settings.store.is_postgres:
        return runner.head
    import psycopg
    from psycopg import sql

    table = str(getattr(runner.ledger.recorder, "events_table_name", "ledger_events"))
    query = sql.SQL("SELECT COALESCE(MAX(notification_id), 0) FROM {}").format(
        sql.Identifier(*table.split("."))
    )

    def head() -> int:
        with psycopg.connect(
            settings.database_url, connect_timeout=2, options="-c statement_timeout=2000"
        ) as conn:
            row = conn.execute(query).fetchone()
        return int(row[0]) if row else 0

    return head


def _keep_up(
    runner: ProjectionRunner,
    stop: Any,
    poll: float,
    watch: workers.DatabaseWatch,
    observed: workers.ProjectionMetrics,
) -> None:
    """Keep every view caught up until ``stop`` is set, woken early by ``runner.wake``.

    A lost database is waited out with a bounded back-off (one line when it goes, one when it
    is back); any other failure is reported and retried after ``poll`` seconds. Each batch
    commits with its view's position, so a retry never applies an event twice.
    """
    while not stop.is_set():
        try:
            for name in runner.projections:
                head = runner.head()
                while not stop.is_set() and (moved := runner.catch_up_once(name)):
                    observed.advanced(name, moved, head)
            observed.observe(runner.status())
            watch.ok()
        except Exception as e:
            if workers.lost_connection(e):
                stop.wait(watch.lost(e))
            else:
                _say(f"project: a batch failed ({type(e).__name__}: {e}); retrying")
                stop.wait(poll)
            continue
        runner.wake.wait(poll)
        runner.wake.clear()


def _listen_for_appends(
    settings: Settings, runner: ProjectionRunner, stop: Any, watch: workers.DatabaseWatch
) -> Any:
    """On PostgreSQL, wake the daemon on every append (LISTEN); polling stays as a fallback.

    The LISTEN connection is the first to notice a lost database (the server closes it at
    once): it tells ``watch``, which drops the pools' dead connections before the daemon's next
    round needs one, and it is made again with the same bounded back-off.
    """
    if not settings.store.is_postgres:
        return None
    import psycopg

    def listen() -> None:
        while not stop.is_set():
            try:
                with psycopg.connect(
                    settings.database_url, autocommit=True, connect_timeout=5
                ) as conn:
                    conn.execute("LISTEN ledger_events")
                    watch.ok()
                    runner.wake.set()  # catch up with whatever was appended while it was gone
                    while not stop.is_set():
                        for _ in conn.notifies(timeout=1.0, stop_after=1):
                            runner.wake.set()
            except psycopg.Error as e:
                stop.wait(watch.lost(e))  # the poll keeps the views fresh meanwhile

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
    ledger = open_ledger(settings)
    runner = open_views(settings, ledger)
    try:
        names = list(runner.projections) if all_views else [name] if name else []
        unknown = [n for n in names if n not in runner.projections]
        if not names or unknown:
            known = ", ".join(runner.projections)
            raise fail(f"Name a view to rebuild ({known}) or pass --all.", 2)
        with progress_bar() as bar:
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
    ledger = open_ledger(settings)
    runner = open_views(settings, ledger)
    try:
        table = Table("view", "version", "position", "state", "lag")
        for s in runner.status():
            table.add_row(s.name, str(s.version), str(s.position), s.state, str(s.lag))
    finally:
        runner.store.close()
        ledger.close()
    out.print(table)


@project_app.command("failures")
def project_failures(
    json_output: Annotated[bool, typer.Option("--json", help="Print the failures as JSON")] = False,
) -> None:
    """Each stalled view: where it stopped, the event it fails on, and the error."""
    settings = Settings()
    ledger = open_ledger(settings)
    runner = open_views(settings, ledger)
    try:
        positions = {s.name: s.position for s in runner.status()}
        found = [
            {
                "position": positions.get(f.name),
                **f.as_dict(),
                "recorded_at": _recorded_at(ledger, f),
            }
            for f in runner.failures()
        ]
    finally:
        runner.store.close()
        ledger.close()
    if json_output:
        sys.stdout.write(orjson.dumps(found, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    if not found:
        out.print("No view is stalled.")
        return
    for failure in found:
        out.print(
            f"[bold]{failure['view']}[/] is stalled at position {failure['position']}, before "
            f"the event at position {failure['failed_position']}:",
            highlight=False,
        )
        lines = {
            "event": f"{failure['topic']}, recorded {failure['recorded_at'] or '(unknown)'}",
            "stream": f"{failure['originator_id']} version {failure['originator_version']}",
            "error": f"{failure['error']}: {failure['message']}",
            "attempts": f"{failure['attempts']}, the last at {failure['failed_at']}",
        }
        for label, text in lines.items():
            out.print(f"  {label:<9}{text}", markup=False, highlight=False)
    out.print(
        "Events are immutable: the fix is in the projection's code. Once it is deployed, "
        "`sme-ledger project` tries each stalled view again (at once when it starts, else "
        "within a minute) and the view goes live again when it gets past the event.",
        markup=False,
        highlight=False,
    )


def _recorded_at(ledger: LedgerApplication, failure: ViewFailure) -> str | None:
    """When the event a view fails on was recorded, if it can be decoded at all."""
    try:
        [notification] = ledger.recorder.select_notifications(
            start=failure.position, stop=failure.position, limit=1
        )
        timestamp = getattr(ledger.mapper.to_domain_event(notification), "timestamp", None)
    except Exception:  # the failure may be that it cannot be decoded: the rest still tells
        return None
    return timestamp.isoformat() if isinstance(timestamp, datetime) else None
