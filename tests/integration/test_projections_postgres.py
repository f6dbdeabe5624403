"""The projection daemon on PostgreSQL: racing daemons still apply every event exactly once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import OpenCase
from ledger.domain.envelope import Envelope
from ledger.domain.service_case import Channel
from projections.catalog import all_projections
from projections.runner import ProjectionRunner
from projections.service_cases import CASE_FACTS
from projections.store import PostgresViewStore
from tests.acting import act
from tests.application.support import register_a_small_network

START = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)


def test_racing_daemons_apply_each_event_once(
    postgres_url: str, make_ledger: Callable[[str], LedgerApplication]
) -> None:
    ledger = make_ledger(postgres_url)
    at = Envelope("key:test", None, "req", "req", START)
    window = register_a_small_network(ledger, at, employees=20, revenue_wan=300)
    for n in range(60):
        opened = Envelope("key:test", window, "req", "req", START + timedelta(hours=n))
        act(
            ledger,
            OpenCase(
                external_ref=f"PG-{n}",
                uscc="91640104MA71TJ3Y8G",
                category="10",
                channel=Channel.ONLINE,
                description="",
            ),
            opened,
        )
    stores = [PostgresViewStore(postgres_url) for _ in range(3)]
    runners = [ProjectionRunner(ledger, s, all_projections(), batch_size=5) for s in stores]
    runners[0].ensure_schema()
    errors: list[BaseException] = []
    start = threading.Barrier(len(runners))

    def run(runner: ProjectionRunner) -> None:
        try:
            start.wait()
            runner.catch_up()
        except BaseException as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(r,)) for r in runners]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)

    try:
        assert errors == []
        with stores[0].read() as tx:
            assert tx.fetchone(f"SELECT COUNT(*) FROM {CASE_FACTS}") == (60,)
            assert tx.fetchone(
                "SELECT MIN(position), MAX(position) FROM ledger_projection_tracking"
            ) == (ledger.head_position(), ledger.head_position())
    finally:
        for s in stores:
            s.close()
