"""The options by which an auditor says how a pack's timestamp is checked (``audit verify``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from evidence.checkpoint import format_time
from evidence.pack_timestamp import AnchorTimestamp, TimestampPolicy
from evidence.timestamp import TimestampError, load_certificates

TsaCa = Annotated[
    Path | None,
    typer.Option(
        help="PEM file of the CA you trust the time-stamping authority by: the anchor's "
        "timestamp, if the pack has one, must verify with it",
        dir_okay=False,
    ),
]
RequireTimestamp = Annotated[
    bool,
    typer.Option(
        "--require-timestamp",
        help="Fail unless the anchor carries a timestamp that verifies with --tsa-ca",
    ),
]


def timestamp_policy(tsa_ca: Path | None, required: bool) -> TimestampPolicy:
    """The CA given and whether a timestamp is required; raises ``TimestampError`` (or
    ``OSError``) for a CA that cannot be read, or a requirement that cannot be checked."""
    if required and tsa_ca is None:
        raise TimestampError("--require-timestamp needs --tsa-ca to check the timestamp with")
    roots = load_certificates(tsa_ca.read_bytes()) if tsa_ca is not None else []
    return TimestampPolicy(roots, required)


def describe(stamp: AnchorTimestamp | None) -> str:
    """The report's words for the anchor's timestamp."""
    if stamp is None or not stamp.present:
        return "no timestamp"
    if not stamp.checked or stamp.gen_time is None:
        return "a timestamp, not checked (no --tsa-ca)"
    return f"timestamped at {format_time(stamp.gen_time)} (TSA time, verified)"
