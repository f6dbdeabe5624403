"""RFC 3161 timestamps of checkpoint notes in SQL (``ledger_checkpoint_timestamps``,
migrations/0034), shared by the PostgreSQL and SQLite audit stores, which supply the dialect."""

from __future__ import annotations

from ledger.audit.records import StoredTimestamp
from ledger.persistence.audit_dialect import AuditSqlDialect, row_values

TIMESTAMPS = "ledger_checkpoint_timestamps"
_NOTES = "ledger_checkpoint_notes"


class TimestampSql(AuditSqlDialect):
    def add_timestamp(self, stamp: StoredTimestamp) -> None:
        with self._transaction(commit=True) as cursor:
            cursor.execute(
                self._sql(
                    # Two sealers may stamp the same note: the first token stays.
                    f"INSERT INTO {TIMESTAMPS} (tree_size, stamped_at, gen_time, reply) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (tree_size) DO NOTHING"
                ),
                (
                    stamp.tree_size,
                    self._time_param(stamp.stamped_at),
                    self._time_param(stamp.gen_time),
                    stamp.reply,
                ),
            )

    def timestamp(self, tree_size: int) -> StoredTimestamp | None:
        rows = self._read(
            f"SELECT tree_size, stamped_at, gen_time, reply FROM {TIMESTAMPS} WHERE tree_size = %s",
            (tree_size,),
        )
        if not rows:
            return None
        r = row_values(rows[0])
        return StoredTimestamp(
            int(r[0]), self._time_value(r[1]), self._time_value(r[2]), bytes(r[3])
        )

    def unstamped_notes(self, limit: int) -> list[tuple[int, bytes]]:
        rows = self._read(
            f"SELECT n.tree_size, n.note FROM {_NOTES} n LEFT JOIN {TIMESTAMPS} t "
            "ON t.tree_size = n.tree_size WHERE t.tree_size IS NULL "
            "ORDER BY n.tree_size DESC LIMIT %s",
            (limit,),
        )
        return [(int(r[0]), bytes(r[1])) for r in map(row_values, rows)]
