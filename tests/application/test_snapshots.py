"""Snapshots: every kind of aggregate in the demonstration network survives a snapshot unchanged
(and any snapshot that would not read back is not kept), and reads that start from one (now, at
a version, as of a time) equal a replay from the first event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.domain import Snapshot

from demo import seed_demo
from ledger.application.app import LedgerApplication
from ledger.application.store import LedgerCore
from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import ServiceCaseNotFoundError
from ledger.domain.service_case import ServiceCase
from ledger.persistence.config import StoreConfig
from ledger.persistence.snapshots import snapshot_transcoder
from runtime.bootstrap import build_ledger
from tests.application.support import (
    assign,
    close,
    deliver,
    envelope,
    feedback,
    open_case,
    step_case,
)


def state(aggregate: object) -> dict[str, Any]:
    return {k: v for k, v in vars(aggregate).items() if k != "_pending_events"}


def test_every_kind_of_aggregate_in_the_demo_network_survives_a_snapshot(
    make_ledger: Callable[[str], LedgerApplication], tmp_path: Path
) -> None:
    ledger = make_ledger(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    seed_demo(ledger, seed=11, scale=0.03)
    transcoder = snapshot_transcoder()
    one_of_each: dict[str, UUID] = {}
    for logged in ledger.log_page(0, 100_000):
        aggregate_class = logged.topic.split(":")[1].split(".")[0]
        one_of_each.setdefault(aggregate_class, logged.event.originator_id)

    for stream_id in one_of_each.values():
        aggregate: LedgerAggregate = ledger.repository.get(stream_id)
        snapshot = Snapshot.take(aggregate)
        stored = transcoder.decode(transcoder.encode(snapshot.state))
        restored = Snapshot(
            originator_id=snapshot.originator_id,
            originator_version=snapshot.originator_version,
            timestamp=snapshot.timestamp,
            topic=snapshot.topic,
            state=stored,
        ).mutate(None)

        assert type(restored) is type(aggregate)
        assert state(restored) == state(aggregate), snapshot.topic
    assert len(one_of_each) >= 5, f"the demo network's kinds: {sorted(one_of_each)}"


def test_reads_from_snapshots_equal_a_replay_from_the_first_event(
    tmp_path: Path, window_id: UUID, enterprise: UUID, ledger: LedgerApplication
) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    ledger.close()
    with_snapshots = build_ledger(StoreConfig(url, snapshot_interval=2, aggregate_cache_size=0))
    without = build_ledger(StoreConfig(url, snapshot_interval=0, aggregate_cache_size=0))
    try:
        case_id = open_case(with_snapshots, window_id, "W-SNAP").resource_id
        meta = envelope(window_id)
        times = [with_snapshots.get(ServiceCase, case_id).modified_on]
        for step in (assign, deliver, feedback, close):
            step_case(with_snapshots, case_id, step(meta), meta)
            times.append(with_snapshots.get(ServiceCase, case_id).modified_on)

        assert with_snapshots.snapshots is not None
        taken = [s.originator_version for s in with_snapshots.snapshots.get(case_id)]
        assert taken == [2, 4], "a snapshot every two events"
        assert state(with_snapshots.get(ServiceCase, case_id)) == state(
            without.get(ServiceCase, case_id)
        )
        assert with_snapshots.repository.snapshot_store is not None
        for version in range(1, 6):
            assert state(with_snapshots.get(ServiceCase, case_id, version)) == state(
                without.get(ServiceCase, case_id, version)
            )
        for moment in [*times, times[2] + timedelta(microseconds=1)]:
            assert state(
                with_snapshots.get_as_of(case_id, ServiceCase, moment, ServiceCaseNotFoundError)
            ) == state(without.get_as_of(case_id, ServiceCase, moment, ServiceCaseNotFoundError))
        before = times[0] - timedelta(microseconds=1)
        for reader in (with_snapshots, without):
            with pytest.raises(ServiceCaseNotFoundError):
                reader.get_as_of(case_id, ServiceCase, before, ServiceCaseNotFoundError)
    finally:
        with_snapshots.close()
        without.close()


def test_a_snapshot_that_would_not_read_back_is_not_kept(
    tmp_path: Path, window_id: UUID, enterprise: UUID, ledger: LedgerApplication
) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    ledger.close()
    with_snapshots = build_ledger(StoreConfig(url, snapshot_interval=1000))
    try:
        case_id = open_case(with_snapshots, window_id, "W-ODD").resource_id
        case = with_snapshots.get(ServiceCase, case_id)
        # JSON has no NaN: it would come back as null.
        vars(case)["satisfaction_score"] = float("nan")
        assert with_snapshots.snapshots is not None
        before = len(list(with_snapshots.snapshots.get(case_id)))

        LedgerCore._snapshot(case, with_snapshots.snapshots)

        assert len(list(with_snapshots.snapshots.get(case_id))) == before
    finally:
        with_snapshots.close()
