"""Recorded history cannot be edited in the database, not even by the superuser."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from ledger.application.app import LedgerApplication
from ledger.persistence.config import StoreConfig
from ledger.persistence.migrate import migrate
from runtime.bootstrap import build_ledger
from tests.integration._support import (
    Network,
    event_rows,
    fresh_database,
    open_case,
    set_up_network,
)

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


@pytest.fixture(scope="module")
def shared_history(postgres_server_url: str) -> Iterator[str]:
    """One database holding a little history, shared by the tests that only try to change it.

    Shared because creating a database is most of a test's time here; a refusal that failed
    would still be caught by the test that made it, which compares the rows before and after.
    """
    with fresh_database(postgres_server_url) as url:
        migrate(url)
        ledger = build_ledger(StoreConfig(url, pool_size=1))
        try:
            open_case(ledger, set_up_network(ledger), "YC-2026-0001")
        finally:
            ledger.close()
        yield url


@pytest.fixture
def recorded(pg_ledger: LedgerApplication, network: Network, postgres_url: str) -> str:
    """A database of this test's own, holding a little history; returns its URL."""
    open_case(pg_ledger, network, "YC-2026-0001")
    return postgres_url


def test_the_tests_connect_as_a_superuser(shared_history: str) -> None:
    with psycopg.connect(shared_history) as conn:
        row = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    assert row == (True,)


@pytest.mark.parametrize(("statement", "operation"), CHANGES)
def test_changing_recorded_events_is_refused_as_append_only(
    shared_history: str, statement: str, operation: str
) -> None:
    before = event_rows(shared_history)
    assert len(before) == 3

    with (
        psycopg.connect(shared_history, autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege) as excinfo,
    ):
        conn.execute(statement)

    assert "append-only" in str(excinfo.value)
    assert operation in str(excinfo.value)
    assert event_rows(shared_history) == before


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


def test_history_is_refused_even_in_replica_mode(recorded: str) -> None:
    before = event_rows(recorded)

    with psycopg.connect(recorded, autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM ledger_events")

    assert event_rows(recorded) == before
