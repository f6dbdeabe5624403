"""The audit store beside the ledger's log, on the same database (PostgreSQL or SQLite).

Both share the datastore (pool) of the ledger's recorder, so the audit trail lives and is
backed up with the log it covers.
"""

from __future__ import annotations

from eventsourcing.persistence import ApplicationRecorder
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder

from ledger.audit.records import AuditStore
from ledger.persistence.audit_sql import PostgresAuditStore
from ledger.persistence.audit_store_sqlite import SQLiteAuditStore


def audit_store_for(recorder: ApplicationRecorder) -> AuditStore:
    """The audit store beside ``recorder``'s events, on the same datastore."""
    if isinstance(recorder, PostgresApplicationRecorder):
        return PostgresAuditStore(recorder.datastore, recorder.events_table_name)
    if isinstance(recorder, SQLiteApplicationRecorder):
        return SQLiteAuditStore(recorder.datastore, recorder.events_table_name)
    msg = f"No audit store for {type(recorder).__name__}; use SQLite or PostgreSQL."
    raise TypeError(msg)
