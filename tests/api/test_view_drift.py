"""Drift checks, on SQLite and on PostgreSQL: a view row changed behind the ledger's back is
found in exactly its table, recorded, exported as a metric, shown to auditors and by `sme-ledger
project check-drift` (exit 1), and never repaired; a check while the views move finds nothing."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import psycopg
import pytest
from prometheus_client.parser import text_string_to_metric_families
from typer.testing import CliRunner

from cli.main import app as cli
from ledger.application.commands.cases import OpenCase
from ledger.domain.service_case import Channel
from ledger.persistence.config import StoreConfig
from projections import drift_check
from projections.catalog import all_projections
from projections.digest import table_digest
from projections.drift import DRIFT, OK, DriftCheck
from projections.drift_check import DriftChecker
from projections.runner import ProjectionRunner
from projections.service_cases import CASE_FACTS, CaseFactsProjection
from projections.store import open_view_store
from runtime.drift import DriftMetrics, DriftSchedule
from runtime.workers import ProjectionMetrics
from tests.acting import act
from tests.api._support import (
    ENTERPRISE_USCC,
    JSON,
    NOW,
    SETUP,
    Api,
    MakeApi,
    assert_problem,
    new_ref,
)
from tests.integration.conftest import as_user, ensure_service_login

VIEW = CaseFactsProjection.name
VIEWS = sorted(p.name for p in all_projections())
TABLES = {p.name: list(p.tables) for p in all_projections()}
LONG_AFTER = datetime(2100, 1, 1, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgres"])
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Both stores: the check must say the same on either."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture
def worker_url(ledger_url: str) -> str:
    """Where the projection worker and the command line connect: on PostgreSQL as the service
    role, which may only add drift records and read them."""
    if not StoreConfig(ledger_url).is_postgres:
        return ledger_url
    ensure_service_login(ledger_url)
    return as_user(ledger_url, "ledger_test_service")


@pytest.fixture
def checker(api: Api, worker_url: str) -> Iterator[DriftChecker]:
    checker = DriftChecker(api.ledger, open_view_store(StoreConfig(worker_url)), all_projections())
    yield checker
    checker.store.close()


@pytest.fixture
def api(make_api: MakeApi) -> Api:
    """Three delivered cases, and every view caught up with them."""
    api = make_api()
    for _ in range(3):
        case = str(api.open_case()["id"])
        api.step(case, "assignment")
        api.step(case, "delivery")
    caught_up(api)
    return api


def caught_up(api: Api, at_least: int | None = None) -> None:
    head = api.head() if at_least is None else at_least
    deadline = time.monotonic() + 10
    views: ProjectionRunner = api.client.app.state.views  # type: ignore[attr-defined]
    while any(s.position < head for s in views.status()):
        assert time.monotonic() < deadline, "the views did not catch up"
        views.wake.set()
        time.sleep(0.02)


def as_owner(ledger_url: str, statement: str) -> None:
    """``statement`` run directly in the database, as its owner, behind the ledger's back."""
    config = StoreConfig(ledger_url)
    if config.is_postgres:
        with psycopg.connect(ledger_url) as conn:
            conn.execute(statement)
        return
    with sqlite3.connect(config.sqlite_path) as conn:
        conn.execute(statement)


def first_case(ledger_url: str) -> tuple[str, str]:
    """The case id and category of the first row of the service-cases view."""
    sql = f"SELECT case_id, category FROM {CASE_FACTS} ORDER BY case_id LIMIT 1"
    config = StoreConfig(ledger_url)
    if config.is_postgres:
        with psycopg.connect(ledger_url) as conn:
            row = conn.execute(sql).fetchone()
    else:
        with sqlite3.connect(config.sqlite_path) as conn:
            row = conn.execute(sql).fetchone()
    assert row is not None
    return str(row[0]), str(row[1])


def check_drift(monkeypatch: pytest.MonkeyPatch, url: str, *args: str) -> tuple[int, str]:
    """`sme-ledger project check-drift ARGS` on ``url``: its exit code and what it printed."""
    monkeypatch.setenv("LEDGER_DATABASE_URL", url)
    done = CliRunner().invoke(cli, ["project", "check-drift", *args])
    return done.exit_code, done.output


def check_drift_json(monkeypatch: pytest.MonkeyPatch, url: str) -> tuple[int, list[JSON]]:
    code, printed = check_drift(monkeypatch, url, "--json")
    checks: list[JSON] = json.loads(printed)
    return code, checks


def drift_samples(metrics: ProjectionMetrics) -> dict[tuple[str, str], float]:
    return {
        (s.name, s.labels.get("projection", "") + "/" + s.labels.get("outcome", "")): s.value
        for family in text_string_to_metric_families(metrics.render().decode())
        for s in family.samples
        if s.name.startswith("ledger_view_drift")
    }


def test_a_changed_view_row_is_found_in_its_table_recorded_exported_and_never_repaired(
    api: Api,
    checker: DriftChecker,
    ledger_url: str,
    worker_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, clean = check_drift_json(monkeypatch, worker_url)
    assert code == 0, clean
    assert [(c["view"], c["outcome"]) for c in clean] == [(v, OK) for v in TABLES]
    cases = next(c for c in clean if c["view"] == VIEW)
    assert {t["table"]: t["stored_rows"] for t in cases["tables"]}[CASE_FACTS] == 3

    case_id, category = first_case(ledger_url)
    as_owner(ledger_url, f"UPDATE {CASE_FACTS} SET category = '990000' WHERE case_id = '{case_id}'")

    code, found = check_drift_json(monkeypatch, worker_url)
    assert code == 1
    expected = {v: DRIFT if v == VIEW else OK for v in VIEWS}
    assert {c["view"]: c["outcome"] for c in found} == expected
    [drifted] = [c for c in found if c["outcome"] == DRIFT]
    assert drifted["drifting"] == [CASE_FACTS]
    [table] = [t for t in drifted["tables"] if t["drift"]]
    assert (table["table"], table["stored_rows"], table["recomputed_rows"]) == (CASE_FACTS, 3, 3)
    assert table["stored_sha256"] != table["recomputed_sha256"]
    before = {t["table"]: t for t in cases["tables"]}[CASE_FACTS]
    assert table["recomputed_sha256"] == before["stored_sha256"]  # the log still says the same

    code, printed = check_drift(monkeypatch, worker_url, "--view", VIEW)
    assert code == 1
    lines = printed.splitlines()
    assert [line for line in lines if "DRIFT" in line and "│" in line] == [
        next(line for line in lines if CASE_FACTS in line)
    ]
    assert sum(" OK " in line for line in lines) == len(TABLES[VIEW]) - 1
    assert "nothing was repaired" in " ".join(printed.split())
    code, _ = check_drift(monkeypatch, worker_url, "--view", "registry")
    assert code == 0

    # The worker's schedule: long after those checks, every view is due; the flag comes from
    # the record (the command line's checks were on the clock of its own ledger).
    said: list[str] = []
    metrics = ProjectionMetrics(60.0)
    later = DriftSchedule(
        checker, 3600, DriftMetrics(metrics.registry), said.append, lambda: LONG_AFTER
    )
    checks = later.round()
    assert {c.view: c.outcome for c in checks} == expected
    samples = drift_samples(metrics)
    assert {v: samples[("ledger_view_drift", f"{v}/")] for v in VIEWS} == {
        v: 1 if v == VIEW else 0 for v in VIEWS
    }
    assert samples[("ledger_view_drift_checks_total", f"{VIEW}/drift")] == 1
    assert samples[("ledger_view_drift_checks_total", f"{VIEW}/ok")] == 0
    assert [line for line in said if "DRIFT" in line] == [
        f"project: DRIFT: view {VIEW} at position {checks[0].position} differs from the log in "
        f"{CASE_FACTS}; recorded, nothing repaired (`sme-ledger project check-drift` shows the "
        "digests)"
    ]
    restarted = ProjectionMetrics(60.0)
    assert DriftSchedule(checker, 3600, DriftMetrics(restarted.registry), said.append).round() == []
    assert drift_samples(restarted)[("ledger_view_drift", f"{VIEW}/")] == 1

    read = api.get("/v1/views/drift", key=api.keys.auditor)
    assert read.status_code == 200, read.text
    body = read.json()
    assert body["drifting"] == [VIEW]
    latest = {c["view"]: c for c in body["latest"]}
    assert (latest[VIEW]["outcome"], latest[VIEW]["drifting"]) == (DRIFT, [CASE_FACTS])
    assert {v for v, c in latest.items() if c["outcome"] == OK} == set(VIEWS) - {VIEW}
    only = api.get(
        "/v1/views/drift", key=api.keys.bureau, params={"view": VIEW, "outcome": "drift"}
    ).json()
    assert only["count"] == 3  # two runs of the command line, and the schedule
    assert {c["view"] for c in only["checks"]} == {VIEW}
    ids = [c["id"] for c in only["checks"]]
    assert ids == sorted(ids, reverse=True)
    assert_problem(api.get("/v1/views/drift", key=api.keys.window_a), 403, "forbidden_role")
    bad = api.get("/v1/views/drift", key=api.keys.auditor, params={"view": "no_such_view"})
    assert_problem(bad, 422, "validation_failed")

    # Never a repair: the changed row is as it was changed, until a rebuild replaces it.
    assert first_case(ledger_url) == (case_id, "990000")
    runner = ProjectionRunner(
        api.ledger, open_view_store(StoreConfig(ledger_url)), [CaseFactsProjection()]
    )
    try:
        runner.rebuild(VIEW)
    finally:
        runner.store.close()
    assert first_case(ledger_url) == (case_id, category)
    code, _ = check_drift(monkeypatch, worker_url, "--view", VIEW)
    assert code == 0
    cleared = ProjectionMetrics(60.0)
    DriftSchedule(checker, 3600, DriftMetrics(cleared.registry), said.append).round()
    assert drift_samples(cleared)[("ledger_view_drift", f"{VIEW}/")] == 0
    assert api.get("/v1/views/drift", key=api.keys.hub).json()["drifting"] == []


def test_a_view_moving_on_between_the_reads_of_a_check_is_not_drift(
    api: Api, checker: DriftChecker, ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The daemon commits more of the view after the check read its position and before it
    read the tables: the snapshot still sees the tables at that position."""
    daemon = ProjectionRunner(
        api.ledger, open_view_store(StoreConfig(ledger_url)), [CaseFactsProjection()]
    )
    digest = table_digest
    moved: list[int] = []

    def digest_after_the_view_moved(*args: object, **kwargs: object) -> object:
        if not moved:
            api.open_case()
            daemon.catch_up(VIEW)
            moved.append(daemon.status()[0].position)
        return digest(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(drift_check, "table_digest", digest_after_the_view_moved)
    try:
        check = checker.check(VIEW)
    finally:
        daemon.store.close()

    assert check.outcome == OK, check
    assert moved
    assert moved[0] > check.position
    assert {t.table: t.stored_rows for t in check.tables}[CASE_FACTS] == 3


def test_checks_while_cases_are_recorded_and_projected_find_no_drift(
    api: Api, checker: DriftChecker
) -> None:
    window = replace(SETUP, platform_id=api.window_a_id, occurred_at=NOW)
    stop = threading.Event()
    errors: list[BaseException] = []

    def keep_writing() -> None:
        try:
            while not stop.is_set():
                opening = OpenCase(
                    external_ref=new_ref(), uscc=ENTERPRISE_USCC, category="100200",
                    channel=Channel.ONLINE, description="",
                )  # fmt: skip
                act(api.ledger, opening, window)
        except BaseException as e:
            errors.append(e)
            raise

    writer = threading.Thread(target=keep_writing, daemon=True)
    writer.start()
    checks: list[DriftCheck] = []
    try:
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline or len({c.position for c in checks}) < 3:
            checks.append(checker.check(VIEW))
            assert time.monotonic() < deadline + 10, "the view did not move between checks"
    finally:
        stop.set()
        writer.join(timeout=10)

    assert errors == []
    assert [c for c in checks if c.outcome != OK] == []
    assert len({c.position for c in checks}) >= 3
