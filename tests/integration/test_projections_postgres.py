"""The projection daemon on PostgreSQL: racing daemons still apply every event exactly once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from demo import seed_demo
from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import OpenCase
from ledger.domain.envelope import Envelope
from ledger.domain.service_case import Channel
from projections.appraisal import figures_at, figures_now
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


def test_an_appraisal_reads_the_views_at_one_position_while_a_daemon_folds_them(
    postgres_url: str, make_ledger: Callable[[str], LedgerApplication]
) -> None:
    ledger = make_ledger(postgres_url)
    seed_demo(ledger, seed=5, year=2025, scale=0.02)
    stores = [PostgresViewStore(postgres_url) for _ in range(2)]
    daemon, reader = (ProjectionRunner(ledger, s, all_projections(), batch_size=20) for s in stores)
    daemon.ensure_schema()
    errors: list[BaseException] = []
    thread = threading.Thread(target=lambda: _catch_up(daemon, errors))
    try:
        thread.start()
        position, figures = figures_now(reader, year=2025, as_on=date(2026, 1, 31))
        thread.join(120)
        assert errors == []
        assert position == ledger.head_position()
        assert figures == figures_at(ledger, position=position, year=2025, as_on=date(2026, 1, 31))
        assert any(f["cases_delivered"] for f in figures.values())
    finally:
        for s in stores:
            s.close()


def _catch_up(runner: ProjectionRunner, errors: list[BaseException]) -> None:
    try:
        runner.catch_up()
    except BaseException as e:  # surfaced by the test
        errors.append(e)
