"""The API's series measured from what one process holds: its connection pools, by name, and
its group-commit queue.

Every pool is registered under the name its series carry as ``pool``:

- ``write``: the ledger's event store on the primary database (every write, reads of
  resources, idempotency and access records, checkpoints);
- ``views``: the view store (lists and views).

A further pool (a read replica's, ``read``) is one more :meth:`NamedPools.add`. On the embedded
SQLite store there is no pool, and these series have no sample.

The gauges are read from psycopg_pool's ``get_stats()``, which resets nothing (its
``pop_stats()`` would reset the counters the fail-fast wrapper compares). Timeouts are counted
where the fail-fast wrapper sees them (``ledger.persistence.failfast``), once each: a request
that waited for a connection and got none while the database answered.

A scrape measures the process that answers it. With several workers
(``PROMETHEUS_MULTIPROC_DIR``), each worker also measures itself every
:data:`SAMPLE_SECONDS`, so the sums over the workers' files are never older than that,
whichever worker answers the scrapes.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from ledger.application.app import LedgerApplication
from ledger.persistence.failfast import FailFast, fail_fast_of
from runtime import metrics

SAMPLE_SECONDS = 1.0

_POOL_GAUGES = (
    (metrics.POOL_MAX, "pool_max"),
    (metrics.POOL_CONNECTIONS, "pool_size"),
    (metrics.POOL_IDLE, "pool_available"),
    (metrics.POOL_WAITING, "requests_waiting"),
)


class NamedPools:
    """The connection pools of one process, each under the name of its ``pool`` label."""

    def __init__(self) -> None:
        self._pools: dict[str, Any] = {}
        self._listeners: list[tuple[FailFast, Callable[[], None]]] = []
        self._lock = threading.Lock()

    @property
    def names(self) -> list[str]:
        return list(self._pools)

    def add(self, name: str, pool: Any) -> None:
        """Report ``pool`` (a psycopg_pool ``ConnectionPool`` made fail-fast) as ``name``."""
        wrapper = fail_fast_of(pool)
        if wrapper is None:
            msg = (
                f"The pool {name!r} is not fail-fast: wrap it with "
                "ledger.persistence.failfast.fail_fast first (its timeouts are counted there)."
            )
            raise TypeError(msg)
        with self._lock:
            if name in self._pools:
                msg = f"A pool named {name!r} is registered already."
                raise ValueError(msg)
            self._pools[name] = pool
            # The labelled child made now, so the counter is exported at 0 before any timeout.
            listener: Callable[[], None] = metrics.POOL_TIMEOUTS.labels(name).inc
            wrapper.timed_out.append(listener)
            self._listeners.append((wrapper, listener))
        self.measure()

    def measure(self) -> None:
        """Set each pool's gauges from its statistics now (no I/O)."""
        with self._lock:
            for name, pool in self._pools.items():
                stats = pool.get_stats()
                for gauge, key in _POOL_GAUGES:
                    gauge.labels(name).set(stats.get(key, 0))

    def close(self) -> None:
        """Stop counting and drop the series of every pool (a process that stops its runtime
        and builds another, as tests do, then shows only the new one's). In multi-process
        mode the series stay in the worker's files, which the supervisor deletes (``live*``
        gauges) or keeps in the sums (the counter) once the worker is gone."""
        with self._lock:
            for wrapper, listener in self._listeners:
                with contextlib.suppress(ValueError):
                    wrapper.timed_out.remove(listener)
            self._listeners.clear()
            if not metrics.multiprocess_mode():
                for name in self._pools:
                    for family in (*(g for g, _ in _POOL_GAUGES), metrics.POOL_TIMEOUTS):
                        with contextlib.suppress(KeyError):
                            family.remove(name)
            self._pools.clear()


def pools_of(ledger: LedgerApplication, view_store: object | None) -> NamedPools:
    """The pools an API process holds on PostgreSQL: the ledger's, and its view store's."""
    pools = NamedPools()
    datastore = getattr(ledger.recorder, "datastore", None)
    pool = getattr(datastore, "pool", None)
    if fail_fast_of(pool) is not None:
        pools.add("write", pool)
    views_pool = getattr(view_store, "pool", None)
    if fail_fast_of(views_pool) is not None:
        pools.add("views", views_pool)
    return pools


class ProcessMetrics:
    """What :func:`measure` sets: the pools' gauges and the group-commit queue, of this process.

    ``start()`` measures every :data:`SAMPLE_SECONDS` on a daemon thread; ``stop()`` ends it and
    drops the pools' series.
    """

    def __init__(self, ledger: LedgerApplication, pools: NamedPools) -> None:
        self.ledger = ledger
        self.pools = pools
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def measure(self) -> None:
        committer = self.ledger.uow.committer
        if committer is not None:
            metrics.GROUP_COMMIT_QUEUE.set(committer.stats().queue_depth)
        self.pools.measure()

    def start(self, seconds: float = SAMPLE_SECONDS) -> ProcessMetrics:
        self._thread = threading.Thread(
            target=self._run, args=(seconds,), name="process-metrics", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self.pools.close()

    def _run(self, seconds: float) -> None:
        while not self._stop.wait(seconds):
            try:
                self.measure()
            except Exception:  # measuring must never end the process's sampling
                metrics.log.debug("measuring the process failed", exc_info=True)
