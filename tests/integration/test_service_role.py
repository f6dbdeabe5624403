"""The service connects as a role that is not the owner and cannot edit history (0004_roles)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import psycopg
import pytest

from ledger.application.app import LedgerApplication
from ledger.audit.records import AccessRecord, StoredCosignature, StoredTimestamp
from ledger.persistence.audit_store import audit_store_for
from ledger.persistence.config import StoreConfig
from ledger.persistence.migrate import migrate
from projections.drift import DRIFT, DriftCheck, record_check
from projections.store import PostgresViewStore
from runtime.bootstrap import build_ledger
from tests._audit import append_events, seal
from tests.integration._support import (
    Network,
    event_rows,
    fresh_database,
    open_case,
    set_up_network,
    with_dbname,
)
from tests.integration.conftest import SERVICE_LOGIN, as_user, ensure_service_login

ACCESS = AccessRecord(
    datetime.now(UTC), "key:test", "auditor", "GET", "/v1/events", None, 200, "req-1"
)


def rows_of(url: str, table: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()


APPEND_ONLY_TABLES = [
    "ledger_events",
    "ledger_merkle_leaves",
    "ledger_merkle_nodes",
    "ledger_checkpoints",
    "ledger_checkpoint_notes",
    "ledger_checkpoint_cosignatures",
    "ledger_checkpoint_timestamps",
    "ledger_seal_keys",
    "ledger_access_log",
    "ledger_view_drift",
]
REFUSED = [
    "UPDATE {table} SET {column} = {column}",
    "DELETE FROM {table}",
    "TRUNCATE {table}",
    "ALTER TABLE {table} DISABLE TRIGGER ALL",
    "ALTER TABLE {table} DISABLE TRIGGER USER",
    "DROP TABLE {table}",
]
FIRST_COLUMN = {
    "ledger_events": "topic",
    "ledger_merkle_leaves": "leaf_hash",
    "ledger_merkle_nodes": "hash",
    "ledger_checkpoints": "signature",
    "ledger_checkpoint_notes": "note",
    "ledger_checkpoint_cosignatures": "line",
    "ledger_checkpoint_timestamps": "reply",
    "ledger_seal_keys": "public_key",
    "ledger_access_log": "status",
    "ledger_view_drift": "outcome",
}


@pytest.fixture
def sealed_service_ledger(service_ledger: LedgerApplication) -> LedgerApplication:
    set_up_network(service_ledger)
    append_events(service_ledger, 3)
    seal(service_ledger)
    return service_ledger


@pytest.fixture(scope="module")
def shared_service_url(postgres_server_url: str) -> Iterator[str]:
    """One sealed database, with access records, for the tests that only try to change it.

    Shared because creating a database is most of a test's time; each refusal is checked by
    the statement failing, and the rows are compared before and after.
    """
    with fresh_database(postgres_server_url) as url:
        migrate(url)
        ensure_service_login(url)
        service = as_user(url, SERVICE_LOGIN)
        ledger = build_ledger(StoreConfig(service, pool_size=1))
        try:
            set_up_network(ledger)
            append_events(ledger, 3)
            cp = seal(ledger)
            store = audit_store_for(ledger.recorder)
            store.write_access([ACCESS])
            store.add_cosignature(
                StoredCosignature(cp.tree_size, "audit.nx/w+00000000", ACCESS.at, "\u2014 x AAAA\n")
            )
            # The row's bytes do not matter here: only who may change or remove it.
            size = store.tree_size()
            store.add_timestamp(StoredTimestamp(size, ACCESS.at, ACCESS.at, b"reply"))
            views = PostgresViewStore(service)
            try:
                with views.transaction() as tx:  # as the projection worker records a check
                    record_check(tx, DriftCheck("registry", 2, 3, ACCESS.at, DRIFT))
            finally:
                views.close()
        finally:
            ledger.close()
        yield service


def test_the_service_role_is_neither_superuser_nor_owner(service_url: str) -> None:
    with psycopg.connect(service_url) as conn:
        row = conn.execute(
            "SELECT r.rolsuper, pg_get_userbyid(c.relowner), "
            "pg_has_role(current_user, c.relowner, 'MEMBER') "
            "FROM pg_roles r, pg_class c "
            "WHERE r.rolname = current_user AND c.relname = 'ledger_events'"
        ).fetchone()
    assert row == (False, "ledger_owner", False)


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
@pytest.mark.parametrize("template", REFUSED)
def test_the_service_role_cannot_change_or_remove_records(
    shared_service_url: str, table: str, template: str
) -> None:
    statement = template.format(table=table, column=FIRST_COLUMN[table])
    before = rows_of(shared_service_url, table)
    assert before, f"{table} should hold something to protect"

    with (
        psycopg.connect(shared_service_url, autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(statement)

    assert rows_of(shared_service_url, table) == before


def test_the_service_role_cannot_switch_triggers_off_with_replica_mode(service_url: str) -> None:
    with (
        psycopg.connect(service_url, autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("SET session_replication_role = replica")


def test_the_service_role_cannot_take_the_table_lock_itself(service_url: str) -> None:
    """Why the lock goes through ledger_events_lock(): EXCLUSIVE mode asks for UPDATE rights."""
    with psycopg.connect(service_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("LOCK TABLE ledger_events IN EXCLUSIVE MODE")


def test_the_lock_function_takes_exactly_the_librarys_lock_until_commit(service_url: str) -> None:
    with psycopg.connect(service_url) as conn:
        conn.execute("SELECT ledger_events_lock()")
        modes = conn.execute(
            "SELECT mode FROM pg_locks WHERE relation = 'ledger_events'::regclass "
            "AND pid = pg_backend_pid() AND granted"
        ).fetchall()
        conn.rollback()
    assert ("ExclusiveLock",) in modes


def test_the_lock_function_cannot_be_hijacked_through_the_search_path(service_url: str) -> None:
    with psycopg.connect(service_url) as conn:
        config = conn.execute(
            "SELECT proconfig, prosecdef, pg_get_userbyid(proowner) FROM pg_proc "
            "WHERE proname = 'ledger_events_lock'"
        ).fetchone()
    assert config == (["search_path=pg_catalog, pg_temp"], True, "ledger_owner")


def test_the_ledger_appends_and_reads_as_the_service_role(
    service_ledger: LedgerApplication, service_url: str
) -> None:
    network = set_up_network(service_ledger)
    outcome = open_case(service_ledger, network, "YC-SVC-0001")

    history = service_ledger.history(outcome.resource_id)

    assert [e.position for e in history] == [outcome.position]
    assert len(event_rows(service_url)) == 3


def test_the_seal_and_the_access_trail_work_as_the_service_role(
    sealed_service_ledger: LedgerApplication,
) -> None:
    store = audit_store_for(sealed_service_ledger.recorder)

    cp = store.latest_checkpoint()

    assert cp is not None
    assert cp.tree_size == sealed_service_ledger.head_position()


def test_a_second_database_on_the_same_server_migrates_with_the_roles_already_there(
    postgres_url: str, network: Network, pg_ledger: LedgerApplication
) -> None:
    """Roles are cluster-wide; every test database runs 0004 again, which must not fail."""
    with psycopg.connect(postgres_url) as conn:
        applied = conn.execute(
            "SELECT count(*) FROM ledger_schema_migrations WHERE name = '0004_roles'"
        ).fetchone()
    assert applied == (1,)
    open_case(pg_ledger, network, "YC-SVC-0002")


MIGRATOR = "ledger_test_migrator"


def test_a_migrator_that_is_not_a_superuser_applies_every_migration(
    postgres_server_url: str,
) -> None:
    """The documented set-up without a superuser: a CREATEROLE role that owns the database."""
    dbname = f"ledger_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(
            "DO $$ BEGIN "
            f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{MIGRATOR}') THEN "
            f"CREATE ROLE {MIGRATOR} LOGIN CREATEROLE; END IF; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        )
        conn.execute(f'CREATE DATABASE "{dbname}" OWNER {MIGRATOR}')
    url = with_dbname(postgres_server_url, dbname)
    try:
        migrate(as_user(url, MIGRATOR))
        ensure_service_login(url)
        ledger = build_ledger(StoreConfig(as_user(url, SERVICE_LOGIN), pool_size=1))
        try:
            open_case(ledger, set_up_network(ledger), "YC-MIG-0001")
        finally:
            ledger.close()
        with psycopg.connect(url) as conn:
            owners = conn.execute(
                "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class "
                "WHERE relname LIKE 'ledger\\_%' AND relname <> 'ledger_schema_migrations' "
                "AND relkind IN ('r', 'S')"
            ).fetchall()
        assert owners == [("ledger_owner",)]
    finally:
        with psycopg.connect(postgres_server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
