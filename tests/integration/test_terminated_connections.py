"""After ``pg_terminate_backend`` of every pooled connection, the next write takes a live
connection at once: the pool's dead connections are checked together and replaced, not one at a
time with the pool's back-off between them (which made the first write wait out two pool
timeouts, about 5.4 s with eight connections)."""

from __future__ import annotations

import time

import pytest

from ledger.application.app import LedgerApplication
from tests._audit import append_events
from tests.integration.test_workers_reconnect import terminate_backends

WARM = 8


@pytest.mark.parametrize("round_", range(2))
def test_a_write_after_the_pool_s_backends_are_terminated_takes_a_live_connection_at_once(
    pg_ledger: LedgerApplication, postgres_url: str, round_: int
) -> None:
    pool = pg_ledger.recorder.datastore.pool  # type: ignore[attr-defined]
    held = [pool.getconn() for _ in range(min(WARM, pool.max_size))]
    for conn in held:
        pool.putconn(conn)
    append_events(pg_ledger, 1)
    assert terminate_backends(postgres_url) >= len(held)

    started = time.monotonic()
    append_events(pg_ledger, 1)
    took = time.monotonic() - started

    # Within one pool timeout (LEDGER_POOL_WAIT_SECONDS, 2 s): it was two and a half.
    assert took < pool.timeout, f"the first write after the terminations took {took:.2f} s"
    assert pg_ledger.head_position() == 2
