"""The outcomes of a drift check besides ok and drift: a log that the code no longer folds up to
the stored view's position is `failed` (recorded, naming the event); a stored view of another
version is skipped (not recorded); a stalled view is checked at the position it stopped at."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ledger.application.app import LedgerApplication
from ledger.persistence.config import StoreConfig
from projections.catalog import all_projections
from projections.drift import FAILED, OK, SKIPPED, latest_checks
from projections.drift_check import DriftChecker
from projections.runner import ProjectionRunner
from projections.service_cases import CaseFactsProjection
from projections.store import SQLiteViewStore
from projections.tracking import TRACKING_TABLE
from tests.application.test_projections import network_with_cases
from tests.application.test_view_stalls import events_of, fail_on

VIEW = CaseFactsProjection.name


@pytest.fixture
def runner(ledger: LedgerApplication, sqlite_url: str) -> Iterator[ProjectionRunner]:
    network_with_cases(ledger, 3, steps=2)
    store = SQLiteViewStore(StoreConfig(sqlite_url).sqlite_path)
    runner = ProjectionRunner(ledger, store, all_projections())
    runner.ensure_schema()
    yield runner
    store.close()


@pytest.fixture
def checker(runner: ProjectionRunner, sqlite_url: str) -> Iterator[DriftChecker]:
    store = SQLiteViewStore(StoreConfig(sqlite_url).sqlite_path)
    yield DriftChecker(runner.ledger, store, all_projections())
    store.close()


def test_a_log_the_code_no_longer_folds_to_the_views_position_is_a_failed_check(
    runner: ProjectionRunner, checker: DriftChecker, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner.catch_up()
    position = events_of(runner, VIEW)[3].id
    fail_on(monkeypatch, position)  # a release whose projection raises on an event folded before

    check = checker.check_and_record(VIEW)

    assert (check.outcome, check.tables) == (FAILED, ())
    assert f"stopped on the event at position {position}" in check.detail
    assert f"ValueError: cannot fold the event at {position}" in check.detail
    with checker.store.read() as tx:
        recorded = latest_checks(tx)[VIEW]
    assert (recorded.outcome, recorded.detail, recorded.position) == (
        FAILED,
        check.detail,
        runner.ledger.head_position(),
    )
    assert runner.failures() == []  # the stored view is not touched


def test_a_stored_view_of_another_version_is_skipped_and_not_recorded(
    runner: ProjectionRunner, checker: DriftChecker
) -> None:
    runner.catch_up()
    with runner.store.transaction() as tx:
        tx.execute(f"UPDATE {TRACKING_TABLE} SET version = version - 1 WHERE name = ?", (VIEW,))

    check = checker.check_and_record(VIEW)

    assert check.outcome == SKIPPED
    assert f"this release folds version {CaseFactsProjection.version}" in check.detail
    with checker.store.read() as tx:
        assert VIEW not in latest_checks(tx)


def test_a_stalled_view_is_checked_at_the_position_it_stopped_at(
    runner: ProjectionRunner, checker: DriftChecker, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = events_of(runner, VIEW)[4].id
    with monkeypatch.context() as patched:
        fail_on(patched, failing)
        runner.catch_up()

    check = checker.check(VIEW)

    assert (check.outcome, check.position) == (OK, failing - 1)
    assert sum(t.stored_rows for t in check.tables) > 0
