"""Our recorders pass the eventsourcing library's own recorder tests, on the schema we migrate.

The PostgreSQL cases run against ``migrations/*.sql`` (the service never creates its tables), in
a fresh database per test because the contract expects an empty log that starts at 1. They are
unittest cases, so the fixtures of ``tests/conftest.py`` are re-created here: skipped when
PostgreSQL is unreachable, failed when that happens in CI.

Also here: an idempotency record is written in the same transaction as its events.
"""

from __future__ import annotations

import tempfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from unittest import TestCase
from uuid import UUID

import psycopg
import pytest
from eventsourcing.persistence import IntegrityError, StoredEvent
from eventsourcing.postgres import PostgresDatastore
from eventsourcing.sqlite import SQLiteDatastore

# Imported as a module: a base case imported by name would be collected and run on its own.
from eventsourcing.tests import persistence as contract

from ledger.application.ports import IdempotencyRecord
from ledger.persistence.config import StoreConfig, eventsourcing_env
from ledger.persistence.migrate import migrate
from ledger.persistence.postgres import LedgerPostgresRecorder
from ledger.persistence.sqlite import LedgerSQLiteRecorder
from tests.integration._support import fresh_database, in_ci, reachable_postgres_server

# Created by migrations/0001_event_store.sql; the library names it after the application
# ("Ledger"), which test_postgres_application checks for the factory-built ledger.
EVENTS_TABLE = "ledger_events"
THREAD_JOIN_TIMEOUT_SECONDS = 10.0


def postgres_datastore(url: str, *, pool_size: int = 1) -> PostgresDatastore:
    """A datastore for ``url``, its settings parsed as production parses them."""
    env = eventsourcing_env(StoreConfig(url))
    return PostgresDatastore(
        dbname=env["POSTGRES_DBNAME"],
        host=env["POSTGRES_HOST"],
        port=env["POSTGRES_PORT"],
        user=env["POSTGRES_USER"],
        password=env["POSTGRES_PASSWORD"],
        pool_size=pool_size,
        max_overflow=0,
        lock_timeout=5,
    )


class WaitsForItsThreads(TestCase):
    """Joins the threads a test started before its datastores are closed.

    The library's concurrency tests signal their reader threads to stop but do not join them;
    closing an SQLite connection while such a thread is still querying it crashes the
    interpreter (a segfault in ``_sqlite3``), so cleanup waits for them first. Daemon threads
    are left alone: the connection pool's workers run until the pool is closed.
    """

    def setUp(self) -> None:
        super().setUp()
        self._threads_before = set(threading.enumerate())

    def tearDown(self) -> None:
        # tearDown runs before the cleanups that close datastores and drop databases.
        for thread in set(threading.enumerate()) - self._threads_before:
            if not thread.daemon:
                thread.join(timeout=THREAD_JOIN_TIMEOUT_SECONDS)
        super().tearDown()


class MigratedPostgresDatabase(WaitsForItsThreads):
    """Each test gets a fresh database with every migration applied, and a datastore on it."""

    def setUp(self) -> None:
        super().setUp()
        server_url, problem = reachable_postgres_server()
        if problem is not None:
            if in_ci():
                self.fail(f"{problem} PostgreSQL tests are required in CI.")
            self.skipTest(problem)
        self.database_url = self.enterContext(fresh_database(server_url))
        migrate(self.database_url)
        self.datastore = postgres_datastore(self.database_url)
        self.addCleanup(self.datastore.close)

    def resize_pool(self, size: int) -> None:
        self.datastore.pool.open()
        self.datastore.pool.resize(size, size)


class TestPostgresRecorderMeetsTheApplicationRecorderContract(
    MigratedPostgresDatabase, contract.ApplicationRecorderTestCase[LedgerPostgresRecorder]
):
    def create_recorder(self) -> LedgerPostgresRecorder:
        return LedgerPostgresRecorder(self.datastore, events_table_name=EVENTS_TABLE)

    # The library's signature: unittest never passes the argument.
    def test_concurrent_no_conflicts(self, initial_position: int = 0) -> None:  # noqa: PT028
        # As the library's own PostgreSQL test does: ten writers and two readers.
        self.resize_pool(12)
        super().test_concurrent_no_conflicts(initial_position)

    def test_concurrent_throughput(self) -> None:
        self.resize_pool(10)
        super().test_concurrent_throughput()

    def test_insert_subscribe(self) -> None:
        # A subscription holds a connection to LISTEN while others write.
        self.resize_pool(2)
        super().optional_test_insert_subscribe()


class TestPostgresRecorderNeverInterleavesNotificationIds(
    MigratedPostgresDatabase, contract.NonInterleavingNotificationIDsBaseCase
):
    def create_recorder(self) -> LedgerPostgresRecorder:
        self.resize_pool(2)
        return LedgerPostgresRecorder(self.datastore, events_table_name=EVENTS_TABLE)


class SQLiteFile(WaitsForItsThreads):
    """Each test gets its own SQLite file, as production uses (the recorder creates its tables)."""

    def setUp(self) -> None:
        super().setUp()
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        self.db_path = str(Path(directory.name) / "ledger.sqlite")
        self.datastores: list[SQLiteDatastore] = []
        self.addCleanup(self._close_datastores)

    def _close_datastores(self) -> None:
        for datastore in self.datastores:
            datastore.close()

    def create_recorder(self) -> LedgerSQLiteRecorder:
        datastore = SQLiteDatastore(db_name=self.db_path, pool_size=100)
        self.datastores.append(datastore)
        recorder = LedgerSQLiteRecorder(datastore, EVENTS_TABLE)
        recorder.create_table()
        return recorder


class TestSQLiteRecorderMeetsTheApplicationRecorderContract(
    SQLiteFile, contract.ApplicationRecorderTestCase[LedgerSQLiteRecorder]
):
    pass


class TestSQLiteRecorderNeverInterleavesNotificationIds(
    SQLiteFile, contract.NonInterleavingNotificationIDsBaseCase
):
    pass


# --- idempotency records share their events' transaction ---------------------------------------


@pytest.fixture
def postgres_recorder(postgres_url: str) -> Iterator[LedgerPostgresRecorder]:
    datastore = postgres_datastore(postgres_url)
    yield LedgerPostgresRecorder(datastore, events_table_name=EVENTS_TABLE)
    datastore.close()


@pytest.fixture
def sqlite_recorder(tmp_path: Path) -> Iterator[LedgerSQLiteRecorder]:
    datastore = SQLiteDatastore(db_name=str(tmp_path / "ledger.sqlite"))
    recorder = LedgerSQLiteRecorder(datastore, EVENTS_TABLE)
    recorder.create_table()
    yield recorder
    datastore.close()


def two_events(stream_id: UUID) -> list[StoredEvent]:
    return [StoredEvent(stream_id, v, f"topic{v}", f"state{v}".encode()) for v in (1, 2)]


def record_for(stream_id: UUID, *, key: str = "key-1") -> IdempotencyRecord:
    """The response to a command that recorded ``two_events(stream_id)``."""
    return IdempotencyRecord(
        scope="key:tester",
        key=key,
        fingerprint="fp-1",
        status=201,
        resource_type="service_case",
        resource_id=stream_id,
        version=2,
        body=b'{"id": "x"}',
        anchor_id=stream_id,
        anchor_version=2,
    )


def insert_idempotency_row_directly(url: str, *, key: str, fingerprint: str) -> None:
    """Another request's record for ``key``, written straight to the table."""
    with psycopg.connect(url) as conn:
        conn.execute(
            "INSERT INTO ledger_idempotency (scope, key, fingerprint, status, resource_type, "
            "resource_id, version, body, position) VALUES (%s, %s, %s, 201, 'service_case', "
            "%s, 1, '{}'::bytea, 999)",
            ("key:tester", key, fingerprint, uuid.uuid4()),
        )


def test_postgres_records_an_idempotency_response_at_its_anchor_events_position(
    postgres_recorder: LedgerPostgresRecorder,
) -> None:
    stream_id = uuid.uuid4()

    ids = postgres_recorder.insert_events(
        two_events(stream_id), idempotency=(record_for(stream_id),)
    )

    found = postgres_recorder.select_idempotency("key:tester", "key-1")
    assert ids is not None
    assert found is not None
    assert (found.fingerprint, found.resource_id, found.version, found.body) == (
        "fp-1",
        stream_id,
        2,
        b'{"id": "x"}',
    )
    assert found.position == ids[-1]


def test_postgres_appends_no_events_when_their_idempotency_record_cannot_be_written(
    postgres_recorder: LedgerPostgresRecorder, postgres_url: str
) -> None:
    insert_idempotency_row_directly(postgres_url, key="key-1", fingerprint="someone else's")
    stream_id = uuid.uuid4()

    with pytest.raises(IntegrityError, match="ledger_idempotency"):
        postgres_recorder.insert_events(two_events(stream_id), idempotency=(record_for(stream_id),))

    assert postgres_recorder.select_events(stream_id) == []
    assert postgres_recorder.max_notification_id() is None
    found = postgres_recorder.select_idempotency("key:tester", "key-1")
    assert found is not None
    assert found.fingerprint == "someone else's"


def test_postgres_recorder_still_writes_after_a_refused_idempotency_record(
    postgres_recorder: LedgerPostgresRecorder, postgres_url: str
) -> None:
    insert_idempotency_row_directly(postgres_url, key="key-1", fingerprint="someone else's")
    refused = uuid.uuid4()
    with pytest.raises(IntegrityError):
        postgres_recorder.insert_events(two_events(refused), idempotency=(record_for(refused),))
    stream_id = uuid.uuid4()

    postgres_recorder.insert_events(
        two_events(stream_id), idempotency=(record_for(stream_id, key="key-2"),)
    )

    assert len(postgres_recorder.select_events(stream_id)) == 2


def test_sqlite_records_an_idempotency_response_at_its_anchor_events_position(
    sqlite_recorder: LedgerSQLiteRecorder,
) -> None:
    stream_id = uuid.uuid4()

    ids = sqlite_recorder.insert_events(two_events(stream_id), idempotency=(record_for(stream_id),))

    found = sqlite_recorder.select_idempotency("key:tester", "key-1")
    assert ids is not None
    assert found is not None
    assert (found.resource_id, found.version, found.position) == (stream_id, 2, ids[-1])


def test_sqlite_appends_no_events_when_their_idempotency_record_cannot_be_written(
    sqlite_recorder: LedgerSQLiteRecorder,
) -> None:
    first = uuid.uuid4()
    sqlite_recorder.insert_events(two_events(first), idempotency=(record_for(first),))
    second = uuid.uuid4()

    with pytest.raises(IntegrityError):
        sqlite_recorder.insert_events(two_events(second), idempotency=(record_for(second),))

    assert sqlite_recorder.select_events(second) == []
    assert sqlite_recorder.max_notification_id() == 2
