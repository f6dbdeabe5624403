"""Recorded history cannot be edited in the database, not even by the superuser running the tests."""

from __future__ import annotations

import psycopg
import pytest

from ledger.application import LedgerApplication
from tests.integration._support import Network, event_rows, open_case

CHANGES = [
    pytest.param("UPDATE ledger_events SET state = 'tampered'::bytea", "UPDATE", id="update"),
    pytest.param(
        "UPDATE ledger_events SET originator_version = originator_version + 100",
        "UPDATE",
        id="update-version",
    ),
    pytest.param("DELETE FROM ledger_events", "DELETE", id="delete"),
    pytest.param(
        "DELETE FROM ledger_events WHERE notification_id = "
        "(SELECT max(notification_id) FROM ledger_events)",
        "DELETE",
        id="delete-latest",
    ),
    pytest.param("TRUNCATE ledger_events", "TRUNCATE", id="truncate"),
    pytest.param("TRUNCATE ledger_events CASCADE", "TRUNCATE", id="truncate-cascade"),
]


@pytest.fixture
def recorded(pg_ledger: LedgerApplication, network: Network, postgres_url: str) -> str:
    """A database holding a little history; returns its URL."""
    open_case(pg_ledger, network, "YC-2026-0001")
    assert len(event_rows(postgres_url)) == 3
    return postgres_url


def test_the_tests_connect_as_a_superuser(recorded: str) -> None:
    with psycopg.connect(recorded) as conn:
        row = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    assert row == (True,)


@pytest.mark.parametrize(("statement", "operation"), CHANGES)
def test_changing_recorded_events_is_refused_as_append_only(
    recorded: str, statement: str, operation: str
) -> None:
    before = event_rows(recorded)

    with (
        psycopg.connect(recorded, autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege) as excinfo,
    ):
        conn.execute(statement)

    assert "append-only" in str(excinfo.value)
    assert operation in str(excinfo.value)
    assert event_rows(recorded) == before


def test_appending_still_works_after_a_refused_change(
    pg_ledger: LedgerApplication, network: Network, recorded: str
) -> None:
    with (
        psycopg.connect(recorded, autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("DELETE FROM ledger_events")

    open_case(pg_ledger, network, "YC-2026-0002")

    assert len(event_rows(recorded)) == 4


@pytest.mark.xfail(
    strict=True,
    reason=(
        "BUG: the append-only triggers are ordinary triggers, which do not fire when "
        "session_replication_role = replica, so a superuser (or a restore or replication "
        "session) can still DELETE, UPDATE or TRUNCATE history. Fix: ENABLE ALWAYS TRIGGER."
    ),
)
def test_history_is_refused_even_in_replica_mode(recorded: str) -> None:
    before = event_rows(recorded)

    with psycopg.connect(recorded, autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM ledger_events")

    assert event_rows(recorded) == before
