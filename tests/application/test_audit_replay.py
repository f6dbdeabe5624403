"""Replay: a stream's state and the log's figures as of a position or a time."""

from __future__ import annotations

from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import RevokeKey
from ledger.audit.replay import ReplayPoint, replay_log, replay_stream
from tests._audit import append_events, meta
from tests.acting import act
from tests.conftest import FakeClock


def test_a_stream_replays_to_its_state_at_a_position(ledger: LedgerApplication) -> None:
    (key_id,) = append_events(ledger, 1)
    issued_at = ledger.head_position()
    act(ledger, RevokeKey(key_id=key_id, reason="left"), meta())

    before = replay_stream(ledger, key_id, ReplayPoint(position=issued_at))
    after = replay_stream(ledger, key_id, ReplayPoint(position=ledger.head_position()))

    assert before["state"]["revoked"] is False
    assert after["state"]["revoked"] is True
    assert [e["type"] for e in after["events"]] == ["AccessKey.Issued", "AccessKey.Revoked"]


def test_a_stream_replays_to_its_state_at_a_record_time(
    clocked_ledger: LedgerApplication, clock: FakeClock
) -> None:
    (key_id,) = append_events(clocked_ledger, 1)
    first = replay_stream(clocked_ledger, key_id, ReplayPoint(position=1))
    issued = first["events"][0]["recorded_at"]
    clock.advance(seconds=1)  # record time is the ledger's clock: the revocation comes later
    act(clocked_ledger, RevokeKey(key_id=key_id, reason="left"), meta(clock()))

    from datetime import datetime

    at_issue = replay_stream(
        clocked_ledger, key_id, ReplayPoint(time=datetime.fromisoformat(issued))
    )

    assert at_issue["state"]["revoked"] is False
    assert len(at_issue["events"]) == 1


def test_the_log_replays_to_its_figures_at_a_position(ledger: LedgerApplication) -> None:
    append_events(ledger, 3)

    figures = replay_log(ledger, ReplayPoint(position=2))

    assert figures["events"] == 2
    assert figures["last_position"] == 2
    assert figures["streams_by_kind"] == {"AccessKey": 2}
