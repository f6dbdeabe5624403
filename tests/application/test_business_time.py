"""Business time (occurred_at) may not lie in the future beyond the allowed clock skew."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, cast
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.participants import RegisterConnectedPlatform
from ledger.application.writes import Outcome
from ledger.domain.errors import OccurredBeforeNetworkError, OccurredInFutureError
from ledger.domain.platform import PlatformKind
from ledger.domain.service_case import ServiceCase
from ledger.domain.time import CST
from runtime.bootstrap import build_ledger
from runtime.settings import Settings
from tests.acting import act
from tests.application.conftest import CLOCK_SKEW
from tests.application.support import (
    HUB_USCC,
    WINDOW_USCC,
    assign,
    envelope,
    open_case,
    register_enterprise,
    register_platform,
    step_case,
)
from tests.conftest import FakeClock


def _register_window_at(ledger: LedgerApplication, occurred_at: datetime) -> Outcome:
    return act(
        ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.WINDOW, name="银川窗口", uscc=WINDOW_USCC, region="640100"
        ),
        envelope(occurred_at=occurred_at),
    )


def _opened_case(ledger: LedgerApplication) -> tuple[UUID, UUID]:
    """A window, an enterprise and a case the window opened: the window's id and the case's."""
    window_id = register_platform(ledger)
    register_enterprise(ledger)
    return window_id, open_case(ledger, window_id).resource_id


def test_business_time_beyond_the_clock_skew_is_refused_and_records_nothing(
    clocked_ledger: LedgerApplication, clock: FakeClock
) -> None:
    with pytest.raises(OccurredInFutureError) as excinfo:
        _register_window_at(clocked_ledger, clock.now + CLOCK_SKEW + timedelta(seconds=1))
    assert excinfo.value.code == "occurred_in_future"
    assert clocked_ledger.head_position() == 0


def test_business_time_at_the_edge_of_the_clock_skew_is_accepted(
    clocked_ledger: LedgerApplication, clock: FakeClock
) -> None:
    assert _register_window_at(clocked_ledger, clock.now + CLOCK_SKEW).created


def test_what_was_in_the_future_is_accepted_once_the_clock_has_caught_up(
    clocked_ledger: LedgerApplication, clock: FakeClock
) -> None:
    occurred_at = clock.now + timedelta(hours=1)
    with pytest.raises(OccurredInFutureError):
        _register_window_at(clocked_ledger, occurred_at)
    clock.advance(hours=1)
    assert _register_window_at(clocked_ledger, occurred_at).created


def test_business_time_without_a_timezone_is_refused(
    clocked_ledger: LedgerApplication, clock: FakeClock
) -> None:
    with pytest.raises(OccurredInFutureError, match="timezone offset"):
        _register_window_at(clocked_ledger, clock.now.replace(tzinfo=None))


def test_a_step_on_a_case_dated_in_the_future_is_refused(
    clocked_ledger: LedgerApplication, clock: FakeClock
) -> None:
    window_id, case_id = _opened_case(clocked_ledger)
    meta = envelope(window_id, occurred_at=clock.now + timedelta(days=1))
    with pytest.raises(OccurredInFutureError):
        step_case(clocked_ledger, case_id, assign(meta), meta)
    assert clocked_ledger.get(ServiceCase, case_id).version == 1


def test_a_step_carried_by_an_opening_with_its_own_future_time_is_refused(
    clocked_ledger: LedgerApplication, clock: FakeClock
) -> None:
    window_id = register_platform(clocked_ledger)
    register_enterprise(clocked_ledger)
    head = clocked_ledger.head_position()
    later = envelope(window_id, occurred_at=clock.now + timedelta(days=2))

    with pytest.raises(OccurredInFutureError):
        open_case(clocked_ledger, window_id, then=[assign(later)])

    assert clocked_ledger.head_position() == head


def test_record_time_is_the_ledgers_clock_whatever_the_business_time(
    clocked_ledger: LedgerApplication, clock: FakeClock
) -> None:
    occurred_at = clock.now - timedelta(days=30)

    outcome = _register_window_at(clocked_ledger, occurred_at)

    (logged,) = list(clocked_ledger.history(outcome.resource_id))
    assert logged.event.timestamp == clock.now
    assert cast(Any, logged.event).meta.occurred_at == occurred_at


def test_an_entry_recorded_long_after_it_happened_is_flagged_and_the_flag_is_stored(
    clocked_ledger: LedgerApplication, clock: FakeClock
) -> None:
    late = _register_window_at(clocked_ledger, clock.now - timedelta(hours=72, seconds=1))
    timely = act(
        clocked_ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.HUB, name="宁夏枢纽", uscc=HUB_USCC, region="640000"
        ),
        envelope(occurred_at=clock.now - timedelta(hours=72)),
    )

    def flag(stream_id: UUID) -> bool:
        (logged,) = list(clocked_ledger.history(stream_id))  # decoded from the stored bytes
        return bool(cast(Any, logged.event).meta.late_entry)

    assert flag(late.resource_id) is True
    assert flag(timely.resource_id) is False


def test_business_time_before_the_network_started_is_refused(
    clocked_ledger: LedgerApplication,
) -> None:
    with pytest.raises(OccurredBeforeNetworkError) as excinfo:
        _register_window_at(clocked_ledger, datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))))

    assert excinfo.value.code == "occurred_before_network_start"
    assert clocked_ledger.head_position() == 0


def test_the_network_start_is_a_setting(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDGER_NETWORK_STARTED_ON", "2026-01-01")
    settings = Settings(database_url=sqlite_url)
    ledger = build_ledger(settings.store, bounds=settings.time_bounds)
    try:
        with pytest.raises(OccurredBeforeNetworkError):
            _register_window_at(ledger, datetime(2025, 12, 31, 23, 59, tzinfo=CST))
        assert _register_window_at(ledger, datetime(2026, 1, 1, tzinfo=CST)).created
    finally:
        ledger.close()


def test_a_clock_that_steps_back_never_runs_a_records_history_backwards(
    clocked_ledger: LedgerApplication, clock: FakeClock
) -> None:
    window_id, case_id = _opened_case(clocked_ledger)
    opened_at = clock.now
    (opening,) = list(clocked_ledger.history(case_id))
    clock.advance(minutes=-3)  # an NTP step back, a machine restored from a snapshot

    # At the opening's business time: within the skew the bounds allow.
    meta = envelope(window_id, occurred_at=cast(Any, opening.event).meta.occurred_at)
    step_case(clocked_ledger, case_id, assign(meta), meta)
    other = act(
        clocked_ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.HUB, name="宁夏枢纽", uscc=HUB_USCC, region="640000"
        ),
        envelope(occurred_at=clock.now),
    )

    stamps = [logged.event.timestamp for logged in clocked_ledger.history(case_id)]
    assert stamps == [opened_at, opened_at]  # the step is recorded at its record's last time
    (registered,) = list(clocked_ledger.history(other.resource_id))
    assert registered.event.timestamp == clock.now  # a new record: the clock as it says
