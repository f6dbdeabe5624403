"""Concurrent updates are not allowed: racing writers on PostgreSQL get one winner, never a blend.

Every race runs twice: sixteen threads sharing one ledger (one server process), and sixteen
ledgers with a thread each (sixteen processes). Where a command reads before it decides, the
threads meet at a barrier placed *after* the read, so all of them decide on the same version
(or find the same idempotency key free) before any of them saves.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

import psycopg
import pytest

from ledger.application import interface
from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import InitialiseLedger, IssuedKey
from ledger.application.commands.cases import Assign, CaseStep, Close, Deliver, GiveFeedback
from ledger.application.context import IdempotencyRequest
from ledger.application.group_commit import GroupCommitConfig
from ledger.application.queries.access_keys import authenticate, list_keys
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ConcurrentModificationError,
    ExternalRefExistsError,
    IdempotencyKeyReusedError,
    LedgerInitialisedError,
    ServiceCaseNotFoundError,
)
from ledger.domain.platform import Platform
from ledger.domain.service_case import (
    CaseStatus,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
    ServiceCase,
)
from ledger.domain.time import CST
from tests.acting import CaughtUp, act
from tests.application.support import step_case
from tests.integration._support import (
    ACTOR,
    Network,
    deciding_after,
    envelope,
    event_rows,
    failures,
    open_case,
    race,
    sole_winner,
    start_line,
    successes,
)

THREADS = 16


@pytest.fixture(params=["one-shared-ledger", "one-ledger-with-group-commit", "a-ledger-per-thread"])
def ledgers(
    request: pytest.FixtureRequest,
    pg_ledger: LedgerApplication,
    make_small_ledger: Callable[[str], LedgerApplication],
    postgres_url: str,
) -> list[LedgerApplication]:
    """The ledger each racing thread uses, by thread number.

    With group commit, the racing commands are saved in shared transactions: a batch holding
    several writers of one version collides, and is split so that exactly one of them wins.
    """
    if request.param == "one-shared-ledger":
        return [pg_ledger] * THREADS
    if request.param == "one-ledger-with-group-commit":
        pg_ledger.uow.start_group_commit(GroupCommitConfig())
        return [pg_ledger] * THREADS
    return [make_small_ledger(postgres_url) for _ in range(THREADS)]


def hold_inside_decide(
    monkeypatch: pytest.MonkeyPatch, ledgers: list[LedgerApplication], start: threading.Barrier
) -> None:
    """Make ``open_case`` wait at ``start`` once it is deciding.

    Deciding comes after the unit of work's first idempotency check, so every thread has found
    no stored response before any of them saves: the race is under test, not the replay.
    """
    for ledger in {id(ledger): ledger for ledger in ledgers}.values():
        original = ledger.lookups.connected_window

        def connected_window(
            platform_id: UUID, original: Callable[[UUID], Platform] = original
        ) -> Platform:
            start.wait()
            return original(platform_id)

        monkeypatch.setattr(ledger.lookups, "connected_window", connected_window)


def idempotency(key: str, body: bytes) -> IdempotencyRequest:
    return IdempotencyRequest(
        scope=ACTOR,
        key=key,
        fingerprint=IdempotencyRequest.fingerprint_of("POST", "/v1/service-cases", body),
    )


def idempotency_rows(url: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT scope, key, resource_id, version, position FROM ledger_idempotency"
        ).fetchall()


# --- one winner per version --------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step of a case, as thread ``i`` would take it, and how to tell its event apart."""

    name: str
    take: Callable[[int, Envelope], CaseStep]
    mark: Callable[[int], object]
    """What thread ``i`` wrote, as read back from the stored event by ``read``."""
    read: Callable[[object], object]


def _assign(i: int, meta: Envelope) -> CaseStep:
    return Assign(provider_kind=ProviderKind.EXPERT, provider_name=f"专家 {i}")


def _deliver(i: int, meta: Envelope) -> CaseStep:
    delivered_on = meta.occurred_at.astimezone(CST).date()
    delivery = Delivery(delivered_on, DeliveryMode.ONLINE, FeeType.PAID, Decimal(100 + i))
    return Deliver(delivery=delivery)


def _feedback(i: int, meta: Envelope) -> CaseStep:
    return GiveFeedback(feedback=Feedback(satisfaction=1 + i % 5, comment=f"thread {i}"))


def _close(i: int, meta: Envelope) -> CaseStep:
    return Close(note=f"closed by thread {i}")


STEPS = [
    Step("assign", _assign, lambda i: f"专家 {i}", lambda e: getattr(e, "provider_name", None)),
    Step("deliver", _deliver, lambda i: Decimal(100 + i), lambda e: getattr(e, "fee_amount", None)),
    Step("feedback", _feedback, lambda i: f"thread {i}", lambda e: getattr(e, "comment", None)),
    Step("close", _close, lambda i: f"closed by thread {i}", lambda e: getattr(e, "note", None)),
]


def race_step(
    ledgers: list[LedgerApplication], network: Network, case_id: UUID, step: Step
) -> list[Outcome | BaseException]:
    start = start_line(THREADS)

    def attempt(i: int) -> Outcome:
        meta = network.meta()
        return step_case(ledgers[i], case_id, step.take(i, meta), meta)

    with deciding_after(start, ledgers, ServiceCase):
        return race(start, attempt)


def test_racing_steps_on_one_case_have_exactly_one_winner_per_version(
    ledgers: list[LedgerApplication],
    pg_ledger: LedgerApplication,
    network: Network,
    postgres_url: str,
) -> None:
    opened = open_case(pg_ledger, network, "YC-RACE-STEPS")
    winners: list[tuple[int, Outcome]] = []

    for expected_version, step in enumerate(STEPS, start=2):
        results = race_step(ledgers, network, opened.resource_id, step)

        won = [(i, r) for i, r in enumerate(results) if isinstance(r, Outcome)]
        assert len(won) == 1, f"{step.name}: {results}"
        assert [type(e) for e in failures(results)] == [ConcurrentModificationError] * (THREADS - 1)
        assert won[0][1].version == expected_version
        winners.append(won[0])

    history = pg_ledger.history(opened.resource_id)
    assert [e.event.originator_version for e in history] == [1, 2, 3, 4, 5]
    for (i, outcome), step, logged in zip(winners, STEPS, history[1:], strict=True):
        assert step.read(logged.event) == step.mark(i), f"{step.name} holds the winner's data"
        assert logged.position == outcome.position
    final = pg_ledger.get(ServiceCase, opened.resource_id)
    assert final.status is CaseStatus.CLOSED
    assert interface.service_case_view(final) == winners[-1][1].body
    assert len(event_rows(postgres_url)) == 2 + 5, "only the winners' events were appended"


def test_a_loser_that_retries_on_the_new_version_succeeds(
    ledgers: list[LedgerApplication], pg_ledger: LedgerApplication, network: Network
) -> None:
    opened = open_case(pg_ledger, network, "YC-RACE-RETRY")
    results = race_step(ledgers, network, opened.resource_id, STEPS[0])
    loser = next(i for i, r in enumerate(results) if isinstance(r, ConcurrentModificationError))

    retried = step_case(
        ledgers[loser],
        opened.resource_id,
        _deliver(loser, network.meta()),
        network.meta(),
    )

    assert retried.version == 3
    assert pg_ledger.get(ServiceCase, opened.resource_id).status is CaseStatus.DELIVERED


# --- one case per external reference -----------------------------------------------------------


def test_racing_opens_with_the_same_external_ref_create_exactly_one_case(
    ledgers: list[LedgerApplication],
    pg_ledger: LedgerApplication,
    network: Network,
    postgres_url: str,
) -> None:
    start = start_line(THREADS)

    def attempt(i: int) -> Outcome:
        start.wait()
        return open_case(ledgers[i], network, "YC-RACE-REF", description=f"demand of thread {i}")

    results = race(start, attempt)

    winner, outcome = sole_winner(results, ExternalRefExistsError, THREADS)
    case = pg_ledger.get(ServiceCase, outcome.resource_id)
    assert case.version == 1
    assert case.description == f"demand of thread {winner}"
    assert interface.service_case_view(case) == outcome.body
    assert len(event_rows(postgres_url)) == 2 + 1


# --- idempotency keys under a race --------------------------------------------------------------


def test_the_same_idempotent_request_raced_creates_one_case_and_every_thread_gets_its_response(
    ledgers: list[LedgerApplication],
    pg_ledger: LedgerApplication,
    network: Network,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start = start_line(THREADS)
    hold_inside_decide(monkeypatch, ledgers, start)
    request = idempotency("open-once", b'{"external_ref": "YC-RACE-IDEM"}')

    results = race(
        start,
        lambda i: open_case(ledgers[i], network, "YC-RACE-IDEM", idempotency=request),
    )

    outcomes = successes(results)
    assert outcomes == results, "every thread gets a response"
    assert [o.replayed for o in outcomes].count(False) == 1, "one thread recorded the case"
    first = outcomes[0]
    for outcome in outcomes:
        assert (outcome.resource_id, outcome.version, outcome.position, outcome.created) == (
            first.resource_id,
            1,
            first.position,
            True,
        )
        assert outcome.body == first.body
    assert len(event_rows(postgres_url)) == 2 + 1, "nothing else was appended"
    assert idempotency_rows(postgres_url) == [
        (ACTOR, "open-once", first.resource_id, 1, first.position)
    ]
    assert pg_ledger.history(first.resource_id)[0].position == first.position


def test_one_idempotency_key_raced_with_different_requests_records_only_one_of_them(
    ledgers: list[LedgerApplication],
    pg_ledger: LedgerApplication,
    network: Network,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each thread opens its own case, so the events never collide: only the idempotency record
    # does, and the losers' events must be rolled back with it.
    start = start_line(THREADS)
    hold_inside_decide(monkeypatch, ledgers, start)

    def attempt(i: int) -> Outcome:
        ref = f"YC-RACE-KEY-{i}"
        return open_case(
            ledgers[i], network, ref, idempotency=idempotency("shared-key", ref.encode())
        )

    results = race(start, attempt)

    winner, outcome = sole_winner(results, IdempotencyKeyReusedError, THREADS)
    assert not outcome.replayed
    assert len(event_rows(postgres_url)) == 2 + 1, "no loser's events were kept"
    for i in range(THREADS):
        if i != winner:
            with pytest.raises(ServiceCaseNotFoundError):
                pg_ledger.get(
                    ServiceCase, ids.service_case_id(network.window_id, f"YC-RACE-KEY-{i}")
                )


def test_the_same_idempotent_step_raced_on_one_case_is_recorded_once(
    ledgers: list[LedgerApplication],
    pg_ledger: LedgerApplication,
    network: Network,
    postgres_url: str,
) -> None:
    opened = open_case(pg_ledger, network, "YC-RACE-IDEM-STEP")
    start = start_line(THREADS)
    request = idempotency("assign-once", b'{"provider_name": "expert"}')

    def attempt(i: int) -> Outcome:
        meta = network.meta()
        assign = Assign(provider_kind=ProviderKind.EXPERT, provider_name="expert")
        return step_case(ledgers[i], opened.resource_id, assign, meta, idempotency=request)

    with deciding_after(start, ledgers, ServiceCase):
        results = race(start, attempt)

    outcomes = successes(results)
    assert outcomes == results, "every thread gets a response"
    assert [o.replayed for o in outcomes].count(False) == 1
    assert {(o.version, o.position) for o in outcomes} == {(2, outcomes[0].position)}
    assert len(event_rows(postgres_url)) == 2 + 2


# --- the first admin key -----------------------------------------------------------------------


def test_racing_initialisations_issue_exactly_one_first_admin_key(
    ledgers: list[LedgerApplication], pg_ledger: LedgerApplication, postgres_url: str
) -> None:
    start = start_line(THREADS)

    def attempt(i: int) -> IssuedKey:
        start.wait()
        return act(ledgers[i], InitialiseLedger(), envelope(None))

    results = race(start, attempt)

    issued = successes(results)
    assert len(issued) == 1, results
    assert [type(e) for e in failures(results)] == [LedgerInitialisedError] * (THREADS - 1)
    keys = list_keys(pg_ledger, CaughtUp(pg_ledger))
    assert [key.id for key in keys] == [issued[0].outcome.resource_id]
    assert authenticate(pg_ledger, issued[0].secret) is not None
    assert len(event_rows(postgres_url)) == 2, "the genesis marker and one key, nothing more"
