"""The options by which an auditor says which witnesses must have cosigned (``audit verify``
and ``audit verify-checkpoint``)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from evidence.cosignature import parse_cosigner_key
from evidence.note import NoteError
from evidence.pack_witnesses import WitnessPolicy

WitnessKeys = Annotated[
    list[str] | None,
    typer.Option(
        help="A witness's verifier key you trust (<name>+<hash>+<base64(0x04 ‖ key)>, or a file "
        "holding it); repeat for each witness"
    ),
]
MinWitnesses = Annotated[
    int | None,
    typer.Option(
        min=0,
        help="How many of the --witness-key witnesses must have cosigned (default: all of them)",
    ),
]


def witness_policy(keys: list[str] | None, minimum: int | None) -> WitnessPolicy:
    """The witnesses given, and how many must have cosigned; raises ``NoteError`` for keys that
    cannot be read or a minimum they cannot reach."""
    parsed = []
    for text in keys or []:
        path = Path(text)
        if "+" not in text and path.is_file():
            text = path.read_text(encoding="utf-8")
        parsed.append(parse_cosigner_key(text))
    needed = len({(k.name, k.key_hash) for k in parsed}) if minimum is None else minimum
    if needed > len({(k.name, k.key_hash) for k in parsed}):
        msg = (
            f"--min-witnesses {needed} needs at least {needed} different --witness-key keys "
            f"(got {len(parsed)})"
        )
        raise NoteError(msg)
    return WitnessPolicy(parsed, needed)


def utc_seconds(timestamp: int) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)
