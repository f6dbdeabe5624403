"""Metrics of the long-running workers (`sme-ledger project`, `sme-ledger seal`): each serves
its own series on its own port, and watches its database (lost, back, reconnects)."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Info,
    disable_created_metrics,
    generate_latest,
    start_http_server,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from ledger.audit.timestamping import OUTCOMES as STAMP_OUTCOMES
from ledger.audit.timestamping import StampOutcome
from ledger.audit.witnessing import COSIGNED, OUTCOMES, Outcome

# Where it was first defined; the view runner needs it too, below the runtime layer.
from ledger.persistence.failfast import lost_connection as lost_connection
from runtime.build import build_labels
from runtime.timestamps import TIMESTAMPS_HELP

if TYPE_CHECKING:
    from projections.failures import ViewFailure
    from projections.tracking import ViewStatus

log = logging.getLogger("runtime.metrics")
WITNESS_SUBMISSIONS_HELP = (
    "Submissions of checkpoints to each witness (LEDGER_WITNESSES), by outcome: cosigned; "
    "conflict (the witness holds another tree size of this log, or a larger one); refused (it "
    "said no, or its answer did not verify); unavailable (no answer in time, or a 5xx)."
)

# The *_created series double the exposition for no operational value.
disable_created_metrics()  # type: ignore[no-untyped-call]


# Each worker serves its own registry on its own port (``--metrics-host``/``--metrics-port``):
# its series alone, none of the API's.


class WorkerMetrics:
    """The series every worker exports: build info, whether it reaches its database, and how
    many times it got the database back after losing it."""

    def __init__(self, worker: str) -> None:
        self.worker = worker
        self.registry = CollectorRegistry(auto_describe=True)
        Info(
            "ledger_build",
            "The running build: package version, Python version, which worker.",
            registry=self.registry,
        ).info(build_labels(worker))
        self.reconnects = Counter(
            "ledger_database_reconnects_total",
            "Times the worker got its database back after losing it (a dropped connection, a "
            "restart, an outage).",
            registry=self.registry,
        )
        self.database_up = Gauge(
            "ledger_database_up",
            "1 while the worker reaches its database, 0 while it is reconnecting.",
            registry=self.registry,
        )
        self.database_up.set(1)

    def serve(self, host: str, port: int) -> None:
        """Serve this registry over HTTP at ``http://host:port/metrics`` (a daemon thread)."""
        start_http_server(port, addr=host, registry=self.registry)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class ProjectionMetrics(WorkerMetrics):
    """`sme-ledger project`: where each view is, how far behind, whether it is stuck.

    Lag and the stalled flag are measured when scraped, from the positions the worker has
    committed and the head of the log read then (``head``), so a worker whose loop is stuck
    (a lock it waits for, a lost database) still says so. A view stopped before an event it
    fails to fold is stalled at once, and its failures are counted.
    """

    def __init__(
        self,
        stall_seconds: float,
        head: Callable[[], int] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__("project")
        self.stall_seconds = stall_seconds
        self.head = head
        self.clock = clock
        self.position = Gauge(
            "ledger_projection_position",
            "The log position each view has been brought up to.",
            ["projection"],
            registry=self.registry,
        )
        self.events = Counter(
            "ledger_projection_events_total",
            "Log positions each view has been moved past since the worker started (the events "
            "it reads applied, the others skipped).",
            ["projection"],
            registry=self.registry,
        )
        self.failures = Counter(
            "ledger_projection_failures_total",
            "Times a view failed to fold an event and stalled before it, since the worker "
            "started (a first failure, and each retry that failed again).",
            ["projection"],
            registry=self.registry,
        )
        self._position: dict[str, int] = {}
        self._failed: set[str] = set()
        self._moved: dict[str, float] = {}
        self._head = 0
        self._lock = threading.Lock()
        self.registry.register(_ProjectionProgress(self))

    def views(self, names: Iterable[str]) -> None:
        """Make every view's series exist (at 0) before the first round."""
        now = self.clock()
        for name in names:
            with self._lock:
                self._moved.setdefault(name, now)
                self._position.setdefault(name, 0)
            self.position.labels(name)
            self.events.labels(name)
            self.failures.labels(name)

    def failed(self, failure: ViewFailure) -> None:
        """A view stalled before an event (the runner's ``stalled`` listener)."""
        self.failures.labels(failure.name).inc()
        with self._lock:
            self._failed.add(failure.name)

    def advanced(self, name: str, positions: int, head: int) -> None:
        """View ``name`` moved ``positions`` positions on (one batch) towards ``head``."""
        self.events.labels(name).inc(positions)
        with self._lock:
            self._moved[name] = self.clock()
            self._head = max(self._head, head)
            self._position[name] = self._position.get(name, 0) + positions
            self.position.labels(name).set(self._position[name])

    def observe(self, statuses: Iterable[ViewStatus]) -> None:
        """Each view's position as read from its tracking row, and the head read with it."""
        now = self.clock()
        with self._lock:
            for status in statuses:
                if status.failure is None:
                    self._failed.discard(status.name)
                else:
                    self._failed.add(status.name)
                if status.position != self._position.get(status.name):
                    self._moved[status.name] = now
                self._position[status.name] = status.position
                self._head = max(self._head, status.head)
                self.position.labels(status.name).set(status.position)
                if status.lag == 0:
                    self._moved[status.name] = now

    @property
    def head_seen(self) -> int:
        """The furthest head of the log this worker has read."""
        with self._lock:
            return self._head

    def progress(self) -> dict[str, tuple[int, bool]]:
        """Each view's lag and whether it is stalled, now."""
        head = self._head
        if self.head is not None:
            with contextlib.suppress(Exception):  # unreachable: the last head seen stands
                head = self.head()
        now = self.clock()
        answer = {}
        with self._lock:
            self._head = max(self._head, head)
            for name, position in self._position.items():
                lag = max(0, self._head - position)
                if lag == 0:
                    self._moved[name] = now
                stuck = now - self._moved.get(name, now) >= self.stall_seconds
                answer[name] = (lag, name in self._failed or (lag > 0 and stuck))
        return answer


class _ProjectionProgress(Collector):
    def __init__(self, metrics: ProjectionMetrics) -> None:
        self.metrics = metrics

    def describe(self) -> list[Metric]:
        return list(self._families({}, None))

    def collect(self) -> list[Metric]:
        progress = self.metrics.progress()
        return list(self._families(progress, self.metrics.head_seen))

    def _families(
        self, progress: dict[str, tuple[int, bool]], head: int | None
    ) -> Iterator[Metric]:
        position = GaugeMetricFamily(
            "ledger_log_head_position",
            "The position of the last event in the log (measured when scraped; the last head "
            "seen while the database cannot be read).",
        )
        if head is not None:
            position.add_metric([], head)
        yield position
        lag = GaugeMetricFamily(
            "ledger_projection_lag_events",
            "Events a view is behind the head of the log (measured when scraped).",
            labels=["projection"],
        )
        stalled = GaugeMetricFamily(
            "ledger_projection_stalled",
            "1 while a view is stopped before an event it fails to fold (`sme-ledger project "
            "failures` names it), or is behind the log and its position has not moved for "
            "LEDGER_PROJECTION_STALL_SECONDS (a lock, a lost database), else 0 (measured when "
            "scraped).",
            labels=["projection"],
        )
        for name, (events, stuck) in sorted(progress.items()):
            lag.add_metric([name], events)
            stalled.add_metric([name], 1 if stuck else 0)
        yield lag
        yield stalled


class SealMetrics(WorkerMetrics):
    """`sme-ledger seal`: how much of the log no checkpoint covers, and how old the latest is."""

    def __init__(self) -> None:
        super().__init__("seal")
        self.lag = Gauge(
            "ledger_checkpoint_lag_events",
            "Events in the log that no signed checkpoint covers yet.",
            registry=self.registry,
        )
        self.age = Gauge(
            "ledger_checkpoint_age_seconds",
            "Seconds since the latest signed checkpoint (measured when scraped; 0 while the "
            "log is empty).",
            registry=self.registry,
        )
        self.checkpoints = Counter(
            "ledger_checkpoints_written_total",
            "Signed checkpoints this worker has written since it started.",
            registry=self.registry,
        )
        self.witness_submissions = Counter(
            "ledger_witness_submissions_total",
            WITNESS_SUBMISSIONS_HELP,
            ["witness", "outcome"],
            registry=self.registry,
        )
        self.witness_cosigned = Gauge(
            "ledger_witness_cosigned_tree_size",
            "The largest tree size each witness (LEDGER_WITNESSES) has cosigned since the worker "
            "started (0 until then).",
            ["witness"],
            registry=self.registry,
        )

        self.timestamps = Counter(
            "ledger_checkpoint_timestamps_total",
            TIMESTAMPS_HELP,
            ["outcome"],
            registry=self.registry,
        )
        for outcome in STAMP_OUTCOMES:
            self.timestamps.labels(outcome)

    def age_from(self, seconds: Callable[[], float]) -> None:
        self.age.set_function(seconds)

    def witnesses(self, labels: Iterable[str]) -> None:
        """Make every witness's series exist (at 0) before the first submission."""
        for label in labels:
            self.witness_cosigned.labels(label)
            for outcome in OUTCOMES:
                self.witness_submissions.labels(label, outcome)

    def witnessed(self, outcome: Outcome) -> None:
        """One submission's outcome (the witnessing's ``observe`` listener)."""
        self.witness_submissions.labels(outcome.witness, outcome.outcome).inc()
        if outcome.outcome == COSIGNED:
            self.witness_cosigned.labels(outcome.witness).set(outcome.tree_size)

    def stamped(self, outcome: StampOutcome) -> None:
        """One timestamp's outcome (the timestamping's ``observe`` listener)."""
        self.timestamps.labels(outcome.outcome).inc()


class DatabaseWatch:
    """A worker's view of its database: one line when it goes away, one when it is back (with
    how long it was gone), the reconnects counted, and a bounded back-off between attempts.

    Thread-safe: a worker's threads may report to the same watch.
    """

    def __init__(
        self,
        metrics: WorkerMetrics,
        report: Callable[[str], None],
        *,
        first_delay: float = 0.25,
        max_delay: float = 30.0,
        refresh: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.metrics = metrics
        self.worker = metrics.worker
        self.refresh = refresh
        self.report = report
        self.first_delay = first_delay
        self.max_delay = max(max_delay, first_delay)
        self.clock = clock
        self.failures = 0
        self.since: float | None = None
        self._lock = threading.Lock()

    @property
    def down(self) -> bool:
        return self.since is not None

    def lost(self, error: BaseException) -> float:
        """Note a failed attempt; the seconds to wait before the next one."""
        with self._lock:
            self.failures += 1
            if self.since is None:
                self.since = self.clock()
                self.metrics.database_up.set(0)
                reason = " ".join(str(error).split()) or type(error).__name__
                self.report(
                    f"{self.worker}: lost the database ({type(error).__name__}: {reason}); "
                    f"reconnecting, waiting at most {self.max_delay:g} s between attempts"
                )
            if self.refresh is not None:
                with contextlib.suppress(Exception):
                    self.refresh()
            doubled = self.first_delay * 2.0 ** min(self.failures - 1, 30)
            return min(doubled, self.max_delay)

    def ok(self) -> None:
        """Note a successful round trip: if the database was gone, it is back."""
        if self.since is None:
            return
        with self._lock:
            if self.since is None:
                return
            gone = self.clock() - self.since
            attempts = self.failures
            self.since, self.failures = None, 0
            self.metrics.database_up.set(1)
            self.metrics.reconnects.inc()
            self.report(
                f"{self.worker}: the database is back after {gone:.1f} s ({attempts} failed "
                f"attempt{'s' if attempts != 1 else ''})"
            )


def pool_refresher(*holders: object) -> Callable[[], None]:
    """What drops the broken connections of the PostgreSQL pools behind ``holders`` (a ledger,
    a view store), so that after a lost connection the next attempt takes a live one at once
    instead of working through its pool's dead connections one retry at a time."""
    pools: list[Any] = []
    for holder in holders:
        datastore = getattr(getattr(holder, "recorder", None), "datastore", None)
        for pool in (getattr(datastore, "pool", None), getattr(holder, "_pool", None)):
            if callable(getattr(pool, "check", None)):
                pools.append(pool)

    def refresh() -> None:
        for pool in pools:
            with contextlib.suppress(Exception):
                pool.check()

    return refresh
