"""A view that fails on an event stalls alone, before that event, and says so; once the code
folds the event, the view gets past it and is live again."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from eventsourcing.persistence import Notification

from ledger.application.app import LedgerApplication
from ledger.persistence.config import StoreConfig
from projections.base import Event
from projections.catalog import all_projections
from projections.failures import FAILURES_TABLE, STALLED, ViewFailure, ViewStalledError
from projections.runner import ProjectionRunner
from projections.service_cases import CASE_FACTS, CaseFactsProjection
from projections.store import SQLiteViewStore, Tx
from projections.tracking import LIVE
from runtime.workers import ProjectionMetrics
from tests.application.test_projections import network_with_cases, record_case

VIEW = CaseFactsProjection.name


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


@pytest.fixture
def views(ledger: LedgerApplication, sqlite_url: str, ticks: Ticks) -> Iterator[ProjectionRunner]:
    store = SQLiteViewStore(StoreConfig(sqlite_url).sqlite_path)
    runner = ProjectionRunner(ledger, store, all_projections(), batch_size=7, clock=ticks)
    runner.ensure_schema()
    yield runner
    store.close()


def events_of(runner: ProjectionRunner, name: str) -> list[Notification]:
    """The notifications view ``name`` reads, in log order."""
    return list(
        runner.ledger.recorder.select_notifications(
            start=0,
            limit=10_000,
            topics=runner.projections[name].topics(),
            inclusive_of_start=False,
        )
    )


def fail_on(monkeypatch: pytest.MonkeyPatch, position: int) -> None:
    """The service-cases projection raises on the event at ``position`` (a bug in its code)."""
    original = CaseFactsProjection.handle

    def handle(self: CaseFactsProjection, tx: Tx, event: Event, at: int) -> None:
        if at == position:
            raise ValueError(f"cannot fold the event at {at}")
        original(self, tx, event, at)

    monkeypatch.setattr(CaseFactsProjection, "handle", handle)


def statuses(runner: ProjectionRunner) -> dict[str, Any]:
    return {s.name: s for s in runner.status()}


def test_a_view_failing_on_an_event_stalls_just_before_it_and_the_others_reach_the_head(
    ledger: LedgerApplication, views: ProjectionRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    network_with_cases(ledger, 5, steps=2)
    failing = events_of(views, VIEW)[6]
    fail_on(monkeypatch, failing.id)
    stalls: list[ViewFailure] = []
    views.stalled.append(stalls.append)

    views.catch_up()

    head = ledger.head_position()
    by_name = statuses(views)
    assert {n: s.position for n, s in by_name.items() if n != VIEW} == {
        n: head for n in by_name if n != VIEW
    }
    stalled = by_name[VIEW]
    assert (stalled.state, stalled.position, stalled.failed_position, stalled.error) == (
        STALLED,
        failing.id - 1,
        failing.id,
        "ValueError",
    )
    with views.store.read() as tx:
        row = tx.fetchone(
            f"SELECT position, topic, originator_id, originator_version, error, message, "
            f"attempts FROM {FAILURES_TABLE} WHERE name = ?",
            (VIEW,),
        )
    assert row == (
        failing.id,
        failing.topic,
        str(failing.originator_id),
        failing.originator_version,
        "ValueError",
        f"cannot fold the event at {failing.id}",
        1,
    )
    assert [f.position for f in stalls] == [failing.id]


def test_the_events_before_the_failing_one_in_its_batch_are_applied(
    ledger: LedgerApplication, views: ProjectionRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    network_with_cases(ledger, 5, steps=2)
    read = events_of(views, VIEW)
    fail_on(monkeypatch, read[9].id)

    views.catch_up(VIEW)

    opened_before = [n for n in read[:9] if n.topic.endswith("ServiceCase.Opened")]
    with views.store.read() as tx:
        cases = tx.fetchone(f"SELECT COUNT(*) FROM {CASE_FACTS}")
    assert cases == (len(opened_before),)
    assert 0 < len(opened_before) < len([n for n in read if n.topic.endswith("Opened")])


def test_reading_a_stalled_view_at_the_head_says_it_is_stalled_and_never_folds_through(
    ledger: LedgerApplication, views: ProjectionRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    network_with_cases(ledger, 3, steps=1)
    failing = events_of(views, VIEW)[2]
    fail_on(monkeypatch, failing.id)
    views.catch_up()

    with pytest.raises(ViewStalledError) as raised:
        views.read_at_head([VIEW, "registry"], lambda tx: None)

    assert raised.value.code == "view_stalled"
    assert raised.value.context == {
        "view": VIEW,
        "position": failing.id - 1,
        "failed_position": failing.id,
        "error": "ValueError",
    }
    assert statuses(views)[VIEW].position == failing.id - 1


def test_a_read_at_the_head_that_meets_the_failing_event_first_records_the_stall(
    ledger: LedgerApplication, views: ProjectionRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    network_with_cases(ledger, 3, steps=1)
    failing = events_of(views, VIEW)[2]
    fail_on(monkeypatch, failing.id)

    with pytest.raises(ViewStalledError):
        views.read_at_head([VIEW], lambda tx: None)

    assert statuses(views)[VIEW].failed_position == failing.id


def test_a_stalled_view_is_retried_after_the_back_off_and_goes_live_once_past_the_event(
    ledger: LedgerApplication,
    views: ProjectionRunner,
    monkeypatch: pytest.MonkeyPatch,
    ticks: Ticks,
) -> None:
    window = network_with_cases(ledger, 4, steps=2)
    failing = events_of(views, VIEW)[3]
    fail_on(monkeypatch, failing.id)
    views.catch_up()
    ticks.now += 61
    views.catch_up()  # still failing: one more attempt
    with views.store.read() as tx:
        assert tx.fetchone(f"SELECT attempts FROM {FAILURES_TABLE}") == (2,)

    monkeypatch.undo()  # the fix is deployed
    record_case(ledger, window, 50, days=30, steps=1)
    views.catch_up()  # within the back-off: not tried yet
    assert statuses(views)[VIEW].state == STALLED
    ticks.now += 61
    views.catch_up()

    status = statuses(views)[VIEW]
    assert (status.state, status.position, status.failure) == (LIVE, ledger.head_position(), None)
    assert views.failures() == []


def test_the_workers_metrics_say_stalled_and_count_the_failures_until_it_is_past(
    ledger: LedgerApplication, views: ProjectionRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    network_with_cases(ledger, 3, steps=1)
    fail_on(monkeypatch, events_of(views, VIEW)[2].id)
    observed = ProjectionMetrics(60, head=views.head)
    observed.views(views.projections)
    views.stalled.append(observed.failed)

    views.catch_up()
    observed.observe(views.status())
    during = observed.render().decode()
    monkeypatch.undo()
    views.backoff.forget()
    views.catch_up()
    observed.observe(views.status())
    after = observed.render().decode()

    assert f'ledger_projection_stalled{{projection="{VIEW}"}} 1.0' in during
    assert 'ledger_projection_stalled{projection="registry"} 0.0' in during
    assert f'ledger_projection_failures_total{{projection="{VIEW}"}} 1.0' in during
    assert f'ledger_projection_stalled{{projection="{VIEW}"}} 0.0' in after


def test_a_lost_database_is_retried_as_before_never_recorded_as_a_stall(
    ledger: LedgerApplication, views: ProjectionRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    network_with_cases(ledger, 2, steps=1)

    def lost(*_: object) -> None:
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(CaseFactsProjection, "handle", lost)

    with pytest.raises(psycopg.OperationalError):
        views.catch_up(VIEW)
    assert views.failures() == []
    assert statuses(views)[VIEW].state == LIVE


def test_a_rebuild_starts_over_and_finds_the_failing_event_again(
    ledger: LedgerApplication, views: ProjectionRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    network_with_cases(ledger, 3, steps=1)
    failing = events_of(views, VIEW)[1]
    fail_on(monkeypatch, failing.id)
    views.catch_up()

    views.rebuild(VIEW)

    [failure] = views.failures()
    assert (failure.position, failure.attempts) == (failing.id, 1)


def test_views_made_before_stalls_were_recorded_ask_for_sme_ledger_migrate(
    views: ProjectionRunner,
) -> None:
    with views.store.transaction() as tx:
        tx.execute(f"DROP TABLE {FAILURES_TABLE}")

    with pytest.raises(RuntimeError, match="sme-ledger migrate"):
        views.ensure_views_exist()


def test_the_daemon_keeps_the_other_views_up_while_one_is_stalled(
    ledger: LedgerApplication,
    views: ProjectionRunner,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    window = network_with_cases(ledger, 3, steps=1)
    failing = events_of(views, VIEW)[2]
    fail_on(monkeypatch, failing.id)
    stop = threading.Event()
    daemon = threading.Thread(target=views.run, args=(stop, 0.02))
    daemon.start()
    try:
        record_case(ledger, window, 40, days=9, steps=1)  # appended while it runs
        views.wake.set()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            by_name = statuses(views)
            if all(s.lag == 0 for n, s in by_name.items() if n != VIEW):
                break
            time.sleep(0.02)
    finally:
        stop.set()
        views.wake.set()
        daemon.join(10)

    by_name = statuses(views)
    assert all(s.lag == 0 for n, s in by_name.items() if n != VIEW)
    assert (by_name[VIEW].state, by_name[VIEW].position) == (STALLED, failing.id - 1)
    assert "projection batch failed" not in caplog.text
