"""Fixtures for the application layer: a ledger with a window and an enterprise registered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.domain.platform import PlatformKind
from ledger.domain.time import TimeBounds
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger
from tests.application.support import (
    HUB_USCC,
    OTHER_WINDOW_USCC,
    register_enterprise,
    register_platform,
)
from tests.conftest import FakeClock

CLOCK_SKEW = timedelta(minutes=5)


@pytest.fixture
def window_id(ledger: LedgerApplication) -> UUID:
    return register_platform(ledger)


@pytest.fixture
def hub_id(ledger: LedgerApplication) -> UUID:
    """The hub, registered."""
    return register_platform(ledger, HUB_USCC, PlatformKind.HUB)


@pytest.fixture
def other_window_id(ledger: LedgerApplication) -> UUID:
    return register_platform(ledger, OTHER_WINDOW_USCC)


@pytest.fixture
def enterprise(ledger: LedgerApplication) -> UUID:
    return register_enterprise(ledger).resource_id


@pytest.fixture
def clocked_ledger(sqlite_url: str, clock: FakeClock) -> Iterator[LedgerApplication]:
    """A ledger whose "now" is the test's clock, through the production factory."""
    app = build_ledger(StoreConfig(sqlite_url), clock=clock, bounds=TimeBounds(skew=CLOCK_SKEW))
    yield app
    app.close()
