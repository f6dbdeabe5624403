"""The one composition root: the ledger, its views, sealer, access trail and metrics, built from
settings and started and stopped together.

The API factory, the CLI and the tests all build the ledger here, so what is tested is what runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ledger.application.app import LedgerApplication, utc_now
from ledger.domain.errors import LedgerError
from ledger.domain.time import DEFAULT_BOUNDS, TimeBounds
from ledger.persistence.config import StoreConfig, eventsourcing_env
from projections.catalog import all_projections
from projections.directory import DirectoryProjection, ViewDirectory
from projections.drift_check import DriftChecker
from projections.runner import ProjectionRunner
from projections.store import open_view_store
from runtime import metrics
from runtime.audit import AuditRuntime, start_audit, stop_audit
from runtime.process_metrics import ProcessMetrics, pools_of
from runtime.reads import Reads, open_reads
from runtime.settings import Settings
from runtime.views import RunningViews, start_views


class SchemaNotReadyError(LedgerError):
    code = "schema_not_ready"
    title = "Database schema not ready"


def build_ledger(
    config: StoreConfig,
    *,
    clock: Callable[[], datetime] = utc_now,
    bounds: TimeBounds = DEFAULT_BOUNDS,
    check_schema: bool = True,
) -> LedgerApplication:
    """The ledger on ``config``'s store. On PostgreSQL the schema must be migrated first."""
    if config.is_postgres and check_schema:
        from ledger.persistence.migrate import pending_migrations

        pending = pending_migrations(config.database_url)
        if pending:
            msg = (
                f"The database has {len(pending)} migration(s) not applied ({', '.join(pending)}). "
                "Run `sme-ledger migrate` first."
            )
            raise SchemaNotReadyError(msg)
    return LedgerApplication(eventsourcing_env(config), clock=clock, bounds=bounds)


class Runtime:
    """The ledger and everything around it, built from settings: the one composition root.

    The API's lifespan, every command of ``sme-ledger``, every worker and the test fixtures build
    what they run here. ``serve()`` starts what an API process runs beside the ledger (group
    commit, the embedded views and sealer, the access trail, the reads of the hot standby);
    ``stop()`` stops it all, committing what is waiting first. A ledger lent by a test is used
    as it is and not closed.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        ledger: LedgerApplication | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.settings = settings
        self._owns_ledger = ledger is None
        self.ledger = ledger or build_ledger(
            settings.store, clock=clock, bounds=settings.time_bounds
        )
        self.views: RunningViews | None = None
        self.audit: AuditRuntime | None = None
        self.process_metrics: ProcessMetrics | None = None
        self.reads: Reads | None = None
        """Where the read-only routes read (the hot standby, if one is set)."""
        self._directory: ProjectionRunner | None = None
        self._serving = False

    def serve(self) -> Runtime:
        self._serving = True
        group_commit = self.settings.group_commit_config
        if group_commit is not None:
            committer = self.ledger.uow.start_group_commit(group_commit)
            committer.listeners.append(metrics.observe_group_commit)
            committer.refusals.append(metrics.GROUP_COMMIT_REFUSED.inc)
        self.views = start_views(self.settings, self.ledger)
        self.audit = start_audit(self.settings, self.ledger)
        self.reads = open_reads(self.settings, self.ledger, self.views.runner, self.audit.store)
        pools = pools_of(self.ledger, self.views.runner.store)
        if self.reads.standby is not None:
            pools.add("read", self.reads.standby.datastore.pool)
        self.process_metrics = ProcessMetrics(self.ledger, pools)
        if metrics.multiprocess_mode():
            # Each worker keeps its own files fresh: a scrape is answered by one worker only.
            self.process_metrics.start()
        return self

    def view_runner(self) -> ProjectionRunner:
        """The projection daemon over this ledger's views (the caller closes its store)."""
        return ProjectionRunner(
            self.ledger, open_view_store(self.settings.store), all_projections()
        )

    def drift_checker(self) -> DriftChecker:
        """Drift checks of this ledger's views, over a view store of their own (the caller
        closes it), so that a long check never holds the daemon's connection."""
        return DriftChecker(self.ledger, open_view_store(self.settings.store), all_projections())

    def directory(self) -> ViewDirectory:
        """The directory view caught up with the log now, for commands and jobs that list
        (the API reads the one its daemon keeps, at the head of the log)."""
        if self._directory is None:
            runner = ProjectionRunner(
                self.ledger, open_view_store(self.settings.store), [DirectoryProjection()]
            )
            if runner.store.is_postgres:
                runner.ensure_views_exist()
            else:
                runner.ensure_schema()
            self._directory = runner
        self._directory.catch_up("directory")
        self._directory.raise_if_stalled(["directory"])
        return ViewDirectory(self._directory.store)

    def stop(self) -> None:
        if self.process_metrics is not None:
            self.process_metrics.stop()
            self.process_metrics = None
        if self.reads is not None:
            self.reads.close()
            self.reads = None
        if self._directory is not None:
            self._directory.store.close()
            self._directory = None
        if self.views is not None:
            self.views.stop()
            self.views = None
        if self._serving:
            # Commit what is waiting before the ledger (or the test that lent it) goes on.
            self.ledger.uow.stop_group_commit()
            self._serving = False
        if self.audit is not None:
            # Flush the access records before the store they go to is closed.
            stop_audit(self.audit)
            self.audit = None
        if self._owns_ledger:
            self.ledger.close()

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
