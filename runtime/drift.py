"""Scheduled drift checks in the projection worker, and their metrics.

Every ``LEDGER_DRIFT_CHECK_SECONDS`` (default a day; 0: never) each view is recomputed from the
log at its position and compared with the stored one (:mod:`projections.drift_check`); what a
check finds is recorded (``ledger_view_drift``) and exported. When a view is due is judged from
the record, not from when the worker started: a worker restarted every few hours still checks
each view once an interval, and a check run by hand (``sme-ledger project check-drift``) counts.
The exported drift flag is read from the record too, so it survives a restart and clears only
when a later check finds the view whole (after a rebuild, say), never by itself.

The checks run on a thread of their own, with a view store of their own: the daemon keeps the
views up to date meanwhile (a check slows it, by the CPU the shadow fold takes).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from prometheus_client import CollectorRegistry, Counter, Gauge

from projections.drift import DRIFT, FAILED, SKIPPED, DriftCheck, latest_checks
from projections.drift_check import DriftChecker
from projections.failures import transient

log = logging.getLogger("runtime.drift")

TICK_SECONDS = 60.0
"""How often the schedule looks at the record: for views that are due, and for the drift flag
(a check run by hand shows within this long)."""


class DriftMetrics:
    """The drift series of the projection worker, in its ``registry``."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.drift = Gauge(
            "ledger_view_drift",
            "1 while the latest drift check of a view found its stored rows differ from the "
            "log folded to the same position (`sme-ledger project check-drift` names the "
            "tables), else 0. Read from the record of checks, so it outlives restarts.",
            ["projection"],
            registry=registry,
        )
        self.checks = Counter(
            "ledger_view_drift_checks_total",
            "Drift checks this worker ran, by view and outcome (ok, drift, failed: the log "
            "could not be folded to the view's position; skipped: not compared).",
            ["projection", "outcome"],
            registry=registry,
        )
        self.seconds = Gauge(
            "ledger_view_drift_check_duration_seconds",
            "How long the latest drift check of a view took in this worker (the shadow fold of "
            "the log up to its position, and both digests).",
            ["projection"],
            registry=registry,
        )

    def views(self, names: Iterable[str]) -> None:
        """Make every view's series exist (at 0) before the first check."""
        for name in names:
            self.drift.labels(name)
            self.seconds.labels(name)
            for outcome in ("ok", DRIFT, FAILED, SKIPPED):
                self.checks.labels(name, outcome)

    def observe(self, latest: dict[str, DriftCheck]) -> None:
        """The drift flag of each view, from its latest recorded check."""
        for name, check in latest.items():
            self.drift.labels(name).set(1 if check.outcome == DRIFT else 0)


class DriftSchedule:
    """Checks each view of ``checker`` once every ``interval`` seconds (by the record)."""

    def __init__(
        self,
        checker: DriftChecker,
        interval: float,
        metrics: DriftMetrics,
        report: Callable[[str], None],
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.checker = checker
        self.interval = timedelta(seconds=interval)
        self.metrics = metrics
        self.report = report
        self.clock = clock or checker.ledger.clock
        self._skipped: dict[str, datetime] = {}
        """When a view was last skipped (not recorded): it is not tried again before it is due."""
        metrics.views(checker.projections)

    def due(self, latest: dict[str, DriftCheck]) -> list[str]:
        """The views whose latest check is older than the interval, or that have none."""
        now = self.clock()
        last = {name: check.checked_at for name, check in latest.items()}
        for name, at in self._skipped.items():
            last[name] = max(at, last.get(name, at))
        return [
            name
            for name in self.checker.projections
            if name not in last or now - last[name] >= self.interval
        ]

    def round(self) -> list[DriftCheck]:
        """Check every view that is due, record what was found, and export the flags."""
        latest = self._latest()
        self.metrics.observe(latest)
        done = []
        for name in self.due(latest):
            check = self.checker.check_and_record(name)
            done.append(check)
            if check.outcome == SKIPPED:
                self._skipped[name] = check.checked_at
            self.metrics.checks.labels(name, check.outcome).inc()
            if name in self.checker.seconds:
                self.metrics.seconds.labels(name).set(self.checker.seconds[name])
            self._say(check)
        if done:
            self.metrics.observe(self._latest())
        return done

    def run(self, stop: threading.Event) -> None:
        """Run rounds until ``stop`` is set; a failed round is reported and tried again."""
        while not stop.is_set():
            try:
                self.round()
            except Exception as e:
                if not transient(e):
                    log.exception("drift check failed; trying again within a minute")
                else:  # the daemon's own loop reports the database lost and back
                    self.report(
                        f"project: a drift check waits for the database ({type(e).__name__}); "
                        "trying again within a minute"
                    )
            stop.wait(min(TICK_SECONDS, self.interval.total_seconds()))

    def _latest(self) -> dict[str, DriftCheck]:
        with self.checker.store.read() as tx:
            return latest_checks(tx)

    def _say(self, check: DriftCheck) -> None:
        where = f"view {check.view} at position {check.position}"
        if check.outcome == DRIFT:
            self.report(
                f"project: DRIFT: {where} differs from the log in {', '.join(check.drifting)}; "
                "recorded, nothing repaired (`sme-ledger project check-drift` shows the digests)"
            )
        elif check.outcome == FAILED:
            self.report(f"project: the drift check of {where} failed: {check.detail}")
        elif check.outcome == SKIPPED:
            log.info("drift check of %s skipped: %s", where, check.detail)
        else:
            log.info("drift check of %s: the stored view is as the log folds it", where)


def start_drift_checks(schedule: DriftSchedule, stop: threading.Event) -> threading.Thread:
    """The thread that runs ``schedule`` until ``stop`` is set."""
    thread = threading.Thread(target=schedule.run, args=(stop,), name="drift", daemon=True)
    thread.start()
    return thread
