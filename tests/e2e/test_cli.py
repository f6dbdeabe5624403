"""The ``sme-ledger keys`` commands as an operator (or a script) runs them."""

from __future__ import annotations

from tests.e2e._server import KEY, create_key, listed_row, run_cli


def test_keys_create_prints_the_key_alone_on_stdout_and_its_id_on_stderr(sqlite_url: str) -> None:
    done = run_cli(sqlite_url, "keys", "create", "--role", "auditor", "--name", "audit")

    assert done.returncode == 0, done.stderr
    assert KEY.fullmatch(done.stdout.strip())
    assert done.stdout.count("\n") == 1
    assert "auditor key (id " in done.stderr
    assert done.stdout.strip() not in done.stderr


def test_a_platform_bound_role_without_a_platform_is_refused_with_a_reason(
    sqlite_url: str,
) -> None:
    done = run_cli(sqlite_url, "keys", "create", "--role", "window")

    assert done.returncode == 1
    assert done.stdout == ""
    assert "--platform" in done.stderr


def test_revoking_a_key_that_was_never_issued_fails_with_a_reason(sqlite_url: str) -> None:
    done = run_cli(sqlite_url, "keys", "revoke", "00000000-0000-4000-8000-000000000000")

    assert done.returncode == 1
    assert "No access key" in done.stderr


def test_revoking_a_key_twice_fails_the_second_time(sqlite_url: str) -> None:
    key = create_key(sqlite_url, "--role", "bureau")

    first = run_cli(sqlite_url, "keys", "revoke", key.key_id)
    second = run_cli(sqlite_url, "keys", "revoke", key.key_id)

    assert first.returncode == 0, first.stderr
    assert second.returncode == 1
    assert "already revoked" in second.stderr


def test_the_id_shown_by_keys_list_can_be_passed_to_keys_revoke(sqlite_url: str) -> None:
    key = create_key(sqlite_url, "--role", "auditor", "--name", "audit")
    listing = run_cli(sqlite_url, "keys", "list")
    assert listing.returncode == 0, listing.stderr

    shown_id = listed_row(listing.stdout, key.secret).split("│")[1].strip()
    revoked = run_cli(sqlite_url, "keys", "revoke", shown_id)

    assert shown_id == key.key_id
    assert revoked.returncode == 0, revoked.stderr
