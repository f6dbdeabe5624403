"""The views of one process: the daemon's handle, and its thread when embedded."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from ledger.application.store import LedgerCore
from projections.catalog import all_projections
from projections.runner import ProjectionRunner
from projections.store import open_view_store
from runtime import metrics
from runtime.settings import Settings


@dataclass
class RunningViews:
    """The views of one API process: the daemon's handle, and its thread when embedded."""

    runner: ProjectionRunner
    thread: threading.Thread | None
    stopping: threading.Event

    def stop(self) -> None:
        self.stopping.set()
        self.runner.wake.set()
        if self.thread is not None:
            self.thread.join(timeout=10)
        self.runner.store.close()


def start_views(settings: Settings, ledger: LedgerCore) -> RunningViews:
    """Open the views. On the embedded SQLite default they are kept up to date in-process,
    woken by every save; on PostgreSQL `sme-ledger project` workers keep them."""
    runner = ProjectionRunner(ledger, open_view_store(settings.store), all_projections())
    runner.stalled.append(lambda failure: metrics.PROJECTION_FAILURES.labels(failure.name).inc())
    stopping = threading.Event()
    thread = None
    if not settings.store.is_postgres:
        runner.ensure_schema()
        if settings.embedded_views:
            ledger.after_save.append(lambda _position: runner.wake.set())
            thread = threading.Thread(
                target=runner.run, args=(stopping,), name="views", daemon=True
            )
            thread.start()
    return RunningViews(runner, thread, stopping)
