"""How a worker tells a lost database from a failed statement, and reports an outage."""

from __future__ import annotations

import psycopg
from eventsourcing.persistence import OperationalError as StoreOperationalError

from runtime.workers import DatabaseWatch, ProjectionMetrics, WorkerMetrics, lost_connection


def sample(observed: WorkerMetrics, name: str, **labels: str) -> float | None:
    return observed.registry.get_sample_value(name, labels)


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
    observed = WorkerMetrics("unit")
    watch = DatabaseWatch(
        observed, lines.append, first_delay=0.5, max_delay=2.0, clock=lambda: now[0]
    )
    assert sample(observed, "ledger_database_reconnects_total") == 0

    delays = [watch.lost(psycopg.OperationalError("refused")) for _ in range(5)]
    now[0] += 7.0
    watch.ok()
    watch.ok()

    assert delays == [0.5, 1.0, 2.0, 2.0, 2.0]
    assert len(lines) == 2
    assert lines[0].startswith("unit: lost the database (OperationalError: refused)")
    assert lines[1] == "unit: the database is back after 7.0 s (5 failed attempts)"
    assert sample(observed, "ledger_database_reconnects_total") == 1
    assert sample(observed, "ledger_database_up") == 1


def test_a_view_behind_the_log_that_does_not_move_is_stalled_one_that_moves_is_not() -> None:
    now, head = [0.0], [8]
    observed = ProjectionMetrics(stall_seconds=10, head=lambda: head[0], clock=lambda: now[0])
    observed.views(["a", "b"])

    observed.advanced("a", 5, head=8)
    observed.advanced("b", 8, head=8)
    now[0] = 9.0
    early = observed.progress()
    now[0] = 11.0
    late = observed.progress()
    head[0] = 9  # b falls behind now: not stalled until it stays so for 10 s
    now[0] = 15.0
    fallen = observed.progress()
    observed.advanced("a", 3, head=9)
    moved = observed.progress()

    assert early == {"a": (3, False), "b": (0, False)}
    assert late == {"a": (3, True), "b": (0, False)}
    assert fallen["b"] == (1, False)
    assert moved["a"] == (1, False)
    assert sample(observed, "ledger_projection_stalled", projection="a") == 0
    assert sample(observed, "ledger_projection_lag_events", projection="a") == 1
    assert sample(observed, "ledger_projection_position", projection="a") == 8
    assert sample(observed, "ledger_projection_events_total", projection="a") == 8
    assert sample(observed, "ledger_log_head_position") == 9


def test_a_scrape_while_the_head_cannot_be_read_uses_the_last_head_seen() -> None:
    def unreachable() -> int:
        raise psycopg.OperationalError("connection refused")

    observed = ProjectionMetrics(stall_seconds=10, head=unreachable)
    observed.views(["a"])
    observed.advanced("a", 2, head=5)

    assert observed.progress() == {"a": (3, False)}
    assert sample(observed, "ledger_log_head_position") == 5
