"""Start-up as an operator meets it: a bad setting, a misspelt variable or a database that
cannot be reached is one line naming what is wrong, and a non-zero exit."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.e2e._server import CLI, CLI_TIMEOUT_SECONDS, cli_env

UNREACHABLE = "postgresql://postgres:hunter2@127.0.0.1:1/nowhere"


def run(database_url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = cli_env(database_url, **env)
    if "LEDGER_DATABASE_URL_FILE" in env:
        del environment["LEDGER_DATABASE_URL"]
    return subprocess.run(
        [str(CLI), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_SECONDS,
        check=False,
    )


def test_a_value_a_setting_cannot_take_is_named_by_its_variable(sqlite_url: str) -> None:
    done = run(sqlite_url, "keys", "list", LEDGER_PORT="eighty")

    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: LEDGER_PORT: input should be a valid integer, unable to parse string as an "
        "integer (got 'eighty')"
    ]
    assert "Traceback" not in done.stderr


def test_a_misspelt_variable_is_refused_with_the_name_it_was_likely_meant_to_be(
    sqlite_url: str,
) -> None:
    done = run(sqlite_url, "keys", "list", LEDGER_POOL_SIZ="3")

    assert done.returncode == 2
    assert done.stderr.strip() == (
        "error: LEDGER_POOL_SIZ is not a setting (did you mean LEDGER_POOL_SIZE?)"
    )


def test_the_key_of_an_import_is_not_taken_for_a_misspelt_setting(sqlite_url: str) -> None:
    done = run(sqlite_url, "keys", "list", LEDGER_KEY="not-a-setting-but-known")

    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("keys", "list"),
        ("project", "status"),
        ("audit", "replay", "--until", "2026-01-01T00:00:00+08:00"),
        ("migrate",),
    ],
)
def test_a_database_that_cannot_be_reached_is_one_line_and_exit_3(args: tuple[str, ...]) -> None:
    done = run(UNREACHABLE, *args)

    assert done.returncode == 3, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: the database cannot be reached: ")
    assert "hunter2" not in done.stderr


def test_config_prints_the_effective_settings_with_secrets_masked() -> None:
    done = run(UNREACHABLE, "config", LEDGER_SEAL_KEY="c2VjcmV0", LEDGER_POOL_SIZE="7")

    assert done.returncode == 0, done.stderr
    assert "LEDGER_POOL_SIZE" in done.stdout
    assert " 7 " in done.stdout
    assert "postgresql://postgres:********@127.0.0.1:1/nowhere" in done.stdout
    assert "hunter2" not in done.stdout
    assert "c2VjcmV0" not in done.stdout


def test_version_prints_the_installed_version(sqlite_url: str) -> None:
    done = run(sqlite_url, "--version")

    assert done.returncode == 0
    assert done.stdout.strip().startswith("sme-ledger 0.")


def test_a_setting_may_come_from_a_file_as_secrets_are_mounted(tmp_path: Path) -> None:
    secret = tmp_path / "database_url"
    secret.write_text(UNREACHABLE + "\n", encoding="utf-8")

    shown = run(UNREACHABLE, "config", LEDGER_DATABASE_URL_FILE=str(secret))
    both = run(UNREACHABLE, "config", LEDGER_DATABASE_URL_FILE=str(secret), LEDGER_PORT="1")
    missing = run(UNREACHABLE, "config", LEDGER_SEAL_KEY_FILE_FILE=str(tmp_path / "nope"))

    assert shown.returncode == 0, shown.stderr
    assert "postgresql://postgres:********@127.0.0.1:1/nowhere" in shown.stdout
    assert both.returncode == 0, both.stderr
    assert missing.returncode == 2
    assert "LEDGER_SEAL_KEY_FILE_FILE: cannot read" in missing.stderr


def test_a_setting_given_twice_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "port"
    secret.write_text("8080", encoding="utf-8")

    done = run(UNREACHABLE, "config", LEDGER_PORT="8000", LEDGER_PORT_FILE=str(secret))

    assert done.returncode == 2
    assert done.stderr.strip() == "error: LEDGER_PORT and LEDGER_PORT_FILE are both set: keep one"


def test_keygen_if_missing_makes_the_key_once_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "seal.pem"

    first = run(UNREACHABLE, "audit", "keygen", str(path), "--if-missing")
    again = run(UNREACHABLE, "audit", "keygen", str(path), "--if-missing")
    without = run(UNREACHABLE, "audit", "keygen", str(path))

    assert first.returncode == 0, first.stderr
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout  # the same public key
    assert "Kept the key" in again.stderr
    assert without.returncode == 2
