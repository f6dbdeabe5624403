"""API access keys, and imports of a window's records with its key."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer
from rich.table import Table

from cli.common import (
    cli_context,
    err,
    fail,
    open_ledger,
    out,
    print_table,
    progress_bar,
)
from ledger.application.commands.access_keys import IssueKey, RevokeKey
from ledger.application.context import Principal
from ledger.application.queries.access_keys import authenticate, list_keys
from ledger.domain.access_key import Role
from ledger.domain.errors import LedgerError
from runtime.bootstrap import Runtime
from runtime.settings import Settings

keys_app = typer.Typer(help="Issue, revoke and list API access keys.", no_args_is_help=True)


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
    ledger = open_ledger(settings)
    try:
        issued = ledger.handle(IssueKey(role=role, platform_id=platform, name=name), cli_context())
    except LedgerError as e:
        raise fail(e.detail) from None
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
    ledger = open_ledger(settings)
    try:
        ledger.handle(RevokeKey(key_id=key_id, reason=reason), cli_context())
    except LedgerError as e:
        raise fail(e.detail) from None
    finally:
        ledger.close()
    out.print(f"Revoked key {key_id}.")


@keys_app.command("list")
def keys_list() -> None:
    """List every key ever issued (never the keys themselves)."""
    try:
        with Runtime(Settings()) as runtime:
            keys = list_keys(runtime.ledger, runtime.directory())
    except LedgerError as e:
        raise fail(e.detail, 2) from None
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
    print_table(table)


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
    """Import service records from a window's own system (re-running the same file is safe).

    Each record is the one-call body of POST /v1/service-cases. CSV columns: external_ref,
    uscc, category, channel, description, occurred_at; provider_kind, provider_name,
    provider_id, assigned_at; delivered_on, mode, fee_type, fee_amount, delivered_at;
    satisfaction, comment, feedback_at; closure_note, closed_at. Each ..._at is when that step
    happened (ISO 8601 with an offset; without it, when the case was opened).
    """
    from cli.imports import import_file

    if not file.is_file():
        raise fail(f"No file at {file}.")
    settings = Settings()
    ledger = open_ledger(settings)
    try:
        access_key = authenticate(ledger, key)
        if access_key is None or access_key.role is not Role.WINDOW:
            raise fail("Pass a live window key (--key or LEDGER_KEY): records are a window's.")
        principal = Principal.of_key(
            access_key.id, access_key.role, access_key.platform_id, access_key.name
        )
        with progress_bar() as bar:
            task = bar.add_task(f"importing {file.name}", total=None, rate="")
            started = time.monotonic()

            def progress(done: int) -> None:
                elapsed = time.monotonic() - started
                bar.update(task, completed=done, rate=f"{done / elapsed:,.0f} records/s")

            summary = import_file(ledger, principal, file, progress)
    except LedgerError as e:
        raise fail(e.detail, 2) from None
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
