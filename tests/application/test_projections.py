"""The projection daemon on SQLite: exactly once, resumable, rebuildable, deterministic."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import (
    Assign,
    Cancel,
    CaseStep,
    Close,
    Deliver,
    GiveFeedback,
    OpenCase,
)
from ledger.application.commands.participants import RegisterConnectedPlatform, RegisterEnterprise
from ledger.domain.envelope import Envelope
from ledger.domain.errors import LedgerError
from ledger.domain.platform import PlatformKind
from ledger.domain.service_case import (
    Channel,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
    ServiceCase,
)
from ledger.domain.time import CST
from ledger.persistence.config import StoreConfig
from projections.catalog import all_projections
from projections.failures import STALLED
from projections.registers import CaseFilter, cases
from projections.runner import ProjectionRunner
from projections.service_cases import CASE_FACTS, CaseFactsProjection
from projections.statistics import service_statistics
from projections.store import SQLiteViewStore, Tx
from projections.tracking import LIVE, REBUILDING
from runtime.bootstrap import build_ledger
from tests.acting import act
from tests.application.support import step_case

WINDOW_USCC = "91640100MA7AY4CL31"
ENTERPRISES = ["91640104MA71TJ3Y8G", "91640500MA7272HDX6"]
START = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)


def meta(at: datetime, platform_id: Any = None) -> Envelope:
    return Envelope("key:test", platform_id, "req", "req", at)


def network(ledger: LedgerApplication) -> Any:
    window = act(
        ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.WINDOW, name="银川窗口", uscc=WINDOW_USCC, region="640100"
        ),
        meta(START),
    ).resource_id
    for code in ENTERPRISES:
        act(
            ledger,
            RegisterEnterprise(
                uscc=code,
                name="企业",
                region="640104",
                industry="industry",
                employees=30,
                revenue_wan=Decimal(500),
            ),
            meta(START),
        )
    return window


def network_with_cases(ledger: LedgerApplication, cases: int, *, steps: int) -> Any:
    """The network, and ``cases`` cases opened a day apart, each taken ``steps`` steps; the
    window."""
    window = network(ledger)
    for n in range(cases):
        record_case(ledger, window, n, days=n, steps=steps)
    return window


def record_case(
    ledger: LedgerApplication, window: Any, n: int, *, days: int, steps: int, rating: int = 5
) -> Any:
    opened = meta(START + timedelta(days=days), window)
    delivered = opened.at(opened.occurred_at + timedelta(days=2))
    then: list[CaseStep] = []
    if steps >= 1:
        then.append(Assign(provider_kind=ProviderKind.EXPERT, provider_name="王教授"))
    if steps >= 2:
        delivery = Delivery(
            delivered.occurred_at.astimezone(CST).date(), DeliveryMode.ONLINE,
            FeeType.FREE if n % 2 else FeeType.PAID, Decimal(0) if n % 2 else Decimal("300"),
        )  # fmt: skip
        then.append(Deliver(delivery=delivery, occurred_at=delivered.occurred_at))
    if steps >= 3:
        then.append(GiveFeedback(feedback=Feedback(rating, ""), occurred_at=delivered.occurred_at))
    return act(
        ledger,
        OpenCase(
            external_ref=f"P-{n}",
            uscc=ENTERPRISES[n % 2],
            category="100200",
            channel=Channel.ONLINE,
            description="",
            then=tuple(then),
        ),
        opened,
    ).resource_id


@pytest.fixture
def views(ledger: LedgerApplication, sqlite_url: str) -> Iterator[ProjectionRunner]:
    store = SQLiteViewStore(StoreConfig(sqlite_url).sqlite_path)
    runner = ProjectionRunner(ledger, store, all_projections(), batch_size=7)
    runner.ensure_schema()
    yield runner
    store.close()


def dump(runner: ProjectionRunner) -> list[Any]:
    """Every view row, in primary-key order: the whole content of the views."""
    rows = []
    with runner.store.read() as tx:
        for projection in runner.projections.values():
            for table in projection.tables:
                rows.append((table, tx.fetchall(f"SELECT * FROM {table} ORDER BY 1")))
    return rows


def test_the_views_catch_up_with_the_log_in_batches(
    ledger: LedgerApplication, views: ProjectionRunner
) -> None:
    network_with_cases(ledger, 10, steps=3)

    views.catch_up()

    statuses = {s.name: (s.position, s.state) for s in views.status()}
    assert set(statuses) == {"registry", "service_cases", "activities", "funds", "directory"}
    assert set(statuses.values()) == {(ledger.head_position(), LIVE)}
    with views.store.read() as tx:
        assert tx.fetchone(f"SELECT COUNT(*) FROM {CASE_FACTS}") == (10,)


def test_a_view_advances_past_events_it_does_not_read(
    ledger: LedgerApplication, views: ProjectionRunner
) -> None:
    network(ledger)  # only platforms and enterprises: nothing for the case facts

    views.catch_up("service_cases")

    [status] = [s for s in views.status() if s.name == "service_cases"]
    assert status.position == ledger.head_position()
    assert status.lag == 0


def test_a_duplicate_delivery_changes_nothing(
    ledger: LedgerApplication, views: ProjectionRunner, sqlite_url: str
) -> None:
    network_with_cases(ledger, 5, steps=2)
    views.catch_up()
    before = dump(views)

    # A second daemon over the same store finds every position already taken.
    second = ProjectionRunner(ledger, views.store, all_projections(), batch_size=3)
    assert second.catch_up_once("service_cases") == 0
    second.catch_up()

    assert dump(views) == before


def test_a_round_over_views_with_nothing_to_fold_takes_no_write_transaction(
    ledger: LedgerApplication, views: ProjectionRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = network_with_cases(ledger, 2, steps=1)
    views.catch_up()
    written: list[str] = []
    transaction = views.store.transaction

    def counted() -> Any:
        written.append("tx")
        return transaction()

    monkeypatch.setattr(views.store, "transaction", counted)
    views.catch_up()
    assert written == []

    record_case(ledger, window, 7, days=9, steps=1)
    views.catch_up()
    assert 0 < len(written) <= len(views.projections)
    assert {s.position for s in views.status()} == {ledger.head_position()}


def test_a_batch_ends_when_its_time_is_up_and_the_next_goes_on_from_there(
    ledger: LedgerApplication, views: ProjectionRunner, tmp_path: Path
) -> None:
    network_with_cases(ledger, 4, steps=3)
    views.catch_up()
    expected = dump(views)
    store = SQLiteViewStore(str(tmp_path / "views.sqlite"))
    # Each event takes the whole budget: a batch folds one event and ends, however large.
    ticks = iter(range(10**6))
    slow = ProjectionRunner(
        ledger, store, all_projections(), batch_size=500, batch_seconds=1, clock=lambda: next(ticks)
    )
    slow.ensure_schema()
    try:
        folded = slow.projections["service_cases"].topics()
        reads = len(list(ledger.recorder.select_notifications(1, 10**6, topics=folded)))
        batches = 0
        while slow.catch_up_once("service_cases"):
            batches += 1
        assert batches == reads > 1
        slow.catch_up()

        assert dump(slow) == expected
        assert {s.position for s in slow.status()} == {ledger.head_position()}
    finally:
        store.close()


def test_a_batch_that_fails_leaves_the_view_at_its_last_position_stalled_and_resumes(
    ledger: LedgerApplication, views: ProjectionRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = network_with_cases(ledger, 6, steps=1)
    views.catch_up("service_cases")
    position = views._position("service_cases")
    record_case(ledger, window, 99, days=20, steps=2)
    original = CaseFactsProjection.handle

    def crash(self: Any, tx: Any, event: Any, position: int) -> None:
        original(self, tx, event, position)
        raise RuntimeError("power cut")

    monkeypatch.setattr(CaseFactsProjection, "handle", crash)
    views.catch_up("service_cases")
    assert views._position("service_cases") == position
    assert {s.name: s.state for s in views.status()}["service_cases"] == STALLED
    with views.store.read() as tx:
        assert tx.fetchone(f"SELECT COUNT(*) FROM {CASE_FACTS}") == (6,)

    monkeypatch.setattr(CaseFactsProjection, "handle", original)
    views.backoff.forget()  # as a restarted daemon: tried again at once
    views.catch_up("service_cases")

    with views.store.read() as tx:
        assert tx.fetchone(f"SELECT COUNT(*) FROM {CASE_FACTS}") == (7,)
        assert tx.fetchone(f"SELECT status FROM {CASE_FACTS} WHERE external_ref = 'P-99'") == (
            "delivered",
        )


def test_rebuilding_twice_gives_byte_identical_views(
    ledger: LedgerApplication, views: ProjectionRunner
) -> None:
    window = network(ledger)
    for n in range(12):
        record_case(ledger, window, n, days=n * 3, steps=n % 4, rating=1 + n % 5)
    views.catch_up()
    live = dump(views)

    views.rebuild("service_cases")
    first = dump(views)
    views.rebuild("service_cases")
    views.rebuild("registry")

    assert dump(views) == first == live


def test_a_rebuild_is_reported_until_it_has_caught_up(
    ledger: LedgerApplication, views: ProjectionRunner
) -> None:
    network_with_cases(ledger, 20, steps=2)
    views.catch_up()
    with views.store.transaction() as tx:
        views._reset(tx, views.projections["service_cases"])

    states = []
    while views.catch_up_once("service_cases"):
        states.append({s.name: s.state for s in views.status()}["service_cases"])

    assert states[0] == REBUILDING
    assert states[-1] == LIVE


def test_a_changed_view_version_rebuilds_it(
    ledger: LedgerApplication, views: ProjectionRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = network(ledger)
    record_case(ledger, window, 1, days=1, steps=2)
    views.catch_up()
    new_version = CaseFactsProjection.version + 1
    monkeypatch.setattr(CaseFactsProjection, "version", new_version)

    views.ensure_schema()

    status = {s.name: s for s in views.status()}["service_cases"]
    assert (status.version, status.position, status.state) == (new_version, 0, REBUILDING)
    views.catch_up()
    assert {s.name: s for s in views.status()}["service_cases"].state == LIVE


def test_statistics_count_each_step_in_the_period_it_happened(
    ledger: LedgerApplication, views: ProjectionRunner
) -> None:
    window = network(ledger)
    record_case(ledger, window, 1, days=0, steps=3, rating=5)  # March, free
    record_case(ledger, window, 2, days=1, steps=3, rating=3)  # March, paid
    record_case(ledger, window, 3, days=30, steps=1)  # April, not delivered
    views.catch_up()

    with views.store.read() as tx:
        rows = service_statistics(tx, year=2025, period="month")

    march, april = rows
    assert (march["period"], march["opened"], march["delivered"]) == ("2025-03", 2, 2)
    assert march["enterprises_served"] == 2
    assert march["free_share"] == "0.5000"
    assert march["satisfaction_average"] == "4.0000"
    assert march["satisfied_share"] == "0.5000"
    assert march["median_days_to_delivery"] == "2.0"
    assert (april["period"], april["opened"], april["delivered"]) == ("2025-04", 1, 0)
    assert april["free_share"] is None


# --- the views equal a direct fold over random command sequences ----------------------------

STEP_NAMES = ["assign", "deliver", "feedback", "close", "cancel"]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from(["open", *STEP_NAMES]), st.integers(1, 5)),
        min_size=1,
        max_size=30,
    )
)
def test_the_case_facts_equal_a_direct_fold_over_the_cases(
    tmp_path_factory: pytest.TempPathFactory, commands: list[tuple[int, str, int]]
) -> None:
    url = f"sqlite:///{tmp_path_factory.mktemp('fold') / 'ledger.sqlite'}"
    ledger = build_ledger(StoreConfig(url))
    store = SQLiteViewStore(StoreConfig(url).sqlite_path)
    try:
        runner = ProjectionRunner(ledger, store, all_projections(), batch_size=4)
        runner.ensure_schema()
        window = network(ledger)
        cases: dict[int, Any] = {}
        for day, (n, command, rating) in enumerate(commands, start=1):
            at = meta(START + timedelta(days=day), window)
            try:
                if command == "open" or n not in cases:
                    cases[n] = act(
                        ledger,
                        OpenCase(
                            external_ref=f"F-{n}",
                            uscc=ENTERPRISES[n % 2],
                            category="10",
                            channel=Channel.OFFLINE,
                            description="",
                        ),
                        at,
                    ).resource_id
                    continue
                step = _step(command, rating, at)
                step_case(ledger, cases[n], step, at)
            except LedgerError:  # a refused step (out of order, existing ref) records nothing
                continue
            if day % 7 == 0:
                runner.catch_up()
        runner.catch_up()

        expected = sorted(_fold(ledger.get(ServiceCase, case_id)) for case_id in cases.values())
        with store.read() as tx:
            actual = tx.fetchall(
                "SELECT case_id, status, provider_name, delivered_on, fee_type, satisfaction, "
                f"closed_on IS NOT NULL, cancelled_on IS NOT NULL FROM {CASE_FACTS} ORDER BY 1"
            )
        assert actual == expected
    finally:
        store.close()
        ledger.close()


def _step(command: str, rating: int, at: Envelope) -> CaseStep:
    day: date = at.occurred_at.astimezone(CST).date()
    steps: dict[str, CaseStep] = {
        "assign": Assign(provider_kind=ProviderKind.EXPERT, provider_name="专家"),
        "deliver": Deliver(delivery=Delivery(day, DeliveryMode.ONSITE, FeeType.FREE, Decimal(0))),
        "feedback": GiveFeedback(feedback=Feedback(rating, "")),
        "close": Close(note=""),
        "cancel": Cancel(reason="x"),
    }  # fmt: skip
    return steps[command]


def _fold(case: ServiceCase) -> tuple[Any, ...]:
    return (
        str(case.id),
        case.status.value,
        case.assignment.provider_name if case.assignment else None,
        case.delivery.delivered_on.isoformat() if case.delivery else None,
        case.delivery.fee_type.value if case.delivery else None,
        case.feedback.satisfaction if case.feedback else None,
        int(case.closure_note is not None),
        int(case.cancellation_reason is not None),
    )


def test_an_enterprises_history_is_read_by_the_uscc_index_in_its_order(
    views: ProjectionRunner,
) -> None:
    with views.store.read() as tx:
        plan = tx.fetchall(
            f"EXPLAIN QUERY PLAN SELECT case_id, status FROM {CASE_FACTS} WHERE uscc = ? "
            "ORDER BY opened_at, case_id",
            (ENTERPRISES[0],),
        )
    steps = " / ".join(str(row[-1]) for row in plan)
    assert "USING INDEX view_case_facts_uscc" in steps
    assert "TEMP B-TREE" not in steps


class _Recording:
    """A view transaction that keeps the statements a read sends through it."""

    def __init__(self, tx: Tx) -> None:
        self.tx = tx
        self.reads: list[tuple[str, Sequence[Any]]] = []

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.tx.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.tx.executemany(sql, rows)

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        self.reads.append((sql, params))
        return self.tx.fetchall(sql, params)

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Any:
        self.reads.append((sql, params))
        return self.tx.fetchone(sql, params)


@pytest.mark.parametrize(
    ("where", "index"),
    [
        pytest.param(CaseFilter(), "view_case_facts_opened", id="every-case"),
        pytest.param(
            CaseFilter(window_id="w", status="opened", category="14"),
            "view_case_facts_window",
            id="a-window-s",
        ),
        pytest.param(CaseFilter(institution_id="i"), "view_case_facts_provider", id="assigned"),
    ],
)
def test_a_page_of_a_case_list_is_read_by_an_index_in_its_order(
    views: ProjectionRunner, where: CaseFilter, index: str
) -> None:
    with views.store.read() as tx:
        recording = _Recording(tx)
        cases(recording, where, after=0, limit=100)
        [(sql, params)] = recording.reads
        plan = tx.fetchall(f"EXPLAIN QUERY PLAN {sql}", params)
    steps = " / ".join(str(row[-1]) for row in plan)
    assert f"USING INDEX {index}" in steps
    assert "TEMP B-TREE" not in steps
