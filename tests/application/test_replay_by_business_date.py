"""Replay by business date: a log of 2025 recorded in one go afterwards holds nothing "as recorded
by 30 June 2025", and all of the first half of 2025 "as it stood on 30 June 2025"."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ledger.application.app import LedgerApplication
from ledger.audit.replay import ReplayPoint, replay_log, replay_stream
from ledger.domain.errors import NotFoundError
from ledger.domain.time import CST
from tests.application.support import (
    assign,
    envelope,
    open_case,
    register_enterprise,
    register_platform,
    step_case,
)

JUNE = datetime(2025, 6, 10, 9, 0, tzinfo=CST)
AUGUST = datetime(2025, 8, 4, 9, 0, tzinfo=CST)


def test_the_log_and_a_stream_replay_as_they_stood_on_a_business_date(
    ledger: LedgerApplication,
) -> None:
    window = register_platform(ledger)
    register_enterprise(ledger)
    june = open_case(ledger, window, "J-1", meta=envelope(window, occurred_at=JUNE)).resource_id
    assigned = envelope(window, occurred_at=AUGUST)
    step_case(ledger, june, assign(assigned), assigned)
    open_case(ledger, window, "A-1", meta=envelope(window, occurred_at=AUGUST))
    first_half = ReplayPoint(business_date=date(2025, 6, 30))

    recorded = replay_log(ledger, ReplayPoint(time=datetime(2025, 6, 30, 23, 59, tzinfo=CST)))
    stood = replay_log(ledger, first_half)
    everything = replay_log(ledger, ReplayPoint(business_date=date(2025, 12, 31)))

    assert recorded["events"] == 0  # recorded in one go, long after
    assert stood["events_by_type"] == {"Platform.RegisteredAsConnected": 1, "ServiceCase.Opened": 1}
    assert everything["events_by_type"]["ServiceCase.Opened"] == 2
    assert everything["events_by_type"]["ServiceCase.Assigned"] == 1
    case = replay_stream(ledger, june, first_half)
    assert case["state"]["status"] == "opened"  # assigned only in August
    assert [e["occurred_at"] for e in case["events"]] == [JUNE.isoformat()]
    assert "as it stood on 2025-06-30" in case["as_of"]
    with pytest.raises(NotFoundError):
        replay_stream(ledger, june, ReplayPoint(business_date=date(2025, 6, 9)))
