"""Witness cosignatures in SQL (``ledger_checkpoint_cosignatures``, migrations/0032), shared by
the PostgreSQL and SQLite audit stores, which supply the dialect."""

from __future__ import annotations

from ledger.audit.records import StoredCosignature
from ledger.persistence.audit_dialect import AuditSqlDialect, row_values

COSIGNATURES = "ledger_checkpoint_cosignatures"


class CosignatureSql(AuditSqlDialect):
    def add_cosignature(self, cosignature: StoredCosignature) -> None:
        with self._transaction(commit=True) as cursor:
            cursor.execute(
                self._sql(
                    # Two sealers may hand in the same checkpoint: the first cosignature stays.
                    f"INSERT INTO {COSIGNATURES} (tree_size, witness, cosigned_at, line) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (tree_size, witness) DO NOTHING"
                ),
                (
                    cosignature.tree_size,
                    cosignature.witness,
                    self._time_param(cosignature.cosigned_at),
                    cosignature.line,
                ),
            )

    def cosignatures(self, tree_size: int) -> list[StoredCosignature]:
        rows = self._read(
            f"SELECT tree_size, witness, cosigned_at, line FROM {COSIGNATURES} "
            "WHERE tree_size = %s ORDER BY witness",
            (tree_size,),
        )
        return [
            StoredCosignature(int(r[0]), str(r[1]), self._time_value(r[2]), str(r[3]))
            for r in map(row_values, rows)
        ]

    def last_cosigned(self, witness: str) -> int | None:
        rows = self._read(
            f"SELECT max(tree_size) FROM {COSIGNATURES} WHERE witness = %s", (witness,)
        )
        value = row_values(rows[0])[0] if rows else None
        return None if value is None else int(value)
