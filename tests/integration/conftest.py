"""Fixtures for the PostgreSQL tests: ledgers on a fresh migrated database, and a small network."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from ledger.application import LedgerApplication
from ledger.factory import build_ledger
from ledger.persistence.config import StoreConfig
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
