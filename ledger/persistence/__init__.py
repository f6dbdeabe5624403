"""Persistence adapters: the event store on SQLite (embedded) or PostgreSQL (production)."""

from ledger.persistence.config import StoreConfig, eventsourcing_env

__all__ = ["StoreConfig", "eventsourcing_env"]
