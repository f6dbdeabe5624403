"""The ``sme-ledger`` command: every subcommand, put together."""

from __future__ import annotations

import sqlite3
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import psycopg
import psycopg_pool
import typer
from eventsourcing.persistence import OperationalError as StoreOperationalError
from rich.table import Table

from cli import (
    appraise,
    audit_mirror,  # noqa: F401 - registers `audit mirror` on the audit commands
    audit_reconcile,  # noqa: F401 - registers `audit reconcile` on the audit commands
    audit_timestamp,  # noqa: F401 - registers `audit verify-timestamp` on the audit commands
    drift,
    keys,
    seal,
    serve,
    views,
    witness,
)
from cli import audit as cli_audit
from cli.common import err, print_table
from ledger.persistence.failfast import DatabaseAwayError
from runtime.settings import Settings, SettingsError
from runtime.settings_shown import effective

app = typer.Typer(
    name="sme-ledger",
    help="SME Service Ledger: the event-sourced record of the SME public service network.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("seal")(seal.seal)
app.command()(serve.serve)
app.command()(serve.migrate)
app.command()(serve.demo)
app.command()(appraise.appraise)
app.command("import")(keys.import_)
app.add_typer(keys.keys_app, name="keys")
views.project_app.command("check-drift")(drift.check_drift)
app.add_typer(views.project_app, name="project")
app.add_typer(cli_audit.audit_app, name="audit")
app.add_typer(witness.witness_app, name="witness")


def unreachable(error: BaseException) -> bool:
    """Whether ``error`` says the database cannot be reached or opened (not that a statement
    failed on one that answered): a connection refused, a pool that never got a connection, a
    SQLite file that cannot be opened."""
    if isinstance(error, psycopg_pool.PoolTimeout | DatabaseAwayError):
        return True
    if isinstance(error, psycopg.OperationalError):
        return error.sqlstate is None or error.sqlstate.startswith("08")
    if isinstance(error, sqlite3.OperationalError):
        return "unable to open" in str(error)
    if isinstance(error, StoreOperationalError) and error.__cause__ is not None:
        return unreachable(error.__cause__)
    return False


def package_version() -> str:
    try:
        return version("sme-service-ledger")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree never installed
        return "unknown"


def _print_version(asked: bool) -> None:
    if asked:
        typer.echo(f"sme-ledger {package_version()}")
        raise typer.Exit


@app.callback()
def _options(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit"
        ),
    ] = False,
) -> None:
    """SME Service Ledger: the event-sourced record of the SME public service network."""


@app.command()
def config() -> None:
    """Print the effective settings, one environment variable a line (secrets masked)."""
    table = Table("variable", "value", title="Effective settings")
    for name, value in effective(Settings()).items():
        table.add_row(name, value)
    print_table(table)


def main() -> None:
    try:
        app()
    except SettingsError as e:
        for problem in e.problems:
            err.print(f"[bold red]error:[/] {problem}", highlight=False)
        raise SystemExit(2) from None
    except Exception as e:
        if not unreachable(e):
            raise
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        err.print(f"[bold red]error:[/] the database cannot be reached: {first}", highlight=False)
        raise SystemExit(3) from None
