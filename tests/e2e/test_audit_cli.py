"""`sme-ledger audit …` and `sme-ledger seal --once` as an operator and an auditor run them."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import orjson

from evidence.keys import load_verify_key
from tests.e2e._server import CLI, CLI_TIMEOUT_SECONDS, cli_env, create_key


def run(database_url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *args],
        env=cli_env(database_url, **env),
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_SECONDS,
        check=False,
    )


def sealed_ledger(sqlite_url: str, tmp_path: Path) -> Path:
    """A few events, sealed with a key made by `audit keygen`; returns the key file."""
    for name in ("a", "b", "c"):
        create_key(sqlite_url, "--role", "auditor", "--name", name)
    key = tmp_path / "seal.pem"
    assert run(sqlite_url, "audit", "keygen", str(key)).returncode == 0
    done = run(sqlite_url, "seal", "--once", LEDGER_SEAL_KEY_FILE=str(key))
    assert done.returncode == 0, done.stderr
    return key


def test_keygen_writes_a_private_key_only_its_owner_can_read_and_prints_the_public_key(
    sqlite_url: str, tmp_path: Path
) -> None:
    key = tmp_path / "keys" / "seal.pem"

    done = run(sqlite_url, "audit", "keygen", str(key))
    again = run(sqlite_url, "audit", "keygen", str(key))

    assert done.returncode == 0, done.stderr
    assert key.stat().st_mode & 0o777 == 0o600
    public = load_verify_key(done.stdout)
    assert public.key_id in done.stderr
    assert (tmp_path / "keys" / "seal.pem.pub").read_text() == done.stdout
    assert again.returncode == 2
    assert "never overwritten" in again.stderr


def test_an_exported_pack_verifies_with_the_operators_public_key(
    sqlite_url: str, tmp_path: Path
) -> None:
    key = sealed_ledger(sqlite_url, tmp_path)
    pack = tmp_path / "pack.zip"

    exported = run(sqlite_url, "audit", "export", str(pack))
    verified = run(sqlite_url, "audit", "verify", str(pack), "--public-key", f"{key}.pub", "--json")

    assert exported.returncode == 0, exported.stderr
    assert "3 event(s)" in exported.stdout
    assert verified.returncode == 0, verified.stdout
    result = orjson.loads(verified.stdout)
    assert result["ok"] is True
    assert result["events"] == 3
    assert result["warnings"] == []


def test_verify_names_the_first_altered_position_and_exits_non_zero(
    sqlite_url: str, tmp_path: Path
) -> None:
    key = sealed_ledger(sqlite_url, tmp_path)
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as db:
        db.execute("DROP TRIGGER stored_events_no_update")
        db.execute(
            "UPDATE stored_events SET state = CAST(replace(CAST(state AS TEXT), '\"b\"', '\"B\"') "
            "AS BLOB) WHERE rowid = 2"
        )
    pack = tmp_path / "pack.zip"
    assert run(sqlite_url, "audit", "export", str(pack)).returncode == 0

    verified = run(sqlite_url, "audit", "verify", str(pack), "--public-key", f"{key}.pub")

    assert verified.returncode == 1
    assert "FAILED at position 2" in verified.stdout
    assert "(altered_event)" in verified.stdout


def test_a_checkpoint_the_auditor_kept_is_checked_against_the_pack(
    sqlite_url: str, tmp_path: Path
) -> None:
    key = sealed_ledger(sqlite_url, tmp_path)
    pack = tmp_path / "pack.zip"
    assert run(sqlite_url, "audit", "export", str(pack)).returncode == 0
    from zipfile import ZipFile

    with ZipFile(pack) as zf:
        kept = zf.read("checkpoints.jsonl").splitlines()[-1]
    trusted = tmp_path / "trusted.json"
    trusted.write_bytes(kept)
    create_key(sqlite_url, "--role", "auditor", "--name", "later")
    assert run(sqlite_url, "seal", "--once", LEDGER_SEAL_KEY_FILE=str(key)).returncode == 0
    assert run(sqlite_url, "audit", "export", str(pack)).returncode == 0

    verified = run(
        sqlite_url,
        "audit",
        "verify",
        str(pack),
        "--public-key",
        f"{key}.pub",
        "--trusted-checkpoint",
        str(trusted),
    )

    assert verified.returncode == 0, verified.stdout
    assert "4 event(s)" in verified.stdout


def test_replay_shows_a_stream_as_of_a_position(sqlite_url: str, tmp_path: Path) -> None:
    issued = create_key(sqlite_url, "--role", "auditor", "--name", "first")
    create_key(sqlite_url, "--role", "auditor", "--name", "second")
    assert run(sqlite_url, "keys", "revoke", issued.key_id).returncode == 0

    before = run(sqlite_url, "audit", "replay", "--until", "2", "--stream", issued.key_id)
    after = run(sqlite_url, "audit", "replay", "--until", "3", "--stream", issued.key_id)
    log = run(sqlite_url, "audit", "replay", "--until", "2")

    assert orjson.loads(before.stdout)["state"]["revoked"] is False
    assert orjson.loads(after.stdout)["state"]["revoked"] is True
    assert orjson.loads(log.stdout)["events_by_type"] == {"AccessKey.Issued": 2}


def test_replay_refuses_a_time_without_an_offset(sqlite_url: str) -> None:
    done = run(sqlite_url, "audit", "replay", "--until", "2026-03-01T10:00:00")

    assert done.returncode == 2
    assert "offset" in done.stderr


def test_replay_as_it_stood_on_a_business_date(sqlite_url: str) -> None:
    create_key(sqlite_url, "--role", "auditor", "--name", "first")

    stood = run(sqlite_url, "audit", "replay", "--business-date", "2018-01-01")
    today = run(sqlite_url, "audit", "replay", "--business-date", "2099-12-31", "--until", "1")
    neither = run(sqlite_url, "audit", "replay")

    assert stood.returncode == 0, stood.stderr
    assert orjson.loads(stood.stdout)["events"] == 0  # the key was issued today
    assert orjson.loads(today.stdout)["events_by_type"] == {"AccessKey.Issued": 1}
    assert neither.returncode == 2
    assert "--business-date" in neither.stderr
