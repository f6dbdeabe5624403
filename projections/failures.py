"""A view that fails on an event stalls alone, and says on which.

An event is immutable: when a projection (or decoding) raises on one, the fix is in code. The
runner then keeps the view just before that event, records the failure durably in
``ledger_projection_failures`` (one row per stalled view, written in its own transaction after
the failed one rolled back), and goes on with the other views. The stalled view is retried
with a back-off; the first batch that gets past the event deletes the row and the view is live
again. Readers of a stalled view are told so (:class:`ViewStalledError`), never given a view
that silently stopped.

A lost database is not a stall: it is waited out and retried, as before (:func:`transient`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from eventsourcing.persistence import Notification

from ledger.domain.errors import UnavailableError
from ledger.persistence.failfast import lost_connection
from projections.store import Tx

FAILURES_TABLE = "ledger_projection_failures"
FAILURES_DDL = (
    f"CREATE TABLE IF NOT EXISTS {FAILURES_TABLE} ("
    "name TEXT PRIMARY KEY, position BIGINT NOT NULL, topic TEXT NOT NULL, "
    "originator_id TEXT NOT NULL, originator_version INTEGER NOT NULL, error TEXT NOT NULL, "
    "message TEXT NOT NULL, failed_at TEXT NOT NULL, attempts INTEGER NOT NULL)"
)
_COLUMNS = (
    "name, position, topic, originator_id, originator_version, error, message, failed_at, attempts"
)
STALLED = "stalled"
# Serialization failure, deadlock, lock not available, statement cancelled (a timeout).
_PASSING_STATES = frozenset({"40001", "40P01", "55P03", "57014"})


@dataclass(frozen=True)
class ViewFailure:
    """Why view ``name`` stalled: the event at ``position`` failed to fold (``error`` is the
    exception's class, ``message`` what it said), ``attempts`` times, last at ``failed_at``."""

    name: str
    position: int
    topic: str
    originator_id: str
    originator_version: int
    error: str
    message: str
    failed_at: str
    attempts: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "view": self.name,
            "failed_position": self.position,
            "topic": self.topic,
            "originator_id": self.originator_id,
            "originator_version": self.originator_version,
            "error": self.error,
            "message": self.message,
            "failed_at": self.failed_at,
            "attempts": self.attempts,
        }


class ViewStalledError(UnavailableError):
    """A view read stopped before an event it cannot fold: it answers again once a release
    that folds the event is deployed (`sme-ledger project failures` names the event)."""

    code = "view_stalled"
    title = "View stalled"
    retry_after_seconds = 60

    @classmethod
    def of(cls, failure: ViewFailure) -> ViewStalledError:
        return cls(
            f"The view {failure.name} stopped before the event at position {failure.position}, "
            f"which it fails to fold ({failure.error}); its answers resume once a release "
            "that folds it is deployed.",
            view=failure.name,
            position=failure.position - 1,
            failed_position=failure.position,
            error=failure.error,
        )


def transient(error: BaseException) -> bool:
    """Whether ``error`` says the database was away or busy (retry the same batch), rather
    than that decoding or a projection failed on the event (a stall)."""
    if lost_connection(error):
        return True
    import psycopg

    # A conflict with another transaction or a cancelled statement passes: retry, not stall.
    if isinstance(error, psycopg.OperationalError) and error.sqlstate in _PASSING_STATES:
        return True
    # SQLite's only passing trouble: another connection holds the write lock too long.
    return isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error)
    )


def failures(tx: Tx, names: list[str] | None = None) -> dict[str, ViewFailure]:
    """The recorded failures (of views ``names``, or all), by view."""
    rows = tx.fetchall(f"SELECT {_COLUMNS} FROM {FAILURES_TABLE} ORDER BY name")
    found = {str(row[0]): _failure(row) for row in rows}
    return found if names is None else {n: f for n, f in found.items() if n in names}


def record_failure(
    tx: Tx, name: str, notification: Notification, error: BaseException, at: datetime
) -> ViewFailure:
    """Record that view ``name`` failed on ``notification``: one more attempt if it had
    already failed on the same event. One statement, so two daemons failing at once on the
    same view both count, and neither collides with the other."""
    values = (
        name,
        notification.id,
        notification.topic,
        str(notification.originator_id),
        int(notification.originator_version),
        type(error).__name__,
        " ".join(str(error).split())[:2000],
        at.isoformat(),
        1,
    )
    kept = [c.strip() for c in _COLUMNS.split(",") if c.strip() not in {"name", "attempts"}]
    tx.execute(
        f"INSERT INTO {FAILURES_TABLE} AS f ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        f"ON CONFLICT (name) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in kept)}, "
        "attempts = CASE WHEN f.position = excluded.position THEN f.attempts + 1 ELSE 1 END",
        values,
    )
    row = tx.fetchone(f"SELECT {_COLUMNS} FROM {FAILURES_TABLE} WHERE name = ?", (name,))
    assert row is not None, "the row was written in this transaction"
    return _failure(row)


def clear_failure(tx: Tx, name: str, reached: int | None = None) -> None:
    """Forget view ``name``'s failure (once it has ``reached`` past the event, if given)."""
    if reached is None:
        tx.execute(f"DELETE FROM {FAILURES_TABLE} WHERE name = ?", (name,))
    else:
        tx.execute(
            f"DELETE FROM {FAILURES_TABLE} WHERE name = ? AND position <= ?", (name, reached)
        )


def _failure(row: tuple[Any, ...]) -> ViewFailure:
    return ViewFailure(
        name=str(row[0]),
        position=int(row[1]),
        topic=str(row[2]),
        originator_id=str(row[3]),
        originator_version=int(row[4]),
        error=str(row[5]),
        message=str(row[6]),
        failed_at=str(row[7]),
        attempts=int(row[8]),
    )


class Backoff:
    """When each stalled view may be tried again: at most once every ``seconds``. Kept in
    memory, so a restarted daemon (a fix deployed) tries at once. Thread-safe."""

    def __init__(self, seconds: float, clock: Callable[[], float]) -> None:
        self.seconds = seconds
        self.clock = clock
        self._at: dict[str, float] = {}
        self._lock = threading.Lock()

    def waiting(self, name: str) -> bool:
        """Whether view ``name`` stalled less than ``seconds`` ago."""
        with self._lock:
            return self.clock() < self._at.get(name, float("-inf"))

    def stalled(self, name: str) -> None:
        with self._lock:
            self._at[name] = self.clock() + self.seconds

    def forget(self, name: str | None = None) -> None:
        """Try view ``name`` (or every view) again at once."""
        with self._lock:
            if name is None:
                self._at.clear()
            else:
                self._at.pop(name, None)
