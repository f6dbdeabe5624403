"""Turns a database URL into the environment the eventsourcing library is configured from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from eventsourcing.utils import get_topic

SQLITE_PREFIX = "sqlite:///"


@dataclass(frozen=True)
class StoreConfig:
    """Where the log lives and how to talk to it."""

    database_url: str
    pool_size: int = 5
    max_overflow: int = 10
    pool_wait_seconds: int = 2
    """Longest a request waits for a pooled connection before it is refused (503)."""
    lock_timeout_seconds: int = 5
    aggregate_cache_size: int = 1000
    """Aggregates kept per process; every read still fetches events newer than the cached one."""
    snapshot_interval: int = 100
    """Snapshot a stream every this many events (0: never)."""
    pre_ping: bool = True
    """Check each pooled connection before use (a round trip each time it is taken)."""

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith(("postgresql://", "postgres://"))

    @property
    def sqlite_path(self) -> str:
        if not self.database_url.startswith(SQLITE_PREFIX):
            msg = (
                f"Unsupported database URL {self.database_url!r}: use sqlite:///path/to/file "
                "or postgresql://user:password@host:port/dbname."
            )
            raise ValueError(msg)
        return self.database_url[len(SQLITE_PREFIX) :]


def eventsourcing_env(config: StoreConfig) -> dict[str, str]:
    """The library environment for ``config``.

    Built explicitly rather than read from ``os.environ``: the library would otherwise pick up
    any stray variable (``POSTGRES_ENABLE_DB_FUNCTIONS`` among them, which lets readers miss
    events), and settings are read only by composition roots.
    """
    from ledger.persistence.postgres import LedgerPostgresRecorder
    from ledger.persistence.sqlite import LedgerSQLiteRecorder

    reads: dict[str, str] = {}
    if config.aggregate_cache_size > 0:
        # Fast-forward stays on (the library's default): a cached aggregate is brought up to
        # date from the store on every read, so another process's writes are never missed.
        reads["AGGREGATE_CACHE_MAXSIZE"] = str(config.aggregate_cache_size)
    if config.snapshot_interval > 0:
        reads["IS_SNAPSHOTTING_ENABLED"] = "y"
        reads["SNAPSHOT_INTERVAL"] = str(config.snapshot_interval)
    from ledger.persistence.snapshots import LedgerSnapshotTranscoder
    from ledger.persistence.transcoder import LedgerMapper, LedgerTranscoder

    codecs = {
        "TRANSCODER_TOPIC": get_topic(LedgerTranscoder),
        "MAPPER_TOPIC": get_topic(LedgerMapper),
        "SNAPSHOT_TRANSCODER_TOPIC": get_topic(LedgerSnapshotTranscoder),
    }
    return {**_store_env(config, LedgerPostgresRecorder, LedgerSQLiteRecorder), **codecs, **reads}


def _store_env(config: StoreConfig, postgres: type, sqlite: type) -> dict[str, str]:
    if config.is_postgres:
        parts = urlsplit(config.database_url)
        if parts.query:
            # Names only: the query may hold a password.
            names = ", ".join(sorted(parse_qs(parts.query, keep_blank_values=True)))
            msg = (
                f"The database URL sets {names}, which the event store cannot pass on: it "
                "connects with user, password, host, port and dbname only. Remove them from the "
                "URL and set libpq environment variables instead (e.g. PGSSLMODE=verify-full)."
            )
            raise ValueError(msg)
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "APPLICATION_RECORDER_TOPIC": get_topic(postgres),
            "POSTGRES_DBNAME": unquote(parts.path.lstrip("/")) or "postgres",
            "POSTGRES_HOST": parts.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(parts.port or 5432),
            "POSTGRES_USER": unquote(parts.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(parts.password or ""),
            "POSTGRES_SCHEMA": "public",
            "POSTGRES_POOL_SIZE": str(config.pool_size),
            "POSTGRES_MAX_OVERFLOW": str(config.max_overflow),
            "POSTGRES_CONNECT_TIMEOUT": str(config.pool_wait_seconds),
            "POSTGRES_LOCK_TIMEOUT": str(config.lock_timeout_seconds),
            "POSTGRES_PRE_PING": "y" if config.pre_ping else "n",
            # The schema belongs to `sme-ledger migrate`; the service role may not own it.
            "CREATE_TABLE": "n",
            "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
        }
    path = config.sqlite_path
    if path != ":memory:" and not path.startswith("file:"):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    return {
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "APPLICATION_RECORDER_TOPIC": get_topic(sqlite),
        "SQLITE_DBNAME": path,
        "SQLITE_LOCK_TIMEOUT": str(config.lock_timeout_seconds),
        "CREATE_TABLE": "y",
    }
