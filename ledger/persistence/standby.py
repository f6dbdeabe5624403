"""The PostgreSQL hot standby that reads go to (``LEDGER_READ_DATABASE_URL``).

A streaming standby replays the primary's write-ahead log: every table of the primary (the log,
the views the projection workers keep, the audit tables the sealer writes) is on it, a replay
lag behind. Here is what the service reads there, over one pool of its own:

- the log (:class:`StandbyLog`: pages, one stream's events, the head it has replayed);
- the audit store's reads (:class:`StandbyAuditStore`: checkpoints, proofs, tiles, keys);
- the views, through a view store on the same pool (built in ``runtime``).

Nothing is written here: a standby refuses writes. The pool fails fast as the primary's does
(:mod:`ledger.persistence.failfast`), and every failure to reach the standby, or a query it
cancelled because replay needed what it read, is raised as :class:`StandbyUnavailableError`
(503 + ``Retry-After``): a request that needs the standby never hangs on it, and one that does
not (a write) never notices it is away.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Notification, StoredEvent
from eventsourcing.postgres import PostgresDatastore
from psycopg.rows import tuple_row

from ledger.domain.errors.base import UnavailableError
from ledger.persistence.audit_sql import PostgresAuditStore
from ledger.persistence.config import StoreConfig, eventsourcing_env
from ledger.persistence.failfast import DatabaseAwayError, fail_fast, lost_connection

APPLICATION_NAME = "sme-ledger reads"
"""How the standby's ``pg_stat_activity`` names the service's read connections."""
# Cancelled on the standby because replaying the primary's changes needed the rows it read
# (max_standby_streaming_delay): worth a retry, not an internal error.
RECOVERY_CONFLICT = "40001"
_STATE_SQL = (
    "SELECT coalesce(max(notification_id), 0), pg_is_in_recovery(), "
    "CASE WHEN pg_last_wal_receive_lsn() IS NULL "
    "OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END "
    "FROM {table}"
)


class StandbyUnavailableError(UnavailableError):
    """The hot standby did not answer (or cancelled the read): reads that go there are refused
    at once for now; writes and reads of the primary go on."""

    code = "standby_unavailable"
    title = "Read standby unavailable"


@dataclass(frozen=True)
class StandbyState:
    """What the standby has replayed: up to log position ``head``, ``replay_lag_seconds``
    behind the primary's last commit it received (0 when it has replayed all it received)."""

    head: int
    replay_lag_seconds: float
    in_recovery: bool


def _failure(error: BaseException) -> str | None:
    """Why ``error`` means the standby cannot answer now, or ``None`` if it means something else
    (a query of ours it refused, which is a bug to report, not an outage)."""
    if isinstance(error, DatabaseAwayError):
        return "it did not answer a moment ago"
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if getattr(current, "sqlstate", None) == RECOVERY_CONFLICT:
            return "it cancelled the read to go on replaying the primary's changes"
        current = current.__cause__ or current.__context__
    return "it cannot be reached" if lost_connection(error) else None


class Standby:
    """One process's connections to the hot standby, and what is read over them."""

    def __init__(self, config: StoreConfig, events_table: str) -> None:
        """A standby of the primary whose log is ``events_table`` (the primary recorder's)."""
        self.events_table = events_table
        env = eventsourcing_env(config)  # the primary's URL rules: no query string, and so on
        self.datastore = PostgresDatastore(
            env["POSTGRES_DBNAME"],
            env["POSTGRES_HOST"],
            env["POSTGRES_PORT"],
            env["POSTGRES_USER"],
            env["POSTGRES_PASSWORD"],
            connect_timeout=config.pool_wait_seconds,
            pool_size=config.pool_size,
            max_overflow=config.max_overflow,
            pre_ping=config.pre_ping,
            schema="public",
        )
        pool = self.datastore.pool
        if isinstance(pool.kwargs, dict):
            pool.kwargs["application_name"] = APPLICATION_NAME
        fail_fast(pool, wait_seconds=config.pool_wait_seconds, name="the read standby")
        # Opened without waiting: the service starts while the standby is away, and says so.
        pool.open(wait=False)
        self.log = StandbyLog(self)
        self.audit = StandbyAuditStore(self, events_table)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Raise a failure to reach the standby as :class:`StandbyUnavailableError`."""
        try:
            yield
        except StandbyUnavailableError:
            raise
        except Exception as e:
            why = _failure(e)
            if why is None:
                raise
            msg = f"The read standby cannot answer now ({why}); retry shortly."
            raise StandbyUnavailableError(msg) from e

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A read-only transaction on the standby (a dict-row cursor)."""
        with self.reading(), self.datastore.transaction(commit=False) as cursor:
            yield cursor

    def state(self, timeout: float = 1.0) -> StandbyState:
        """What the standby has replayed, waiting at most ``timeout`` for a connection (a
        readiness check answers within a second whatever the pool's wait). Raises
        :class:`StandbyUnavailableError`."""
        with (
            self.reading(),
            self.datastore.pool.connection(timeout=timeout) as conn,
            conn.cursor(row_factory=tuple_row) as cursor,
        ):
            cursor.execute(_STATE_SQL.format(table=self.events_table))
            row = cursor.fetchone()
        assert row is not None  # an aggregate query always answers a row
        head, in_recovery, lag = row
        return StandbyState(int(head), float(lag or 0), bool(in_recovery))

    def close(self) -> None:
        self.datastore.close()


class StandbyLog:
    """The log as the standby has replayed it: the recorder's read queries, without its retries
    (a standby that does not answer is a 503 at once, not ten attempts)."""

    def __init__(self, standby: Standby) -> None:
        self.standby = standby
        self.table = standby.events_table

    def max_notification_id(self) -> int | None:
        with self.standby.transaction() as cursor:
            cursor.execute(f"SELECT max(notification_id) AS max FROM {self.table}")
            found: int | None = cursor.fetchone()["max"]
        return found

    def select_notifications(
        self,
        start: int | None,
        limit: int,
        stop: int | None = None,
        topics: Sequence[str] = (),
        *,
        inclusive_of_start: bool = True,
    ) -> list[Notification]:
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if start is not None:
            clauses.append(f"notification_id {'>=' if inclusive_of_start else '>'} %s")
            params.append(start)
        if stop is not None:
            clauses.append("notification_id <= %s")
            params.append(stop)
        if topics:
            clauses.append("topic = ANY(%s)")
            params.append(list(topics))
        with self.standby.transaction() as cursor:
            cursor.execute(
                "SELECT notification_id, originator_id, originator_version, topic, state "
                f"FROM {self.table} WHERE {' AND '.join(clauses)} "
                "ORDER BY notification_id LIMIT %s",
                [*params, limit],
            )
            rows = cursor.fetchall()
        return [
            Notification(
                id=row["notification_id"],
                originator_id=row["originator_id"],
                originator_version=row["originator_version"],
                topic=row["topic"],
                state=bytes(row["state"]),
            )
            for row in rows
        ]

    def select_stream_notifications(self, stream_id: UUID) -> list[tuple[int, StoredEvent]]:
        """One stream's events in version order, each with its log position."""
        with self.standby.transaction() as cursor:
            cursor.execute(
                "SELECT notification_id, originator_version, topic, state "
                f"FROM {self.table} WHERE originator_id = %s ORDER BY originator_version",
                (stream_id,),
            )
            rows = cursor.fetchall()
        return [(row["notification_id"], _stored(stream_id, row)) for row in rows]


def _stored(stream_id: UUID, row: dict[str, Any]) -> StoredEvent:
    return StoredEvent(stream_id, row["originator_version"], row["topic"], bytes(row["state"]))


class StandbyAuditStore(PostgresAuditStore):
    """The audit store's reads, on the standby. Writing here is refused by the standby itself;
    the sealer and the access trail write to the primary's store."""

    def __init__(self, standby: Standby, events_table: str) -> None:
        super().__init__(standby.datastore, events_table)
        self.standby = standby

    def _transaction(self, *, commit: bool) -> AbstractContextManager[Any]:
        if commit:
            msg = "the read standby's audit store is read only"
            raise TypeError(msg)
        return self.standby.transaction()
