"""Period close at commit: an entry decided while its period was open and saved after the hub
closed it is refused, whether the close is saved before it or earlier in the same batch."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import Any

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import OpenCase
from ledger.application.commands.periods import ClosePeriod
from ledger.application.writes import Outcome, Write
from ledger.domain.envelope import Envelope
from ledger.domain.errors import PeriodClosedError
from ledger.domain.period import Period
from ledger.domain.platform import PlatformKind
from ledger.domain.service_case import Channel, ServiceCase
from ledger.domain.time import CST
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger
from tests.acting import act, context_of
from tests.api._support import STORES, store_url
from tests.application.support import (
    HUB_USCC,
    envelope,
    register_enterprise,
    register_platform,
)
from tests.conftest import FakeClock

_MONTH_START = datetime.now(CST).date().replace(day=1)
LAST_MONTH = f"{(_MONTH_START - timedelta(days=1)):%Y-%m}"
"""The month before this one: ended, so it may be closed."""
IN_LAST_MONTH = datetime.combine(_MONTH_START - timedelta(days=20), time(10), tzinfo=CST)
"""Business time in :data:`LAST_MONTH`."""


@pytest.fixture(params=STORES)
def network(request: pytest.FixtureRequest, clock: FakeClock) -> Iterator[tuple[Any, ...]]:
    """A hub, a window and an enterprise, on SQLite and on PostgreSQL."""
    ledger = build_ledger(StoreConfig(store_url(request)), clock=clock)
    try:
        hub = register_platform(ledger, HUB_USCC, PlatformKind.HUB)
        window = register_platform(ledger)
        register_enterprise(ledger)
        yield ledger, hub, window
    finally:
        ledger.close()


def _write(ledger: LedgerApplication, command: Any, meta: Envelope, kind: type) -> Write[Any]:
    return ledger.capability(kind).write(command, context_of(meta), meta)


def _opening(ref: str) -> OpenCase:
    return OpenCase(
        external_ref=ref, uscc="91640104MA71TJ3Y8G", category="140300",
        channel=Channel.OFFLINE, description="补录", occurred_at=IN_LAST_MONTH,
    )  # fmt: skip


def test_an_entry_saved_after_the_close_of_its_period_is_refused(network: tuple[Any, ...]) -> None:
    ledger, hub, window = network
    meta = envelope(window, occurred_at=IN_LAST_MONTH)
    decided = ledger.uow._decide(_write(ledger, _opening("F-1"), meta, ServiceCase), None)
    act(ledger, ClosePeriod(period=LAST_MONTH), envelope(hub))
    head = ledger.head_position()

    with pytest.raises(PeriodClosedError):
        ledger.uow._save_alone(decided)

    assert ledger.head_position() == head


def test_a_close_earlier_in_a_batch_refuses_the_entries_after_it(network: tuple[Any, ...]) -> None:
    ledger, hub, window = network
    meta = envelope(window, occurred_at=IN_LAST_MONTH)
    close = _write(ledger, ClosePeriod(period=LAST_MONTH), envelope(hub), Period)
    before = _write(ledger, _opening("F-1"), meta, ServiceCase)
    after = _write(ledger, _opening("F-2"), meta, ServiceCase)

    answers = ledger.uow.run_all([(before, meta), (close, envelope(hub)), (after, meta)])

    assert isinstance(answers[0], Outcome)
    assert isinstance(answers[1], Outcome)
    assert isinstance(answers[2], PeriodClosedError)
