"""``sme-ledger witness …``: run a witness that cosigns the log's checkpoints (C2SP
``tlog-witness``), with its own key and its own state; it reads none of the ledger's settings."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from cli.common import err, fail
from evidence.note import NoteError, NoteVerifier, parse_verifier_key
from runtime import logs
from witness import (
    StateDirectory,
    Witness,
    WitnessKey,
    WitnessKeyError,
    WitnessStateError,
    create_witness_app,
    read_witness_key,
    write_witness_key,
)

log = logging.getLogger("witness")

witness_app = typer.Typer(
    help="A witness: cosigns checkpoints of the logs it trusts, each consistent with the last.",
    no_args_is_help=True,
)

Name = Annotated[
    str,
    typer.Option(
        help="The name the witness cosigns under, e.g. audit.nx.gov.cn/witness (no spaces or "
        "'+'); its verifier key carries it"
    ),
]


@witness_app.command("keygen")
def keygen(
    path: Annotated[Path, typer.Argument(help="Where to write the private key (mode 0600)")],
    name: Name,
) -> None:
    """Make the witness's Ed25519 key: the private key goes to PATH, its verifier key (what the
    log and auditors are given) to stdout and PATH.vkey."""
    try:
        key = WitnessKey.generate(name)
        write_witness_key(path, key)
    except WitnessKeyError as e:
        raise fail(str(e), 2) from None
    vkey = f"{key.cosigner}\n"
    path.with_name(path.name + ".vkey").write_text(vkey, encoding="ascii")
    err.print(
        f"Wrote the private key to {path} (mode 0600) and the verifier key to {path}.vkey. Give "
        "the operator the verifier key for LEDGER_WITNESSES, and auditors for --witness-key."
    )
    sys.stdout.write(vkey)


def _key(path: Path, name: str) -> WitnessKey:
    try:
        return read_witness_key(path, name)
    except WitnessKeyError as e:
        raise fail(str(e), 2) from None


@witness_app.command("verifier-key")
def verifier_key(
    key: Annotated[Path, typer.Option(help="The witness's private key file")],
    name: Name,
) -> None:
    """Print the witness's verifier key (<name>+<key ID>+<base64(0x04 ‖ public key)>)."""
    sys.stdout.write(f"{_key(key, name).cosigner}\n")


def read_log_key(text: str) -> NoteVerifier:
    """A log's note verifier key, given as the key itself or a file holding it."""
    path = Path(text)
    if "+" not in text and path.is_file():
        text = path.read_text(encoding="utf-8")
    return parse_verifier_key(text)


@witness_app.command("serve")
def serve(
    key: Annotated[Path, typer.Option(help="The witness's private key file")],
    name: Name,
    state: Annotated[
        Path, typer.Option(help="The directory of what the witness has cosigned (kept, backed up)")
    ],
    log_key: Annotated[
        list[str],
        typer.Option(
            help="The note verifier key of a log to witness (`sme-ledger audit verifier-key`), "
            "or a file holding it; repeat for more logs or a rotated key"
        ),
    ],
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on", min=1, max=65535)] = 7380,
    log_format: Annotated[
        str, typer.Option(help="text: lines for a terminal; json: one object a line")
    ] = "text",
) -> None:
    """Serve POST /add-checkpoint (and GET /<origin hash>/checkpoint) until stopped."""
    import uvicorn

    if log_format not in ("text", "json"):
        raise fail("--log-format is text or json", 2)
    witness_key = _key(key, name)
    try:
        logs_trusted = [read_log_key(k) for k in log_key]
    except (NoteError, OSError) as e:
        raise fail(f"--log-key: {e}", 2) from None
    try:
        directory = StateDirectory(state)
    except (WitnessStateError, OSError) as e:
        raise fail(str(e), 2) from None
    logs.configure("json" if log_format == "json" else "text")
    try:
        witness = Witness(witness_key, logs_trusted, directory)
        log.info(
            "Witness %s on http://%s:%d for %s",
            witness_key.cosigner,
            host,
            port,
            ", ".join(sorted(witness.logs)),
        )
        uvicorn.run(
            create_witness_app(witness),
            host=host,
            port=port,
            log_config=logs.config("json" if log_format == "json" else "text"),
            access_log=False,
        )
    finally:
        directory.close()
