"""Fixtures for the PostgreSQL tests: ledgers on a fresh migrated database, and a small network."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from ledger.application.app import LedgerApplication
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger
from tests.integration._support import Network, set_up_network


@pytest.fixture
def pg_ledger(
    make_ledger: Callable[[str], LedgerApplication], postgres_url: str
) -> LedgerApplication:
    """A ledger on a fresh, migrated PostgreSQL database, built by the production factory."""
    return make_ledger(postgres_url)


@pytest.fixture
def network(pg_ledger: LedgerApplication) -> Network:
    return set_up_network(pg_ledger)


@pytest.fixture
def make_small_ledger() -> Iterator[Callable[[str], LedgerApplication]]:
    """Like ``make_ledger``, with a pool of one or two connections per ledger.

    A ledger stands for one server process; sixteen of them with the default pool (five
    connections held open each) would take 80 of PostgreSQL's default 100 connections.
    """
    built: list[LedgerApplication] = []

    def make(url: str) -> LedgerApplication:
        app = build_ledger(StoreConfig(url, pool_size=1, max_overflow=1))
        built.append(app)
        return app

    yield make
    for app in built:
        app.close()


# --- the service role (migrations/0004_roles.sql) ----------------------------------------------

SERVICE_LOGIN = "ledger_test_service"


def as_user(url: str, user: str) -> str:
    """``url`` with another user name (the test server trusts local connections)."""
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    netloc = f"{user}@{host}:{parts.port or 5432}"
    return urlunsplit(parts._replace(netloc=netloc))


def ensure_service_login(url: str) -> None:
    """A login role granted ``ledger_service``, as an operator would make one (cluster-wide)."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "DO $$ BEGIN "
            f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{SERVICE_LOGIN}') THEN "
            f"CREATE ROLE {SERVICE_LOGIN} LOGIN IN ROLE ledger_service; END IF; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        )


@pytest.fixture
def service_url(postgres_url: str) -> str:
    """The migrated test database, connected to as the service role."""
    ensure_service_login(postgres_url)
    return as_user(postgres_url, SERVICE_LOGIN)


@pytest.fixture
def service_ledger(
    make_ledger: Callable[[str], LedgerApplication], service_url: str
) -> LedgerApplication:
    """A ledger that connects as the service role, as production does."""
    return make_ledger(service_url)


@pytest.fixture(params=["one-shared-ledger", "a-ledger-per-thread"])
def ledgers(
    request: pytest.FixtureRequest,
    pg_ledger: LedgerApplication,
    make_small_ledger: Callable[[str], LedgerApplication],
    postgres_url: str,
) -> list[LedgerApplication]:
    """The ledger each racing thread uses, by thread number (the test module's ``THREADS``)."""
    threads: int = request.module.THREADS
    if request.param == "one-shared-ledger":
        return [pg_ledger] * threads
    return [make_small_ledger(postgres_url) for _ in range(threads)]
