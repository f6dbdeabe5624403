"""Persistence adapters: the event store on SQLite (embedded) or PostgreSQL (production)."""

from ledger.persistence.config import StoreConfig, eventsourcing_env
from ledger.persistence.idempotency import IdempotencyRecord, IdempotentResult

__all__ = ["IdempotencyRecord", "IdempotentResult", "StoreConfig", "eventsourcing_env"]
