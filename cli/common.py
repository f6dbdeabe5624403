"""What every command of ``sme-ledger`` shares: consoles, failing with one clear line, opening the
ledger through the one bootstrap, acting as the operator at the terminal."""

from __future__ import annotations

import getpass
import uuid
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ledger.application.app import LedgerApplication
from ledger.application.context import Principal, RequestContext
from ledger.domain.envelope import Envelope
from ledger.domain.errors import LedgerError
from runtime.bootstrap import Runtime
from runtime.settings import Settings
from runtime.workers import WorkerMetrics

# The options of a long-running worker's own metrics endpoint (`project`, `seal`).
MetricsHost = Annotated[str, typer.Option(help="Where the worker's Prometheus metrics listen")]
MetricsPort = Annotated[
    int | None,
    typer.Option(help="Serve this worker's Prometheus metrics on this port", min=1, max=65535),
]

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


def cli_envelope(ledger: LedgerApplication) -> Envelope:
    """Commands from the command line are attributed to the operating-system user."""
    correlation = f"cli-{uuid.uuid4().hex}"
    return Envelope(
        actor=f"cli:{getpass.getuser()}",
        platform_id=None,
        correlation_id=correlation,
        causation_id=correlation,
        occurred_at=ledger.clock(),
    )


def cli_context() -> RequestContext:
    """A command from the command line: the operating-system user, as an operator (no key)."""
    return RequestContext(Principal(f"cli:{getpass.getuser()}"), f"cli-{uuid.uuid4().hex}")


def print_table(table: Table, width: int = 160) -> None:
    # Ids are copied from tables into other commands: a narrow or piped (80-column) console must
    # not cut them short, so a table is never printed narrower than one whole row (``width``).
    Console(soft_wrap=True, width=max(out.width, width)).print(table)


def progress_bar() -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        "[dim]{task.fields[rate]}[/]",
        TimeElapsedColumn(),
        console=err,
    )


def open_ledger(settings: Settings) -> LedgerApplication:
    """The ledger of ``settings``, built by the one bootstrap (closed by the caller)."""
    try:
        return Runtime(settings).ledger
    except LedgerError as e:
        raise fail(e.detail, 2) from None


def serve_worker_metrics(observed: WorkerMetrics, host: str, port: int) -> None:
    try:
        observed.serve(host, port)
    except OSError as e:
        raise fail(f"cannot serve metrics on {host}:{port}: {e.strerror or e}", 2) from None
    err.print(
        f"{observed.worker}: metrics on http://{host}:{port}/metrics", markup=False, highlight=False
    )
