"""Builds a ready :class:`LedgerApplication` from a store configuration.

The API factory, the CLI and the tests all build the ledger here, so what is tested is what runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from ledger.application.app import LedgerApplication, utc_now
from ledger.domain.errors import LedgerError
from ledger.persistence.config import StoreConfig, eventsourcing_env


class SchemaNotReadyError(LedgerError):
    code = "schema_not_ready"
    title = "Database schema not ready"


def build_ledger(
    config: StoreConfig,
    *,
    clock: Callable[[], datetime] = utc_now,
    clock_skew: timedelta = timedelta(minutes=5),
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
    return LedgerApplication(eventsourcing_env(config), clock=clock, clock_skew=clock_skew)
