"""``sme-ledger audit verify-timestamp NOTE TOKEN --tsa-ca FILE``: an RFC 3161 timestamp of a
checkpoint note, checked offline (evidence.timestamp)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from cli.audit import audit_app
from cli.common import fail, out
from evidence.checkpoint import format_time
from evidence.timestamp import TimestampError, load_certificates, verify_timestamp


@audit_app.command("verify-timestamp")
def verify_timestamp_command(
    note_file: Annotated[
        Path, typer.Argument(help="The checkpoint note (as GET /checkpoint serves it)")
    ],
    token_file: Annotated[
        Path,
        typer.Argument(help="Its timestamp (GET /v1/audit/checkpoints/{size}/timestamp)"),
    ],
    tsa_ca: Annotated[
        Path, typer.Option(help="PEM file of the CA you trust the time-stamping authority by")
    ],
) -> None:
    """Check an RFC 3161 timestamp of a checkpoint note: signed by a TSA certificate that
    chains to --tsa-ca, over the note's signed text. Prints the TSA's time beside the note's
    own sealed-at and how far apart they are. Exit 1 on failure."""
    try:
        note = note_file.read_bytes()
        reply = token_file.read_bytes()
        roots = load_certificates(tsa_ca.read_bytes())
    except OSError as e:
        raise fail(f"cannot read {e.filename}: {e.strerror}", 2) from None
    except TimestampError as e:
        raise fail(f"{tsa_ca}: {e}", 2) from None
    try:
        check = verify_timestamp(note, reply, roots)
    except TimestampError as e:
        out.print(f"[bold red]FAILED[/] {escape(str(e))}")
        raise typer.Exit(1) from None
    head = check.head
    out.print(
        f"[bold green]OK[/] tree size {head.tree_size} of {escape(head.origin)}, root "
        f"{head.root_hash.hex()}, timestamped (serial {check.serial_number}, policy "
        f"{check.policy})."
    )
    out.print(f"TSA time (genTime):  {format_time(check.gen_time)}")
    if head.sealed_at is None or check.drift_seconds is None:
        out.print("Sealed at:           (the note has no sealed-at line)")
        return
    out.print(f"Sealed at (note):    {format_time(head.sealed_at)}")
    drift = check.drift_seconds
    side = "ahead of" if drift > 0 else "behind" if drift < 0 else "level with"
    out.print(
        f"Difference:          {drift:+.3f} s (the operator's clock {side} the TSA's, within "
        "the TSA's accuracy and the time the request took)"
    )
