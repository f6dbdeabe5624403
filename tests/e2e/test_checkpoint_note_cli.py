"""`sme-ledger audit verifier-key` and `audit verify-checkpoint`: the operator gives out the note
verifier key, the auditor checks a C2SP checkpoint note with it, offline."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson

from tests.e2e.test_audit_cli import run, sealed_ledger


def stored_note(sqlite_url: str) -> bytes:
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as db:
        row = db.execute(
            "SELECT note FROM ledger_checkpoint_notes ORDER BY tree_size DESC LIMIT 1"
        ).fetchone()
    return bytes(row[0])


def test_a_checkpoint_note_verifies_with_the_operators_verifier_key(
    sqlite_url: str, tmp_path: Path
) -> None:
    key = sealed_ledger(sqlite_url, tmp_path)
    note = tmp_path / "checkpoint"
    note.write_bytes(stored_note(sqlite_url))

    vkey = run(sqlite_url, "audit", "verifier-key", LEDGER_SEAL_KEY_FILE=str(key))
    checked = run(
        sqlite_url,
        "audit",
        "verify-checkpoint",
        str(note),
        "--verifier-key",
        vkey.stdout.strip(),
        "--origin",
        "sme-ledger.nx/service-ledger",
        "--json",
    )

    assert vkey.returncode == 0, vkey.stderr
    assert vkey.stdout.startswith("sme-ledger.nx/service-ledger+")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    result = orjson.loads(checked.stdout)
    assert result["ok"] is True
    assert result["tree_size"] == 3


def test_a_tampered_note_or_another_key_fails_with_exit_code_1(
    sqlite_url: str, tmp_path: Path
) -> None:
    key = sealed_ledger(sqlite_url, tmp_path)
    vkey = tmp_path / "verifier-key"
    vkey.write_text(run(sqlite_url, "audit", "verifier-key", LEDGER_SEAL_KEY_FILE=str(key)).stdout)
    tampered = tmp_path / "tampered"
    tampered.write_bytes(stored_note(sqlite_url).replace(b"\n3\n", b"\n4\n"))
    other_key = tmp_path / "other.pem"
    assert run(sqlite_url, "audit", "keygen", str(other_key)).returncode == 0
    other = run(sqlite_url, "audit", "verifier-key", LEDGER_SEAL_KEY_FILE=str(other_key))
    note = tmp_path / "checkpoint"
    note.write_bytes(stored_note(sqlite_url))

    altered = run(
        sqlite_url, "audit", "verify-checkpoint", str(tampered), "--verifier-key", str(vkey)
    )
    wrong = run(
        sqlite_url, "audit", "verify-checkpoint", str(note), "--verifier-key", other.stdout.strip()
    )

    assert altered.returncode == 1
    assert "does not verify" in altered.stdout
    assert wrong.returncode == 1
    assert "no trusted key" in wrong.stdout
