"""The view store's pipelined transactions read the answer to their own query.

Found by the benchmark suite: making the view schema on a database that already had it failed
about one time in four, a read in the pipeline seeing the result of an earlier CREATE TABLE.
"""

from __future__ import annotations

from ledger.application.app import LedgerApplication
from ledger.persistence.config import StoreConfig
from projections.catalog import all_projections
from projections.runner import ProjectionRunner
from projections.store import open_view_store

ATTEMPTS = 20


def test_making_the_view_schema_again_on_postgres_always_succeeds(
    pg_ledger: LedgerApplication, postgres_url: str
) -> None:
    store = open_view_store(StoreConfig(postgres_url))
    try:
        runner = ProjectionRunner(pg_ledger, store, all_projections())
        for _ in range(ATTEMPTS):
            runner.ensure_schema()
        with store.transaction() as tx:
            assert tx.fetchone("SELECT 1 WHERE ? = ?", (1, 1)) == (1,)
    finally:
        store.close()
