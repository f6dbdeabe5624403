"""Failing fast while PostgreSQL is away, and recovering as soon as it is back.

Left to themselves, a request during an outage waits for a pooled connection (the pool's
timeout), and the event store's recorders retry each operation ten times: about fifty seconds
before the client hears anything. Here, for one pool:

- a connection is waited for at most ``wait_seconds`` (the pool's timeout);
- once getting one has failed because connecting fails (not because the pool is busy), the
  database is *away*: every other request fails at once with :class:`PoolTimeout`, and at most
  one request a ``probe_seconds`` tries again. The first that gets a connection brings it back;
- connecting gives up after ``connect_seconds``, and TCP keepalives find a dead peer in about
  ten seconds, so a partition is not a wait as long as the operating system's;
- the pool stops retrying a failed connection after ``reconnect_seconds`` (its own back-off
  doubles without bound otherwise), so the next request after the database is back connects
  at once instead of waiting out a long back-off;
- a request that waited out the pool's timeout while the database answered (every connection
  in use, none given back in time) is told to the ``timed_out`` listeners (the API counts it
  in ``ledger_db_pool_timeouts_total``); one refused because the database is away is not;
- a pooled connection is checked when it is handed out (the store's pre-ping) here rather than
  by the pool: the pool sleeps a back-off of one second, then two, after each connection that
  fails its check, so after ``pg_terminate_backend`` of a warm pool of eight the first write
  waited out two pool timeouts (5.4 s). Here a connection that fails its check is returned (the
  pool replaces it), the pool's other idle connections are checked at once, and a live one is
  taken without sleeping; a connection that comes back to the pool broken has the same check
  of the idle ones.

Together: while the database is away every request answers ``503`` within about two seconds,
and the service is ready again within about a second of the database coming back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from time import monotonic
from typing import Any

from eventsourcing.persistence import PersistenceError
from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger("ledger.persistence.failfast")

KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 10_000,
}


class DatabaseAwayError(PersistenceError):
    """The database did not answer a moment ago: failing fast until it does.

    Not an ``OperationalError``, so the event store's recorders do not retry it (they retry
    those ten times): it reaches the caller at once, as a ``503`` in the API.
    """


class FailFast:
    """Wraps one pool's ``getconn`` (see the module's docstring)."""

    def __init__(
        self,
        pool: ConnectionPool[Any],
        *,
        wait_seconds: float,
        probe_seconds: float = 1.0,
        probe_wait_seconds: float = 0.5,
        reconnect_seconds: float = 2.0,
        connect_seconds: int = 2,
        name: str = "the database",
    ) -> None:
        self.pool = pool
        self.name = name
        """What the log lines call the database (``the read standby``)."""
        self.probe_seconds = probe_seconds
        self.probe_wait_seconds = probe_wait_seconds
        self._getconn = pool.getconn
        self._putconn = pool.putconn
        # The pool's own check on handing out sleeps between failed checks: checked in getconn.
        self._check: Any = getattr(pool, "_check", None)
        if self._check is not None:
            pool._check = None
        self._lock = threading.Lock()
        self._checking = threading.Lock()
        self._away_since: float | None = None
        self._last_probe = 0.0
        self.timed_out: list[Callable[[], None]] = []
        """Called for each request that waited for a connection and got none in time while
        the database answered (the pool was busy)."""
        pool.timeout = wait_seconds
        pool.reconnect_timeout = reconnect_seconds
        if isinstance(pool.kwargs, dict):
            pool.kwargs.setdefault("connect_timeout", connect_seconds)
            for name, value in KEEPALIVES.items():
                pool.kwargs.setdefault(name, value)
        pool.getconn = self.getconn  # type: ignore[method-assign]
        pool.putconn = self.putconn  # type: ignore[method-assign]

    @property
    def away(self) -> bool:
        return self._away_since is not None

    def getconn(self, timeout: float | None = None) -> Any:
        deadline = monotonic() + (self.pool.timeout if timeout is None else timeout)
        conn = self._acquire(timeout)
        if self._check is None:
            return conn
        for _ in range(self.pool.max_size + 1):
            try:
                self._check(conn)
            except Exception:
                self._putconn(conn)  # broken: the pool discards it and makes another
                self._check_idle()
                conn = self._acquire(max(deadline - monotonic(), 0.05))
            else:
                return conn
        return conn  # every idle connection was checked: this one is new

    def _acquire(self, timeout: float | None) -> Any:
        if self._away_since is not None:
            if not self._may_probe():
                msg = f"{self.name} is not answering (failing fast until it does)"
                raise DatabaseAwayError(msg)
            # A probe: the database answers at once when it is back.
            timeout = min(
                self.pool.timeout if timeout is None else timeout, self.probe_wait_seconds
            )
        errors_before = self._connection_errors()
        try:
            conn = self._getconn(timeout)
        except PoolTimeout:
            if self._connection_errors() > errors_before or self._away_since is not None:
                self._mark_away()
            else:
                self._tell_timed_out()
            raise
        if self._away_since is not None:
            log.warning(
                "%s answers again (after %.1f s away)", self.name, monotonic() - self._away_since
            )
            self._away_since = None
        return conn

    def putconn(self, conn: Any) -> None:
        broken = bool(getattr(conn, "closed", False) or getattr(conn, "broken", False))
        self._putconn(conn)
        if broken:
            self._check_idle()

    def _check_idle(self) -> None:
        """Have the pool check its idle connections (one check at a time: a second caller's
        connections are being checked already)."""
        if not self._checking.acquire(blocking=False):
            return
        try:
            self.pool.check()
        except Exception:
            log.debug("checking the pool's idle connections failed", exc_info=True)
        finally:
            self._checking.release()

    def _tell_timed_out(self) -> None:
        for listener in list(self.timed_out):
            try:
                listener()
            except Exception:  # a metrics callback must never turn into the caller's error
                log.debug("a timed_out listener failed", exc_info=True)

    def _may_probe(self) -> bool:
        now = monotonic()
        with self._lock:
            if now - self._last_probe < self.probe_seconds:
                return False
            self._last_probe = now
            return True

    def _mark_away(self) -> None:
        with self._lock:
            if self._away_since is None:
                log.warning("%s does not answer: failing fast until it does", self.name)
                self._away_since = monotonic()
            self._last_probe = monotonic()

    def _connection_errors(self) -> int:
        errors: int = self.pool.get_stats().get("connections_errors", 0)
        return errors


def fail_fast(
    pool: ConnectionPool[Any], *, wait_seconds: float, name: str = "the database"
) -> FailFast:
    """Make ``pool`` fail fast (once: a second call returns the first wrapper)."""
    existing: FailFast | None = getattr(pool, "_ledger_fail_fast", None)
    if existing is None:
        existing = FailFast(pool, wait_seconds=wait_seconds, name=name)
        pool._ledger_fail_fast = existing  # type: ignore[attr-defined]
    return existing


def fail_fast_of(pool: object) -> FailFast | None:
    """The wrapper :func:`fail_fast` put on ``pool``, if it did."""
    wrapper = getattr(pool, "_ledger_fail_fast", None)
    return wrapper if isinstance(wrapper, FailFast) else None


def lost_connection(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it) says the connection to PostgreSQL was lost or
    could not be made: a closed or refused connection, a server shutting down or terminating
    the backend, a pool that got no connection. A statement the server refused is not."""
    import psycopg
    import psycopg_pool
    from eventsourcing.persistence import InterfaceError, OperationalError

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, psycopg_pool.PoolTimeout | psycopg.InterfaceError):
            return True
        if isinstance(current, psycopg.OperationalError):
            state = current.sqlstate
            # 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now.
            return state is None or state.startswith("08") or state in {"57P01", "57P02", "57P03"}
        chained = current.__cause__ or current.__context__
        if isinstance(current, OperationalError | InterfaceError) and chained is None:
            return True  # the store's own word, nothing underneath to look at
        current = chained
    return False
