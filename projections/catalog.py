"""Every view the daemon maintains."""

from __future__ import annotations

from ledger.application.store import LedgerCore
from ledger.persistence.config import StoreConfig
from projections.activities import ActivitiesProjection
from projections.base import Projection
from projections.directory import DirectoryProjection
from projections.failures import FAILURES_TABLE
from projections.funds import FundsProjection
from projections.registry import RegistryProjection
from projections.runner import ProjectionRunner
from projections.service_cases import CaseFactsProjection
from projections.store import open_view_store
from projections.tracking import TRACKING_TABLE


def all_projections() -> list[Projection]:
    return [
        RegistryProjection(),
        CaseFactsProjection(),
        ActivitiesProjection(),
        FundsProjection(),
        DirectoryProjection(),
    ]


def ensure_view_schema(ledger: LedgerCore, config: StoreConfig) -> None:
    """Create the view tables and positions (and rebuild any view whose version changed).

    The schema owner's job: the embedded service on SQLite, `sme-ledger migrate` on PostgreSQL.
    """
    runner = ProjectionRunner(ledger, open_view_store(config), all_projections())
    try:
        runner.ensure_schema()
        if runner.store.is_postgres:
            # Like the log's tables (migrations/0004_roles.sql): owned by the owner role, and the
            # service role may read and write the views' rows, nothing more.
            tables = [
                TRACKING_TABLE,
                FAILURES_TABLE,
                *(t for p in runner.projections.values() for t in p.tables),
            ]
            with runner.store.transaction() as tx:
                for table in tables:
                    tx.execute(f"ALTER TABLE {table} OWNER TO ledger_owner")
                    tx.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO ledger_service")
    finally:
        runner.store.close()
