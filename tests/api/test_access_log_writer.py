"""The access log writer: nothing queued is lost on shutdown, and a drop is never silent."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC, datetime

import anyio
import pytest
from prometheus_client import REGISTRY

from ledger.audit.records import AccessRecord
from runtime.access_log import AccessLogWriter


class FakeStore:
    """Keeps what is written; can be made to hang or fail."""

    def __init__(self) -> None:
        self.written: list[AccessRecord] = []
        self.gate = threading.Event()
        self.gate.set()
        self.fail = False

    def write_access(self, records: Sequence[AccessRecord]) -> None:
        self.gate.wait(10)
        if self.fail:
            raise OSError("the database went away")
        self.written.extend(records)


def record(n: int) -> AccessRecord:
    return AccessRecord(
        datetime.now(UTC), f"key:{n}", "auditor", "GET", "/v1/events", None, 200, f"r{n}"
    )


def dropped() -> float:
    return REGISTRY.get_sample_value("ledger_access_records_dropped_total") or 0.0


def test_everything_queued_is_written_by_the_time_the_writer_stops() -> None:
    store = FakeStore()
    writer = AccessLogWriter(store, flush_seconds=0.05)  # type: ignore[arg-type]
    writer.start()

    async def put_many() -> None:
        for n in range(1200):
            await writer.put(record(n))

    anyio.run(put_many)
    writer.stop()

    assert [r.request_id for r in store.written] == [f"r{n}" for n in range(1200)]


def test_a_full_queue_makes_requests_wait_then_drops_and_counts(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = FakeStore()
    store.gate.clear()  # the store hangs: nothing leaves the queue
    writer = AccessLogWriter(store, queue_size=1, flush_seconds=0.01, block_seconds=0.05)  # type: ignore[arg-type]
    writer.start()
    before = dropped()

    async def put_three() -> None:
        for n in range(3):
            await writer.put(record(n))

    anyio.run(put_three)
    store.gate.set()
    writer.stop()

    assert dropped() - before >= 1
    assert any("access record not stored" in m for m in caplog.messages)
    assert len(store.written) + int(dropped() - before) == 3


def test_records_the_store_refuses_at_shutdown_are_counted_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = FakeStore()
    store.fail = True
    writer = AccessLogWriter(store, flush_seconds=0.01)  # type: ignore[arg-type]
    before = dropped()

    async def put_one() -> None:
        await writer.put(record(1))

    anyio.run(put_one)
    writer.stop()

    assert dropped() - before == 1
    assert any("r1" in m for m in caplog.messages)
