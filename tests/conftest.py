"""Shared fixtures: one marker per folder, and ledgers built through the production factory."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from ledger.application.app import LedgerApplication
from ledger.persistence.config import StoreConfig
from ledger.persistence.migrate import migrate
from projections.catalog import ensure_view_schema
from runtime.bootstrap import build_ledger

DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
_FOLDER_MARKERS = {"unit", "application", "integration", "api", "e2e"}
# Real-process tests whose assertions bound wall time, or that kill and pause processes on a
# timer: `make test` runs them alone, after everything else, so no other test's load can
# stretch what they measure.
_TIMED_MODULES = frozenset({
    "test_admission", "test_bench_smoke", "test_change_feed", "test_database_outage",
    "test_metrics_workers",
    "test_read_standby", "test_revocation_across_processes", "test_slow_clients",
    "test_torture_smoke",
})  # fmt: skip


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.path))
        if path.parent.name in _FOLDER_MARKERS:
            item.add_marker(getattr(pytest.mark, path.parent.name))
        if path.parent.name == "e2e" and path.stem in _TIMED_MODULES:
            item.add_marker(pytest.mark.timed)


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.sqlite'}"


@pytest.fixture
def make_ledger() -> Iterator[Callable[[str], LedgerApplication]]:
    """Builds ledgers through the production factory and closes them after the test."""
    built: list[LedgerApplication] = []

    def make(url: str) -> LedgerApplication:
        app = build_ledger(StoreConfig(url))
        built.append(app)
        return app

    yield make
    for app in built:
        app.close()


@pytest.fixture
def ledger(make_ledger: Callable[[str], LedgerApplication], sqlite_url: str) -> LedgerApplication:
    return make_ledger(sqlite_url)


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    """The PostgreSQL server for integration tests: required in CI, optional elsewhere."""
    url = os.environ.get("LEDGER_TEST_POSTGRES_URL", DEFAULT_TEST_POSTGRES_URL)
    try:
        with psycopg.connect(url, connect_timeout=3):
            pass
    except psycopg.OperationalError as e:
        message = f"PostgreSQL is not reachable at {url} ({e}). Set LEDGER_TEST_POSTGRES_URL."
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"{message} PostgreSQL tests are required in CI.")
        pytest.skip(message)
    return url


def with_dbname(url: str, dbname: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{dbname}"


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A uniquely named, empty database on ``server_url``, dropped on exit."""
    dbname = f"ledger_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    try:
        yield with_dbname(server_url, dbname)
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


@pytest.fixture
def empty_postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A uniquely named, empty database, dropped after the test."""
    with fresh_database(postgres_server_url) as url:
        yield url


@pytest.fixture
def postgres_url(empty_postgres_url: str) -> str:
    """A uniquely named database with every migration applied and the view tables made, as
    `sme-ledger migrate` leaves it."""
    migrate(empty_postgres_url)
    config = StoreConfig(empty_postgres_url)
    ledger = build_ledger(config)
    try:
        ensure_view_schema(ledger, config)
    finally:
        ledger.close()
    return empty_postgres_url
