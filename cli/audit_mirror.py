"""``sme-ledger audit mirror URL DIR``: a verified copy of a ledger's tiles (evidence.mirror)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import httpx
import typer
from rich.markup import escape

from cli.audit import _read_verifier, audit_app
from cli.common import fail, out
from evidence.mirror import CHECKPOINT, Fetch, MirrorError, mirror
from evidence.note import NoteError

TIMEOUT_SECONDS = 30.0


class _UnreachableError(Exception):
    """The server did not answer a path, or answered it with an error."""


def _fetcher(client: httpx.Client) -> Fetch:
    def fetch(path: str) -> bytes:
        try:
            answer = client.get(f"/{path}")
        except httpx.HTTPError as e:
            raise _UnreachableError(f"GET /{path}: {e}") from None
        if answer.status_code != 200:
            raise _UnreachableError(
                f"GET /{path} answered {answer.status_code}: {answer.text[:200]}"
            )
        return answer.content

    return fetch


@audit_app.command("mirror")
def audit_mirror(
    url: Annotated[str, typer.Argument(help="The ledger's base URL, e.g. https://ledger.example")],
    directory: Annotated[Path, typer.Argument(help="The mirror's directory (made if missing)")],
    verifier_key: Annotated[
        list[str],
        typer.Option(help="A note verifier key you trust (<name>+<hash>+<key>, or a file)"),
    ],
    key: Annotated[
        str | None,
        typer.Option(
            envvar="LEDGER_KEY",
            help="An auditor's (or the bureau's) API key; from LEDGER_KEY if not given",
            show_default=False,
        ),
    ] = None,
    origin: Annotated[str | None, typer.Option(help="The log the mirror must be of")] = None,
    entries: Annotated[
        bool, typer.Option(help="Fetch the entry bundles too and check every entry")
    ] = True,
) -> None:
    """Bring a verified local copy of the log's tiles up to its latest checkpoint: signature,
    consistency with the checkpoint held, every tile and entry. Resumable. Exit 1 on failure."""
    if not key:
        raise fail("Pass an auditor's key: --key, or LEDGER_KEY.", 2)
    try:
        verifiers = [_read_verifier(k) for k in verifier_key]
    except (NoteError, OSError) as e:
        raise fail(str(e), 2) from None
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=url.rstrip("/"), headers=headers, timeout=TIMEOUT_SECONDS) as c:
        try:
            report = mirror(_fetcher(c), directory, verifiers, origin=origin, entries=entries)
        except _UnreachableError as e:
            raise fail(str(e), 2) from None
        except MirrorError as e:
            out.print(f"[bold red]FAILED[/] {escape(str(e))}")
            raise typer.Exit(1) from None
    before = "new mirror" if report.previous_size is None else f"was {report.previous_size}"
    out.print(
        f"[bold green]OK[/] {escape(str(directory / CHECKPOINT))}: tree size {report.tree_size} "
        f"({before}), root {report.root_hash.hex()}; {report.fetched} tile(s) fetched, "
        f"{report.reused} reused, {report.entries} entries checked."
    )
