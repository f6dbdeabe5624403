"""The API's pool series on PostgreSQL: each pool of the process by name, its size and idle
connections, the requests waiting while every connection is held (the scrape itself does not
queue behind them), and each request that gave up waiting, counted once."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from psycopg_pool import PoolTimeout

from api.app import create_app
from runtime.settings import Settings
from tests._audit import append_events
from tests.api._support import TestClient

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]
WAIT_SECONDS = 10.0


def scrape(client: TestClient) -> Samples:
    response = client.get("/metrics")
    assert response.status_code == 200
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def pool_series(samples: Samples, pool: str) -> dict[str, float]:
    prefix = "ledger_db_pool_"
    return {
        name.removeprefix(prefix): v
        for (name, labels), v in samples.items()
        if name.startswith(prefix) and labels == (("pool", pool),)
    }


def until(condition: Any, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"not within {WAIT_SECONDS} s: {what}"
        time.sleep(0.01)


def test_the_pools_report_their_connections_waiting_requests_and_timeouts(
    postgres_url: str,
) -> None:
    settings = Settings(
        database_url=postgres_url,
        pool_size=2,
        max_overflow=0,
        pool_wait_seconds=1,
        access_log=False,
    )
    with TestClient(create_app(settings)) as client:
        ledger = client.app.state.ledger  # type: ignore[attr-defined]
        pool = ledger.recorder.datastore.pool
        pool.wait(timeout=WAIT_SECONDS)
        append_events(ledger, 2)
        quiet = scrape(client)

        held = [pool.getconn(), pool.getconn()]
        served = threading.Event()

        def wait_for_a_connection() -> None:
            with pool.connection(timeout=WAIT_SECONDS):
                served.set()

        waiter = threading.Thread(target=wait_for_a_connection)
        waiter.start()
        until(lambda: pool.get_stats()["requests_waiting"] == 1, "the request to wait")
        started = time.monotonic()
        busy = scrape(client)
        scrape_seconds = time.monotonic() - started
        pool.putconn(held.pop())
        waiter.join(WAIT_SECONDS)
        assert served.is_set()

        before = scrape(client)
        held.append(pool.getconn())
        for _ in range(3):
            with pytest.raises(PoolTimeout):
                pool.getconn(timeout=0.1)
        for conn in held:
            pool.putconn(conn)
        after = scrape(client)
        head = ledger.head_position()

    assert pool_series(quiet, "write") == {
        "connections_max": 2,
        "connections": 2,
        "connections_idle": 2,
        "requests_waiting": 0,
        "timeouts_total": 0,
    }
    assert pool_series(quiet, "views")["connections_max"] == 4
    assert pool_series(quiet, "views")["requests_waiting"] == 0
    assert pool_series(busy, "write") | {"timeouts_total": 0} == {
        "connections_max": 2,
        "connections": 2,
        "connections_idle": 0,
        "requests_waiting": 1,
        "timeouts_total": 0,
    }
    assert scrape_seconds < 5, "the scrape waited at most one second for a connection"
    timeouts = pool_series(after, "write")["timeouts_total"]
    assert timeouts == pool_series(before, "write")["timeouts_total"] + 3
    assert pool_series(after, "views")["timeouts_total"] == 0
    assert pool_series(after, "write")["requests_waiting"] == 0
    assert after[("ledger_log_head_position", ())] == head > 0
