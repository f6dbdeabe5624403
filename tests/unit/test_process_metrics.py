"""The named pools of a process: their gauges from each pool's statistics, their timeouts from
the fail-fast wrapper, sampled on a thread of their own, and gone once closed (no database:
the pools are never opened)."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any, cast

import pytest
from prometheus_client import REGISTRY
from psycopg_pool import ConnectionPool

from ledger.application.app import LedgerApplication
from ledger.persistence.failfast import fail_fast
from runtime.process_metrics import NamedPools, ProcessMetrics


def unopened_pool(max_size: int = 3, *, fail_fast_too: bool = True) -> ConnectionPool[Any]:
    pool: ConnectionPool[Any] = ConnectionPool(
        "postgresql://nowhere/none", min_size=1, max_size=max_size, open=False
    )
    if fail_fast_too:
        fail_fast(pool, wait_seconds=1)
    return pool


def sample(name: str, pool: str) -> float | None:
    return REGISTRY.get_sample_value(name, {"pool": pool})


def no_ledger() -> LedgerApplication:
    return cast(LedgerApplication, SimpleNamespace(uow=SimpleNamespace(committer=None)))


def test_each_pool_is_reported_under_its_name_and_a_timeout_is_counted_once() -> None:
    pools = NamedPools()
    write, read = unopened_pool(3), unopened_pool(7)
    pools.add("unit-write", write)
    pools.add("unit-read", read)
    wrapper = write._ledger_fail_fast  # type: ignore[attr-defined]

    wrapper._tell_timed_out()
    wrapper._tell_timed_out()
    pools.measure()
    pools.measure()

    try:
        assert pools.names == ["unit-write", "unit-read"]
        assert sample("ledger_db_pool_connections_max", "unit-write") == 3
        assert sample("ledger_db_pool_connections_max", "unit-read") == 7
        assert sample("ledger_db_pool_requests_waiting", "unit-write") == 0
        assert sample("ledger_db_pool_timeouts_total", "unit-write") == 2
        assert sample("ledger_db_pool_timeouts_total", "unit-read") == 0
    finally:
        pools.close()

    wrapper._tell_timed_out()
    assert sample("ledger_db_pool_connections_max", "unit-write") is None
    assert sample("ledger_db_pool_timeouts_total", "unit-write") is None
    assert wrapper.timed_out == []


def test_a_pool_is_named_once_and_must_be_fail_fast() -> None:
    pools = NamedPools()
    pools.add("unit-once", unopened_pool())
    try:
        with pytest.raises(ValueError, match="registered already"):
            pools.add("unit-once", unopened_pool())
        with pytest.raises(TypeError, match="not fail-fast"):
            pools.add("unit-plain", unopened_pool(fail_fast_too=False))
    finally:
        pools.close()


def test_a_sampling_process_measures_its_pools_without_being_scraped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pool = unopened_pool()
    pools = NamedPools()
    pools.add("unit-sampled", pool)
    process = ProcessMetrics(no_ledger(), pools).start(seconds=0.01)
    try:
        monkeypatch.setattr(pool, "get_stats", lambda: {"pool_max": 3, "requests_waiting": 5})
        deadline = time.monotonic() + 5
        while sample("ledger_db_pool_requests_waiting", "unit-sampled") != 5:
            assert time.monotonic() < deadline, "the sampling thread never measured"
            time.sleep(0.01)
    finally:
        process.stop()
    assert sample("ledger_db_pool_requests_waiting", "unit-sampled") is None
