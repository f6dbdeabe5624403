"""On PostgreSQL too, a view whose handler fails on an event stalls alone, exactly before it,
even when the failure is a statement the server refuses (reported later, in pipeline mode)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ledger.application.app import LedgerApplication
from projections.base import Event
from projections.catalog import all_projections
from projections.failures import STALLED, ViewStalledError
from projections.runner import ProjectionRunner
from projections.service_cases import CaseFactsProjection
from projections.store import PostgresViewStore, Tx
from projections.tracking import LIVE
from tests.application.test_projections import network_with_cases

VIEW = CaseFactsProjection.name


def test_a_view_failing_on_an_event_stalls_before_it_and_the_others_reach_the_head(
    postgres_url: str,
    make_ledger: Callable[[str], LedgerApplication],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ledger = make_ledger(postgres_url)
    network_with_cases(ledger, 4, steps=2)
    store = PostgresViewStore(postgres_url)
    runner = ProjectionRunner(ledger, store, all_projections(), batch_size=5)
    read = ledger.recorder.select_notifications(
        start=0, limit=1000, topics=runner.projections[VIEW].topics(), inclusive_of_start=False
    )
    failing = read[6]
    original = CaseFactsProjection.handle

    def handle(self: CaseFactsProjection, tx: Tx, event: Event, at: int) -> None:
        if at == failing.id:
            tx.execute("UPDATE no_such_table SET a = 1")  # a bug the server refuses
        original(self, tx, event, at)

    monkeypatch.setattr(CaseFactsProjection, "handle", handle)
    try:
        runner.catch_up()

        head = ledger.head_position()
        status = {s.name: s for s in runner.status()}
        assert all(s.position == head for n, s in status.items() if n != VIEW)
        stalled = status[VIEW]
        assert (stalled.state, stalled.position, stalled.failed_position, stalled.error) == (
            STALLED,
            failing.id - 1,
            failing.id,
            "UndefinedTable",
        )
        with pytest.raises(ViewStalledError):
            runner.read_at_head([VIEW], lambda tx: None)
        runner.backoff.forget()
        runner.catch_up(VIEW)  # as a restarted daemon, before the fix
        [failure] = runner.failures()
        assert (failure.position, failure.attempts) == (failing.id, 2)

        monkeypatch.undo()
        runner.backoff.forget()
        runner.catch_up()

        after = {s.name: s for s in runner.status()}[VIEW]
        assert (after.state, after.position, runner.failures()) == (LIVE, head, [])
    finally:
        store.close()
