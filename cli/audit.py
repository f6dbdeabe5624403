"""``sme-ledger audit …``: the auditor's tools (keys, evidence packs, verification, replay)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Annotated
from uuid import UUID

import orjson
import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TimeElapsedColumn

from cli.common import err, fail, open_ledger, out
from cli.timestamp_options import RequireTimestamp, TsaCa, describe, timestamp_policy
from cli.witness_options import MinWitnesses, WitnessKeys, utc_seconds, witness_policy
from evidence.checkpoint import format_time, load_trusted_checkpoint
from evidence.cosignature import verify_witnessed_checkpoint
from evidence.keys import VerifyKey, load_verify_key
from evidence.note import NoteError, NoteVerifier, parse_verifier_key
from evidence.verify import VerificationReport, verify_pack
from ledger.application.app import LedgerApplication
from ledger.audit.keys import (
    SealKeyError,
    SigningKey,
    read_private_key,
    resolve_signing_key,
    write_private_key,
)
from ledger.audit.pack import export_pack
from ledger.audit.replay import ReplayPoint, replay_log, replay_stream
from ledger.domain.errors import LedgerError
from runtime.audit import embedded_key_path
from runtime.reads import audit_reads
from runtime.settings import Settings

audit_app = typer.Typer(
    help="Auditor tools: keys, evidence packs, offline verification, replay.",
    no_args_is_help=True,
)


def _fail(message: str, code: int = 2) -> typer.Exit:
    return fail(message, code)


def _open(settings: Settings) -> LedgerApplication:
    return open_ledger(settings)


def _signing_key(settings: Settings) -> SigningKey:
    try:
        key, note = resolve_signing_key(
            settings.seal_key_text, settings.seal_key_file, embedded_key_path(settings)
        )
    except SealKeyError as e:
        raise _fail(e.detail) from None
    if note:
        err.print(f"[yellow]{note}[/]")
    return key


# --- auditor tools ---------------------------------------------------------------------------


@audit_app.command("keygen")
def keygen(
    path: Annotated[Path, typer.Argument(help="Where to write the private key (mode 0600)")],
    if_missing: Annotated[
        bool,
        typer.Option(
            "--if-missing",
            help="If PATH already holds a key, keep it and print its public key (for a "
            "deployment's first start: made once, never replaced)",
        ),
    ] = False,
) -> None:
    """Make an Ed25519 sealing key: the private key goes to PATH, the public key to stdout."""
    if if_missing and path.exists():
        try:
            kept = read_private_key(path)
        except SealKeyError as e:
            raise _fail(e.detail) from None
        err.print(f"Kept the key in {path} (key id {kept.key_id}); its public key is below.")
        sys.stdout.write(kept.public.pem)
        return
    key = SigningKey.generate()
    try:
        write_private_key(path, key)
    except SealKeyError as e:
        raise _fail(e.detail) from None
    public_path = path.with_name(path.name + ".pub")
    public_path.write_text(key.public.pem, encoding="ascii")
    err.print(
        f"Wrote the private key to {path} (mode 0600) and the public key to {public_path}.\n"
        f"Key id {key.key_id}. Set LEDGER_SEAL_KEY_FILE={path} for `sme-ledger seal`, and give "
        "auditors the public key below."
    )
    sys.stdout.write(key.public.pem)


def _progress_bar() -> tuple[Progress, Callable[[str, int, int], None]]:
    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )
    tasks: dict[str, TaskID] = {}
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        now = time.monotonic()
        if done >= total or now - last[0] > 0.1:
            last[0] = now
            bar.update(tasks[stage], completed=done, total=total)

    return bar, progress


@audit_app.command("export")
def export(
    path: Annotated[Path, typer.Argument(help="The evidence pack to write (a .zip file)")],
    until: Annotated[
        int | None, typer.Option(help="Up to the first checkpoint covering this log position")
    ] = None,
    stream: Annotated[
        UUID | None, typer.Option(help="Only this stream's events, with inclusion proofs")
    ] = None,
) -> None:
    """Write an evidence pack: events as stored, leaf hashes, signed checkpoints, public keys
    (read from LEDGER_READ_DATABASE_URL, the hot standby, if it is set)."""
    settings = Settings()
    ledger = _open(settings)
    try:
        bar, progress = _progress_bar()
        # From the read standby, if one is set: a whole log's export is the read to keep off
        # the primary.
        with bar, audit_reads(settings, ledger) as (log, store):
            report = export_pack(log, store, path, until=until, stream=stream, progress=progress)
    except LedgerError as e:
        raise _fail(e.detail) from None
    finally:
        ledger.close()
    out.print(
        f"Wrote a {report.kind} evidence pack to {path}: {report.events} event(s), "
        f"{report.checkpoints} checkpoint(s), tree size {report.tree_size} up to position "
        f"{report.last_position}."
    )
    out.print(
        f"The anchor checkpoint carries {report.cosignatures} witness cosignature(s)."
        if report.cosignatures or settings.witnesses
        else "No witnesses are configured (LEDGER_WITNESSES): the anchor has no cosignature."
    )
    if report.timestamped or settings.tsa_url:
        out.print(
            "The anchor checkpoint's RFC 3161 timestamp is in the pack (anchor.tsr)."
            if report.timestamped
            else "The anchor checkpoint has no RFC 3161 timestamp yet: the pack carries none."
        )
    if report.unsealed_after:
        out.print(
            f"{report.unsealed_after} later event(s) are not covered by a checkpoint yet and are "
            "not in the pack."
        )


def _print_report(report: VerificationReport) -> None:
    for warning in report.warnings:
        err.print(f"[yellow]warning:[/] {warning}")
    if report.failure is None:
        out.print(
            f"[bold green]OK[/] {report.kind} pack: {report.events} event(s) and "
            f"{report.checkpoints} checkpoint(s) verified, tree size {report.tree_size} up to "
            f"position {report.last_position}; key(s) {', '.join(report.key_ids)}"
            + (f"; {report.tiles} tile(s) make up its root" if report.tiles else "")
            + (f"; cosigned by {', '.join(report.witnesses)}" if report.witnesses else "")
            + f"; {describe(report.timestamp)}."
        )
        return
    f = report.failure
    where = f"position {f.position}" if f.position is not None else "the pack"
    out.print(f"[bold red]FAILED[/] at {where} ({f.code}): {escape(f.message)}")


@audit_app.command("verify")
def verify(
    pack: Annotated[Path, typer.Argument(help="The evidence pack", exists=True, dir_okay=False)],
    public_key: Annotated[
        list[Path] | None,
        typer.Option(help="Public key(s) (PEM) you trust; repeat for rotated keys"),
    ] = None,
    trusted_checkpoint: Annotated[
        Path | None, typer.Option(help="A checkpoint you kept earlier (its JSON)")
    ] = None,
    witness_key: WitnessKeys = None,
    min_witnesses: MinWitnesses = None,
    tsa_ca: TsaCa = None,
    require_timestamp: RequireTimestamp = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print the result as JSON")] = False,
) -> None:
    """Check a pack offline: every leaf, root, signature and consistency, (with
    --witness-key) the witnesses' cosignatures of its anchor, and (with --tsa-ca) its anchor's
    RFC 3161 timestamp. Exit 1 on failure."""
    keys: list[VerifyKey] | None = None
    try:
        if public_key:
            keys = [load_verify_key(p.read_bytes()) for p in public_key]
        trusted = load_trusted_checkpoint(trusted_checkpoint) if trusted_checkpoint else None
        policy = witness_policy(witness_key, min_witnesses)
        stamps = timestamp_policy(tsa_ca, require_timestamp)
    except (SealKeyError, ValueError, OSError, orjson.JSONDecodeError) as e:
        raise _fail(getattr(e, "detail", str(e))) from None
    report = verify_pack(pack, keys, trusted, policy if policy.min_witnesses else None, stamps)
    stamp = report.timestamp
    if json_output:
        failure = report.failure
        sys.stdout.write(
            orjson.dumps(
                {
                    "ok": report.ok,
                    "kind": report.kind,
                    "events": report.events,
                    "checkpoints": report.checkpoints,
                    "tree_size": report.tree_size,
                    "last_position": report.last_position,
                    "key_ids": report.key_ids,
                    "witnesses": report.witnesses,
                    "tiles": report.tiles,
                    "timestamp": None
                    if stamp is None
                    else {
                        "present": stamp.present,
                        "checked": stamp.checked,
                        "gen_time": format_time(stamp.gen_time) if stamp.gen_time else None,
                    },
                    "warnings": report.warnings,
                    "failure": None if failure is None else vars(failure),
                },
                option=orjson.OPT_INDENT_2,
            ).decode()
            + "\n"
        )
    else:
        _print_report(report)
    if not report.ok:
        raise typer.Exit(1)


@audit_app.command("verifier-key")
def verifier_key() -> None:
    """Print the note verifier key of the sealing key (LEDGER_SEAL_KEY_FILE), named by
    LEDGER_CHECKPOINT_ORIGIN: what auditors pass to `verify-checkpoint` and Go's sumdb/note."""
    settings = Settings()
    key = _signing_key(settings)
    sys.stdout.write(f"{NoteVerifier(settings.checkpoint_origin, key.public)}\n")


def _read_verifier(text: str) -> NoteVerifier:
    path = Path(text)
    if "+" not in text and path.is_file():
        text = path.read_text(encoding="utf-8")
    return parse_verifier_key(text)


@audit_app.command("verify-checkpoint")
def verify_checkpoint(
    note_file: Annotated[
        Path, typer.Argument(help="A checkpoint note (from GET /checkpoint); - for stdin")
    ],
    verifier_key: Annotated[
        list[str],
        typer.Option(help="A note verifier key you trust (<name>+<hash>+<key>, or a file)"),
    ],
    origin: Annotated[str | None, typer.Option(help="The log the checkpoint must be of")] = None,
    witness_key: WitnessKeys = None,
    min_witnesses: MinWitnesses = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the result as JSON")] = False,
) -> None:
    """Check a C2SP signed-note checkpoint offline against trusted keys, and that enough trusted
    witnesses cosigned it. Exit 1 on failure."""
    try:
        verifiers = [_read_verifier(k) for k in verifier_key]
        policy = witness_policy(witness_key, min_witnesses)
        note = sys.stdin.buffer.read() if str(note_file) == "-" else note_file.read_bytes()
    except (NoteError, OSError) as e:
        raise _fail(str(e)) from None
    try:
        witnessed = verify_witnessed_checkpoint(
            note, verifiers, policy.keys, policy.min_witnesses, origin
        )
    except NoteError as e:
        if json_output:
            sys.stdout.write(orjson.dumps({"ok": False, "failure": str(e)}).decode() + "\n")
        else:
            out.print(f"[bold red]FAILED[/] {escape(str(e))}")
        raise typer.Exit(1) from None
    head = witnessed.head
    cosigned = [
        {"witness": c.witness.label, "cosigned_at": format_time(utc_seconds(c.timestamp))}
        for c in witnessed.cosignatures
    ]
    result = {
        "ok": True,
        "origin": head.origin,
        "tree_size": head.tree_size,
        "root_hash": head.root_hash.hex(),
        "last_position": head.last_position,
        "sealed_at": None if head.sealed_at is None else format_time(head.sealed_at),
        "witnesses": cosigned,
    }
    if json_output:
        sys.stdout.write(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    by = "".join(f"; cosigned by {c['witness']} at {c['cosigned_at']}" for c in cosigned)
    out.print(
        f"[bold green]OK[/] checkpoint of {escape(head.origin)}: tree size {head.tree_size}, "
        f"root {head.root_hash.hex()}, position {head.last_position}, sealed at "
        f"{result['sealed_at']}{escape(by)}."
    )


@audit_app.command("replay")
def replay(
    until: Annotated[
        str | None,
        typer.Option(help="As recorded up to a log position, or an ISO time with offset"),
    ] = None,
    business_date: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="As it stood on this business date (Ningxia): what had happened by then",
        ),
    ] = None,
    stream: Annotated[UUID | None, typer.Option(help="Show this stream's state")] = None,
) -> None:
    """A stream's state (or the log's figures) as recorded up to a log position or a time,
    and/or as it stood on a business date."""
    if until is None and business_date is None:
        raise _fail("Pass --until (a position or a time), --business-date, or both.")
    try:
        point = ReplayPoint() if until is None else ReplayPoint.parse(until)
    except ValueError as e:
        raise _fail(str(e)) from None
    if business_date is not None:
        point = replace(point, business_date=business_date.date())
    settings = Settings()
    ledger = _open(settings)
    try:
        result = (
            replay_log(ledger, point) if stream is None else replay_stream(ledger, stream, point)
        )
    except LedgerError as e:
        raise _fail(e.detail, 1) from None
    finally:
        ledger.close()
    sys.stdout.write(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() + "\n")
