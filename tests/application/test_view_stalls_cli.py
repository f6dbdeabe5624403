"""`sme-ledger project failures` and `project status` on a ledger with a stalled view."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cli.main import app
from ledger.application.app import LedgerApplication
from ledger.persistence.config import StoreConfig
from projections.catalog import all_projections
from projections.runner import ProjectionRunner
from projections.service_cases import CaseFactsProjection
from projections.store import SQLiteViewStore
from tests.application.test_projections import network_with_cases
from tests.application.test_view_stalls import events_of, fail_on

VIEW = CaseFactsProjection.name


@pytest.fixture
def failed_at(
    ledger: LedgerApplication,
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> int:
    """The position of the event the service-cases view of ``sqlite_url`` stalled on."""
    network_with_cases(ledger, 3, steps=1)
    store = SQLiteViewStore(StoreConfig(sqlite_url).sqlite_path)
    runner = ProjectionRunner(ledger, store, all_projections())
    try:
        runner.ensure_schema()
        position = events_of(runner, VIEW)[2].id
        with monkeypatch.context() as patched:
            fail_on(patched, position)
            runner.catch_up()
    finally:
        store.close()
    monkeypatch.setenv("LEDGER_DATABASE_URL", sqlite_url)
    return position


def test_project_failures_names_the_view_the_event_and_the_error_and_says_where_the_fix_is(
    failed_at: int,
) -> None:
    done = CliRunner().invoke(app, ["project", "failures"])

    assert done.exit_code == 0, done.output
    text = " ".join(done.output.split())
    assert f"{VIEW} is stalled at position {failed_at - 1}" in text
    assert f"before the event at position {failed_at}" in text
    assert "ServiceCase." in text
    assert f"ValueError: cannot fold the event at {failed_at}" in text
    assert "attempts 1" in text
    assert "the fix is in the projection's code" in text
    assert "`sme-ledger project` tries each stalled view again" in text


def test_project_failures_json_is_one_object_per_stalled_view(failed_at: int) -> None:
    done = CliRunner().invoke(app, ["project", "failures", "--json"])

    assert done.exit_code == 0, done.output
    [failure] = json.loads(done.output)
    assert {
        k: failure[k] for k in ("view", "position", "failed_position", "error", "attempts")
    } == {
        "view": VIEW,
        "position": failed_at - 1,
        "failed_position": failed_at,
        "error": "ValueError",
        "attempts": 1,
    }
    assert failure["topic"].startswith("ledger.domain.service_case:ServiceCase.")
    assert failure["originator_version"] >= 1
    assert failure["recorded_at"].endswith("+00:00")


def test_project_status_shows_the_view_stalled(failed_at: int) -> None:
    done = CliRunner().invoke(app, ["project", "status"])

    assert done.exit_code == 0, done.output
    [row] = [line for line in done.output.splitlines() if f" {VIEW} " in line]
    assert "stalled" in row


def test_project_failures_says_so_when_no_view_is_stalled(
    ledger: LedgerApplication, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEDGER_DATABASE_URL", sqlite_url)

    done = CliRunner().invoke(app, ["project", "failures", "--json"])
    plain = CliRunner().invoke(app, ["project", "failures"])

    assert (done.exit_code, json.loads(done.output)) == (0, [])
    assert "No view is stalled." in plain.output
