"""Group commit: concurrent commands share one transaction.

Every save takes the events table's lock and pays a commit (an fsync on PostgreSQL), so one
save per command caps a process at a few hundred commands a second however many threads decide
them. Here the threads that decided a command hand it to one committer thread and wait; the
committer takes what is waiting (at most ``max_batch`` commands, lingering at most ``max_wait``
for commands still being decided) and saves all of it in one transaction. What a batch save
means for each command (its outcome, or its own error when the batch had to be split) is
decided by the unit of work's ``commit_batch``: this module only moves commands and futures.

The queue is bounded: when ``max_queue`` commands are already waiting, a new one is refused at
once with :class:`~ledger.domain.errors.UnavailableError` (503 + Retry-After over HTTP), so overload
never turns into an unbounded backlog of requests that time out anyway.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Generic, TypeVar

from ledger.domain.errors import UnavailableError

W = TypeVar("W")
R = TypeVar("R")


@dataclass(frozen=True)
class GroupCommitConfig:
    """How commands are coalesced (``LEDGER_GROUP_COMMIT_*`` settings)."""

    max_batch: int = 200
    """Most commands saved in one transaction."""
    max_wait_seconds: float = 0.002
    """Longest the committer lingers for commands still being decided before it saves."""
    max_queue: int = 1000
    """Most commands waiting for the committer; beyond it commands are refused (503)."""


@dataclass(frozen=True)
class GroupCommitStats:
    """Numbers for operators (the API exports them as metrics; the ledger knows no Prometheus)."""

    queue_depth: int
    batches_total: int
    commands_total: int
    refused_total: int
    last_batch_size: int


BatchListener = Callable[[int, float], None]
"""Called after every batch with its number of commands and the seconds its save took."""
RefusalListener = Callable[[], None]
"""Called once for each command refused because the queue was full."""


class GroupCommitter(Generic[W, R]):
    """One committer thread that saves what is waiting, a batch at a time.

    ``commit_batch`` receives the waiting work in arrival order and returns, for each item, its
    result or the exception its caller should see.
    """

    def __init__(
        self,
        commit_batch: Callable[[Sequence[W]], Sequence[R | BaseException]],
        config: GroupCommitConfig,
        *,
        deciding: Callable[[], int] = lambda: 0,
        name: str = "group-commit",
    ) -> None:
        self._commit_batch = commit_batch
        self.config = config
        self._deciding = deciding
        self._name = name
        self._cond = threading.Condition()
        self._queue: deque[tuple[W, Future[R]]] = deque()
        self._closed = False
        self._thread: threading.Thread | None = None
        self._batches = 0
        self._commands = 0
        self._refused = 0
        self._last_batch = 0
        self.listeners: list[BatchListener] = []
        self.refusals: list[RefusalListener] = []

    # --- callers ---------------------------------------------------------------------------

    def submit(self, work: W) -> R:
        """Queue ``work`` for the next batch and wait for its own result (or raise its error)."""
        future: Future[R] = Future()
        with self._cond:
            if self._closed:
                raise UnavailableError("The ledger is shutting down; nothing was recorded.")
            if len(self._queue) >= self.config.max_queue:
                self._refused += 1
                for listener in self.refusals:
                    with contextlib.suppress(Exception):  # a metrics callback must not fail it
                        listener()
                raise UnavailableError(
                    f"{len(self._queue)} writes are already waiting to be committed; nothing "
                    "was recorded. Retry shortly.",
                )
            self._queue.append((work, future))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._cond.notify_all()
        return future.result()

    def wake(self) -> None:
        """Tell a lingering committer that a command stopped deciding (it may save now)."""
        with self._cond:
            self._cond.notify_all()

    def stats(self) -> GroupCommitStats:
        with self._cond:
            return GroupCommitStats(
                queue_depth=len(self._queue),
                batches_total=self._batches,
                commands_total=self._commands,
                refused_total=self._refused,
                last_batch_size=self._last_batch,
            )

    def close(self, timeout: float = 10.0) -> None:
        """Commit what is already waiting, refuse anything new, stop the thread."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    # --- the committer thread --------------------------------------------------------------

    def _take_batch(self) -> list[tuple[W, Future[R]]] | None:
        config = self.config
        with self._cond:
            while not self._queue:
                if self._closed:
                    return None
                self._cond.wait()
            # Linger only while other commands are still being decided: a lone command (one
            # client, or a quiet moment) is saved at once instead of paying the wait.
            deadline = time.monotonic() + config.max_wait_seconds
            while (
                len(self._queue) < config.max_batch
                and not self._closed
                and self._deciding() > 0
                and (remaining := deadline - time.monotonic()) > 0
            ):
                self._cond.wait(remaining)
            count = min(len(self._queue), config.max_batch)
            return [self._queue.popleft() for _ in range(count)]

    def _run(self) -> None:
        while (batch := self._take_batch()) is not None:
            started = time.perf_counter()
            try:
                results = self._commit_batch([work for work, _ in batch])
            except BaseException as e:  # every waiting caller must be answered, whatever happened
                results = [e] * len(batch)
            elapsed = time.perf_counter() - started
            for (_, future), result in zip(batch, results, strict=True):
                if isinstance(result, BaseException):
                    future.set_exception(result)
                else:
                    future.set_result(result)
            with self._cond:
                self._batches += 1
                self._commands += len(batch)
                self._last_batch = len(batch)
            for listener in self.listeners:
                try:
                    listener(len(batch), elapsed)
                except Exception:  # noqa: S112 - a metrics callback must never stop commits
                    continue
