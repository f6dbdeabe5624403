"""Group commit: concurrent commands share one transaction, and each still gets its own answer.

The committer is held inside its first save, so the commands sent meanwhile pile up behind it
and are saved together once it is let go; a counting recorder tells how many transactions ran.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, cast
from uuid import UUID

import pytest
from eventsourcing.persistence import TranscodingNotRegisteredError

from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import Cancel
from ledger.application.context import IdempotencyRequest
from ledger.application.group_commit import GroupCommitConfig, GroupCommitter
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.errors import ExternalRefExistsError, PreconditionFailedError, UnavailableError
from ledger.domain.service_case import ServiceCase
from tests.application.support import assign, envelope, open_case, step_case

WAIT_SECONDS = 10.0


class HeldSaves:
    """Counts the recorder's transactions (events in each) and holds the first one open."""

    def __init__(self, ledger: LedgerApplication, monkeypatch: pytest.MonkeyPatch) -> None:
        self.transactions: list[int] = []
        self.entered = threading.Event()
        self.release = threading.Event()
        original = ledger.recorder.insert_events

        def insert_events(stored_events: Any, **kwargs: Any) -> Any:
            self.transactions.append(len(stored_events))
            if len(self.transactions) == 1:
                self.entered.set()
                self.release.wait(WAIT_SECONDS)
            return original(stored_events, **kwargs)

        monkeypatch.setattr(ledger.recorder, "insert_events", insert_events)


@pytest.fixture
def committer(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> Iterator[GroupCommitter[Any, Outcome]]:
    """Group commit, started once the window and the enterprise are registered."""
    yield ledger.uow.start_group_commit(GroupCommitConfig(max_queue=50))
    ledger.uow.stop_group_commit()


def queued(committer: GroupCommitter[Any, Outcome], count: int) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while committer.stats().queue_depth < count:
        assert time.monotonic() < deadline, f"{count} commands never queued up"
        time.sleep(0.005)


def behind_a_held_save(
    ledger: LedgerApplication,
    monkeypatch: pytest.MonkeyPatch,
    committer: GroupCommitter[Any, Outcome],
    window_id: UUID,
    commands: Sequence[Callable[[], Outcome]],
) -> tuple[HeldSaves, list[Outcome | BaseException]]:
    """Run ``commands`` concurrently while the committer is held in an unrelated first save."""
    held = HeldSaves(ledger, monkeypatch)
    with ThreadPoolExecutor(max_workers=len(commands) + 1) as pool:
        first = pool.submit(open_case, ledger, window_id, "W-HOLD")
        assert held.entered.wait(WAIT_SECONDS)
        futures: list[Future[Outcome]] = [pool.submit(command) for command in commands]
        queued(committer, len(commands))
        held.release.set()
        first.result(WAIT_SECONDS)
        results: list[Outcome | BaseException] = []
        for future in futures:
            error = future.exception(WAIT_SECONDS)
            results.append(error if error is not None else future.result())
    return held, results


HeldBatch = Callable[
    [Sequence[Callable[[], Outcome]]], tuple[HeldSaves, list[Outcome | BaseException]]
]


@pytest.fixture
def held_batch(
    ledger: LedgerApplication,
    monkeypatch: pytest.MonkeyPatch,
    committer: GroupCommitter[Any, Outcome],
    window_id: UUID,
) -> HeldBatch:
    """``behind_a_held_save`` on this test's ledger, committer and window."""
    return functools.partial(behind_a_held_save, ledger, monkeypatch, committer, window_id)


def test_commands_that_arrive_together_are_saved_in_one_transaction(
    ledger: LedgerApplication,
    committer: GroupCommitter[Any, Outcome],
    window_id: UUID,
    held_batch: HeldBatch,
) -> None:
    refs = [f"W-{i:03d}" for i in range(12)]
    commands = [functools.partial(open_case, ledger, window_id, ref) for ref in refs]

    held, results = held_batch(commands)

    assert held.transactions == [1, 12], "the held save, then all twelve in one transaction"
    assert committer.stats().batches_total == 2
    outcomes = [r for r in results if isinstance(r, Outcome)]
    assert len(outcomes) == 12
    for outcome in outcomes:
        (logged,) = ledger.history(outcome.resource_id)
        assert outcome.position == logged.position, "each caller gets its own event's position"
    assert len({o.position for o in outcomes}) == 12


def test_a_conflicting_command_in_a_batch_fails_alone_and_the_rest_are_saved(
    ledger: LedgerApplication, window_id: UUID, held_batch: HeldBatch
) -> None:
    case_id = open_case(ledger, window_id, "W-RACED").resource_id
    meta = envelope(window_id)

    def step() -> Outcome:
        return step_case(ledger, case_id, assign(meta), meta)

    commands: list[Callable[[], Outcome]] = [
        step,
        lambda: open_case(ledger, window_id, "W-A"),
        step,
        lambda: open_case(ledger, window_id, "W-B"),
    ]

    held, results = held_batch(commands)

    steps = [results[0], results[2]]
    assert sorted(type(r).__name__ for r in steps) == ["ConcurrentModificationError", "Outcome"]
    assert all(isinstance(r, Outcome) for r in (results[1], results[3]))
    assert ledger.get(ServiceCase, case_id).version == 2, (
        "exactly one of the two steps was recorded"
    )
    assert held.transactions[:2] == [1, 4], "the batch of four was tried together first"
    assert len(held.transactions) == 2 + 4, "then each command alone"


def test_a_case_recorded_twice_in_one_batch_is_refused_as_existing_once(
    ledger: LedgerApplication, window_id: UUID, held_batch: HeldBatch
) -> None:
    commands: list[Callable[[], Outcome]] = [
        lambda: open_case(ledger, window_id, "W-TWICE"),
        lambda: open_case(ledger, window_id, "W-OTHER"),
        lambda: open_case(ledger, window_id, "W-TWICE"),
    ]

    _, results = held_batch(commands)

    assert isinstance(results[1], Outcome)
    twice = [results[0], results[2]]
    assert sum(isinstance(r, Outcome) for r in twice) == 1
    assert sum(isinstance(r, ExternalRefExistsError) for r in twice) == 1


def test_a_retry_in_the_same_batch_is_answered_as_a_replay_of_the_first(
    ledger: LedgerApplication, window_id: UUID, held_batch: HeldBatch
) -> None:
    key = IdempotencyRequest("key:test", "retry-1", "fingerprint-1")
    commands: list[Callable[[], Outcome]] = [
        lambda: open_case(ledger, window_id, "W-RETRIED", idempotency=key),
        lambda: open_case(ledger, window_id, "W-RETRIED", idempotency=key),
    ]

    _, results = held_batch(commands)

    first, again = sorted((r for r in results if isinstance(r, Outcome)), key=lambda o: o.replayed)
    assert (first.replayed, again.replayed) == (False, True)
    assert (again.body, again.position, again.version) == (first.body, first.position, 1)


def test_a_full_queue_refuses_at_once_and_records_nothing(
    ledger: LedgerApplication,
    monkeypatch: pytest.MonkeyPatch,
    window_id: UUID,
    enterprise: UUID,
) -> None:
    committer = ledger.uow.start_group_commit(GroupCommitConfig(max_queue=2))
    held = HeldSaves(ledger, monkeypatch)
    with ThreadPoolExecutor(max_workers=3) as pool:
        first = pool.submit(open_case, ledger, window_id, "W-0")
        assert held.entered.wait(WAIT_SECONDS)
        waiting = [pool.submit(open_case, ledger, window_id, f"W-{i}") for i in (1, 2)]
        queued(committer, 2)

        with pytest.raises(UnavailableError, match="already waiting"):
            open_case(ledger, window_id, "W-3")

        held.release.set()
        outcomes = [f.result(WAIT_SECONDS) for f in (first, *waiting)]
    assert [o.created for o in outcomes] == [True, True, True]
    assert committer.stats().refused_total == 1
    assert not ledger.history(open_case_id(ledger, window_id, "W-3"))
    ledger.uow.stop_group_commit()


def open_case_id(ledger: LedgerApplication, window_id: UUID, ref: str) -> UUID:
    return ids.service_case_id(window_id, ref)


def test_a_stopped_committer_saves_what_was_waiting_and_commands_then_run_alone(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    committer: GroupCommitter[Any, Outcome] = ledger.uow.start_group_commit(GroupCommitConfig())
    open_case(ledger, window_id, "W-GROUPED")
    ledger.uow.stop_group_commit()

    alone = open_case(ledger, window_id, "W-ALONE")

    assert ledger.uow.committer is None
    assert committer.stats().commands_total == 1
    assert alone.position == ledger.head_position()
    with pytest.raises(UnavailableError, match="shutting down"):
        committer.submit(None)


def test_a_failing_decision_is_raised_in_its_own_thread_and_never_reaches_the_committer(
    ledger: LedgerApplication,
    committer: GroupCommitter[Any, Outcome],
    window_id: UUID,
    enterprise: UUID,
) -> None:
    case_id = open_case(ledger, window_id, "W-DONE").resource_id
    meta = envelope(window_id)
    before = committer.stats().commands_total

    with pytest.raises(PreconditionFailedError):
        step_case(ledger, case_id, assign(meta), meta, expected_version=7)

    assert committer.stats().commands_total == before


def test_a_command_whose_event_cannot_be_stored_fails_alone_in_its_batch(
    ledger: LedgerApplication, window_id: UUID, held_batch: HeldBatch
) -> None:
    case_id = open_case(ledger, window_id, "W-BROKEN").resource_id
    meta = envelope(window_id)

    # A value no transcoding knows: the save fails, not with a collision.
    unstorable = Cancel(reason=cast(str, object()))

    commands: list[Callable[[], Outcome]] = [
        lambda: open_case(ledger, window_id, "W-FINE-1"),
        lambda: step_case(ledger, case_id, unstorable, meta),
        lambda: open_case(ledger, window_id, "W-FINE-2"),
    ]

    _, results = held_batch(commands)

    assert isinstance(results[0], Outcome)
    assert isinstance(results[1], TranscodingNotRegisteredError)
    assert isinstance(results[2], Outcome)
    assert ledger.get(ServiceCase, case_id).version == 1
