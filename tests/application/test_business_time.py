"""Business time (occurred_at) may not lie in the future beyond the allowed clock skew."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.participants import RegisterConnectedPlatform
from ledger.application.writes import Outcome
from ledger.domain.errors import OccurredInFutureError
from ledger.domain.platform import PlatformKind
from ledger.domain.service_case import ServiceCase
from tests.acting import act
from tests.application.conftest import CLOCK_SKEW
from tests.application.support import (
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
    window_id = register_platform(clocked_ledger)
    register_enterprise(clocked_ledger)
    case_id = open_case(clocked_ledger, window_id).resource_id
    meta = envelope(window_id, occurred_at=clock.now + timedelta(days=1))
    with pytest.raises(OccurredInFutureError):
        step_case(clocked_ledger, case_id, assign(meta), meta)
    assert clocked_ledger.get(ServiceCase, case_id).version == 1
