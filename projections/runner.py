"""The projection daemon: feeds each view the events after its position, exactly once.

Each batch (up to ``batch_size`` events of the types a view reads, or what ``batch_seconds`` let
it fold) is applied in ONE transaction
together with the view's new position, so a crash leaves the view at a batch boundary and a
duplicate delivery — two daemons, a retry — finds the position already moved and changes nothing.
The position advances to the head of the log seen before reading, even across events the view
does not read, so a view's lag is honest.

A rebuild empties the view, marks it ``rebuilding`` (readers are told so, never given half a
view), refolds the whole log, and marks it ``live`` again.

A view whose batch fails on an event (decoding it, or the projection's handler) stalls alone:
the runner finds the exact event by folding the batch again event by event, keeps the view just
before it, records the failure (:mod:`projections.failures`), and goes on with the other views.
A stalled view is tried again at most once every ``retry_seconds`` (at once after a restart).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import TypeVar, cast

from eventsourcing.persistence import Notification

from ledger.application.store import LedgerCore
from projections.base import Event, Projection
from projections.drift import drift_schema
from projections.failures import (
    FAILURES_DDL,
    STALLED,
    Backoff,
    ViewFailure,
    ViewStalledError,
    clear_failure,
    failures,
    record_failure,
    transient,
)
from projections.store import Tx, ViewStore
from projections.tracking import LIVE, REBUILDING, TRACKING_DDL, TRACKING_TABLE, ViewStatus

log = logging.getLogger("projections")

Progress = Callable[[str, int, int], None]
T = TypeVar("T")


class ProjectionRunner:
    def __init__(
        self,
        ledger: LedgerCore,
        store: ViewStore,
        projections: Sequence[Projection],
        *,
        batch_size: int = 500,
        batch_seconds: float = 0.5,
        until: int | None = None,
        retry_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ledger = ledger
        self.store = store
        self.projections = {p.name: p for p in projections}
        self.batch_size = batch_size
        self.batch_seconds = batch_seconds
        """A batch of the daemon ends after this long even if it holds fewer events: on the
        embedded store its transaction holds the file's one write lock, which the log's writers
        wait for (a slow machine or a costly event must not make them time out)."""
        self.clock = clock
        self.until = until
        """Fold the log only up to this position (a view of the past, e.g. for an appraisal)."""
        self.wake = threading.Event()
        self.backoff = Backoff(retry_seconds, clock)
        """A stalled view is tried again at most this often (a fix deployed is picked up)."""
        self.stalled: list[Callable[[ViewFailure], None]] = []
        """Called with each failure recorded (the metrics count them)."""

    def head(self) -> int:
        head = self.ledger.head_position()
        return head if self.until is None else min(head, self.until)

    # --- schema -------------------------------------------------------------------------------

    def schema_statements(self) -> list[str]:
        statements = [TRACKING_DDL, FAILURES_DDL, *drift_schema(self.store.is_postgres)]
        for projection in self.projections.values():
            statements += projection.create_statements()
        return statements

    def ensure_schema(self) -> None:
        """Create missing tables and tracking rows; rebuild any view whose version changed."""
        with self.store.transaction() as tx:
            for statement in self.schema_statements():
                tx.execute(statement)
            for projection in self.projections.values():
                row = tx.fetchone(
                    f"SELECT version FROM {TRACKING_TABLE} WHERE name = ?", (projection.name,)
                )
                if row is None:
                    tx.execute(
                        f"INSERT INTO {TRACKING_TABLE} (name, version, position, state) "
                        "VALUES (?, ?, 0, ?)",
                        (projection.name, projection.version, LIVE),
                    )
                elif row[0] != projection.version:
                    log.warning("view %s changed version: rebuilding it", projection.name)
                    # A new version may change the columns: the tables are made again. This
                    # runs as the schema's owner (the embedded service, or `sme-ledger migrate`).
                    for table in projection.tables:
                        tx.execute(f"DROP TABLE IF EXISTS {table}")
                    for statement in projection.create_statements():
                        tx.execute(statement)
                    self._reset(tx, projection)

    def ensure_views_exist(self) -> None:
        """Check the view tables are there (on PostgreSQL `sme-ledger migrate` makes them)."""
        try:
            with self.store.read() as tx:
                names = {row[0] for row in tx.fetchall(f"SELECT name FROM {TRACKING_TABLE}")}
                failures(tx)  # and where stalls are recorded, made by the same migrate
        except Exception:  # no tracking table at all: nothing was migrated
            names = set()
        missing = sorted(set(self.projections) - names)
        if missing:
            msg = f"Views {', '.join(missing)} have no tables yet: run `sme-ledger migrate`."
            raise RuntimeError(msg)

    def _reset(self, tx: Tx, projection: Projection) -> None:
        projection.clear(tx)
        # Refolding starts over: an event it still fails on is found and recorded again.
        clear_failure(tx, projection.name)
        self.backoff.forget(projection.name)
        tx.execute(
            f"UPDATE {TRACKING_TABLE} SET version = ?, position = 0, state = ? WHERE name = ?",
            (projection.version, REBUILDING, projection.name),
        )

    # --- status -------------------------------------------------------------------------------

    def status(self, head: int | None = None) -> list[ViewStatus]:
        """Each view's status, against ``head`` if the caller read it already."""
        head = self.head() if head is None else head
        with self.store.read() as tx:
            rows = tx.fetchall(
                f"SELECT name, version, position, state FROM {TRACKING_TABLE} ORDER BY name"
            )
            failed = failures(tx)
        return [
            ViewStatus(n, v, p, STALLED if n in failed else s, head, failed.get(n))
            for n, v, p, s in rows
            if n in self.projections
        ]

    def failures(self) -> list[ViewFailure]:
        """The failure each stalled view stopped on, by view name."""
        with self.store.read() as tx:
            return [f for f in failures(tx).values() if f.name in self.projections]

    def raise_if_stalled(self, names: Sequence[str]) -> None:
        """Raise :class:`ViewStalledError` if any of the views ``names`` is stalled."""
        with self.store.read() as tx:
            failed = failures(tx, list(names))
        if failed:
            raise ViewStalledError.of(failed[min(failed)])

    # --- folding the log ----------------------------------------------------------------------

    def catch_up_once(self, name: str) -> int:
        """Apply one batch to view ``name``; the number of log positions it advanced.

        If the batch fails on an event (not on a lost database, which is raised), the view
        stalls just before that event and the failure is recorded; a stalled view is tried at
        most once every ``retry_seconds``.
        """
        if self.backoff.waiting(name):
            return 0
        seen: list[Notification] = []
        try:
            return self._advance(name, self.batch_size, seen)
        except Exception as e:
            if transient(e) or not seen:
                raise
        return self._isolate(name)

    def _isolate(self, name: str) -> int:
        """After a failed batch of view ``name``, fold it event by event (a transaction each),
        up to the event that fails; record that failure. The positions advanced."""
        moved = 0
        for _ in range(self.batch_size):
            seen: list[Notification] = []
            try:
                step = self._advance(name, 1, seen)
            except Exception as e:
                if transient(e) or not seen:
                    raise
                self._stall(name, seen[-1], e)
                return moved
            if step == 0:
                break
            moved += step
        # Each event folded alone: what failed was not an event (another transaction, say).
        return moved

    def _stall(self, name: str, notification: Notification, error: BaseException) -> None:
        with self.store.transaction() as tx:
            failure = record_failure(tx, name, notification, error, self.ledger.clock())
            # Up to just before the event: what lies between are events it does not read.
            tx.execute(
                f"UPDATE {TRACKING_TABLE} SET position = ? WHERE name = ? AND position < ?",
                (notification.id - 1, name, notification.id - 1),
            )
        self.backoff.stalled(name)
        at, why = failure.position, f"{failure.error} on {failure.topic}: {failure.message}"
        log.error("view %s stalled before position %d (%s)", name, at, why, exc_info=error)
        for listener in self.stalled:
            listener(failure)

    def _advance(self, name: str, limit: int, seen: list[Notification]) -> int:
        """Apply up to ``limit`` events to view ``name`` in one transaction; the positions it
        advanced. ``seen`` receives each notification as it is folded."""
        projection = self.projections[name]
        with self.store.transaction() as tx:
            lock = " FOR UPDATE" if self.store.is_postgres else ""
            row = tx.fetchone(
                f"SELECT position, state FROM {TRACKING_TABLE} WHERE name = ?{lock}", (name,)
            )
            if row is None:
                msg = f"view {name} has no tracking row; run ensure_schema first"
                raise RuntimeError(msg)
            position, state = int(row[0]), str(row[1])
            # Every event up to this head is committed: the log's write lock makes commit order
            # equal position order, so nothing can later appear below it.
            head = self.head()
            if head <= position:
                if state == REBUILDING:
                    tx.execute(
                        f"UPDATE {TRACKING_TABLE} SET state = ? WHERE name = ?", (LIVE, name)
                    )
                return 0
            deadline = self.clock() + self.batch_seconds
            new_position = self._fold(tx, projection, position, head, limit, seen, deadline)
            new_state = LIVE if new_position == head else state
            tx.execute(
                f"UPDATE {TRACKING_TABLE} SET position = ?, state = ? WHERE name = ?",
                (new_position, new_state, name),
            )
            clear_failure(tx, name, new_position)  # past the event it stalled on, if it did
        if new_position > position:
            self.backoff.forget(name)
        return new_position - position

    def _fold(
        self,
        tx: Tx,
        projection: Projection,
        start: int,
        stop: int,
        limit: int,
        seen: list[Notification] | None = None,
        deadline: float | None = None,
    ) -> int:
        """Apply up to ``limit`` of the events after ``start`` up to ``stop`` to ``projection``
        in ``tx``, ending early at ``deadline`` (of ``self.clock``); the position reached
        (``stop`` once every event up to it is applied)."""
        notifications = self.ledger.recorder.select_notifications(
            start=start,
            stop=stop,
            limit=limit,
            topics=projection.topics(),
            inclusive_of_start=False,
        )
        reached = stop if len(notifications) < limit else notifications[-1].id
        projection.begin_batch(tx)
        for notification in notifications:
            if seen is not None:
                seen.append(notification)
            event = cast(Event, self.ledger.mapper.to_domain_event(notification))
            projection.handle(tx, event, notification.id)
            last = notification is notifications[-1]
            if deadline is not None and not last and self.clock() >= deadline:
                reached = notification.id
                break
        projection.end_batch(tx)
        return reached

    def read_at_head(self, names: Sequence[str], read: Callable[[Tx], T]) -> tuple[int, T]:
        """``read`` the views ``names`` all folded to one position, at least the head of the log
        as it is now; that position, and what ``read`` returned.

        In one transaction: the views' positions are locked (no daemon moves them meanwhile),
        each view is brought to the furthest of them and the head by folding the events it
        lacks, exactly as the daemon would (and recorded, so the daemon does not fold them
        again), and ``read`` sees them there. The answer is that of the log folded up to the
        position returned, and costs the views' lag, not the length of the log.

        A stalled view raises :class:`ViewStalledError` (it is never folded through the event
        it fails on); so does one found failing on an event here (the failure is recorded).
        """
        try:
            return self._read_at_head(names, read)
        except ViewStalledError:
            raise
        except Exception as e:
            if transient(e):
                raise
            # Which view failed on which event: each is folded as the daemon would, and a
            # failure on an event is recorded there.
            for name in sorted(names):
                self.catch_up(name)
            self.raise_if_stalled(names)
            raise

    def _read_at_head(self, names: Sequence[str], read: Callable[[Tx], T]) -> tuple[int, T]:
        wanted = sorted(names)
        marks = ", ".join("?" for _ in wanted)
        lock = " FOR UPDATE" if self.store.is_postgres else ""
        with self.store.transaction() as tx:
            rows = tx.fetchall(
                f"SELECT name, position FROM {TRACKING_TABLE} WHERE name IN ({marks}) "
                f"ORDER BY name{lock}",
                wanted,
            )
            positions = {str(name): int(position) for name, position in rows}
            missing = sorted(set(wanted) - set(positions))
            if missing:
                msg = f"views {', '.join(missing)} have no tracking row; run ensure_schema first"
                raise RuntimeError(msg)
            failed = failures(tx, wanted)
            if failed:
                raise ViewStalledError.of(failed[min(failed)])
            target = max(self.head(), *positions.values())
            for name, position in positions.items():
                reached = position
                while reached < target:
                    reached = self._fold(
                        tx, self.projections[name], reached, target, self.batch_size
                    )
                if position < target:
                    tx.execute(
                        f"UPDATE {TRACKING_TABLE} SET position = ?, state = ? WHERE name = ?",
                        (target, LIVE, name),
                    )
            return target, read(tx)

    def catch_up(self, name: str | None = None, progress: Progress | None = None) -> None:
        """Bring one view (or all) up to the head of the log as it is now.

        Only the views behind it take a write transaction: on the embedded store that is the
        file's one write lock, and a round of the daemon over views with nothing to fold must
        not keep the log's writers waiting."""
        for view in self._behind([name] if name else list(self.projections)):
            head = self.head()
            while self.catch_up_once(view):
                reached, state = self._tracking(view)
                if progress is not None:
                    progress(view, reached, head)
                if reached >= head and state == LIVE:
                    break

    def rebuild(self, name: str, progress: Progress | None = None) -> None:
        """Refold view ``name`` from the first event. Readers see it as rebuilding meanwhile."""
        with self.store.transaction() as tx:
            self._reset(tx, self.projections[name])
        self.catch_up(name, progress)

    def _behind(self, names: list[str]) -> list[str]:
        """Of the views ``names``, those not live at the head of the log (read, not locked)."""
        head = self.head()
        with self.store.read() as tx:
            rows = tx.fetchall(f"SELECT name, position, state FROM {TRACKING_TABLE}")
        done = {str(n) for n, position, state in rows if int(position) >= head and state == LIVE}
        return [name for name in names if name not in done]

    def _position(self, name: str) -> int:
        return self._tracking(name)[0]

    def _tracking(self, name: str) -> tuple[int, str]:
        with self.store.read() as tx:
            row = tx.fetchone(
                f"SELECT position, state FROM {TRACKING_TABLE} WHERE name = ?", (name,)
            )
        return (0, LIVE) if row is None else (int(row[0]), str(row[1]))

    # --- the daemon ---------------------------------------------------------------------------

    def run(self, stop: threading.Event, poll_interval: float = 1.0) -> None:
        """Keep every view caught up until ``stop`` is set; woken early by ``self.wake``. A
        view that fails on an event stalls alone (see :meth:`catch_up_once`)."""
        while not stop.is_set():
            try:
                self.catch_up()
            except Exception:  # keep the daemon alive; the next round retries from the position
                log.exception("projection batch failed; retrying")
                time.sleep(poll_interval)
            self.wake.wait(poll_interval)
            self.wake.clear()
