"""How a worker tells a lost database from a failed statement, and reports an outage."""

from __future__ import annotations

import psycopg
from eventsourcing.persistence import OperationalError as StoreOperationalError
from prometheus_client import REGISTRY

from runtime.metrics import DatabaseWatch, lost_connection


def reconnects(worker: str) -> float:
    value = REGISTRY.get_sample_value("ledger_database_reconnects_total", {"worker": worker})
    return value or 0.0


def test_a_dropped_or_refused_connection_is_lost_a_refused_statement_is_not() -> None:
    dropped = psycopg.OperationalError("server closed the connection unexpectedly")
    wrapped = StoreOperationalError("consuming input failed")
    wrapped.__cause__ = dropped

    assert lost_connection(dropped)
    assert lost_connection(wrapped)
    assert lost_connection(psycopg.errors.AdminShutdown("terminating connection"))
    assert not lost_connection(psycopg.errors.UniqueViolation("duplicate key"))
    assert not lost_connection(ValueError("a bug"))


def test_an_outage_is_one_line_going_one_line_back_and_one_reconnect() -> None:
    lines: list[str] = []
    now = [100.0]
    watch = DatabaseWatch(
        "unit-watch", lines.append, first_delay=0.5, max_delay=2.0, clock=lambda: now[0]
    )
    before = reconnects("unit-watch")

    delays = [watch.lost(psycopg.OperationalError("refused")) for _ in range(5)]
    now[0] += 7.0
    watch.ok()
    watch.ok()

    assert delays == [0.5, 1.0, 2.0, 2.0, 2.0]
    assert len(lines) == 2
    assert lines[0].startswith("unit-watch: lost the database (OperationalError: refused)")
    assert lines[1] == "unit-watch: the database is back after 7.0 s (5 failed attempts)"
    assert reconnects("unit-watch") == before + 1
    assert REGISTRY.get_sample_value("ledger_database_up", {"worker": "unit-watch"}) == 1
