"""Witness cosignatures in SQL (``ledger_checkpoint_cosignatures``, migrations/0032), shared by
the PostgreSQL and SQLite audit stores, which supply the dialect."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from ledger.audit.records import StoredCosignature

COSIGNATURES = "ledger_checkpoint_cosignatures"


def _row(row: Any) -> tuple[Any, ...]:
    return tuple(row.values()) if isinstance(row, dict) else tuple(row)


class CosignatureSql(ABC):
    @abstractmethod
    def _transaction(self, *, commit: bool) -> AbstractContextManager[Any]: ...

    @abstractmethod
    def _sql(self, statement: str) -> str: ...

    @abstractmethod
    def _time_param(self, moment: datetime) -> Any: ...

    @abstractmethod
    def _time_value(self, value: Any) -> datetime: ...

    @abstractmethod
    def _read(self, statement: str, params: Sequence[Any] = ()) -> list[Any]: ...

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
            for r in map(_row, rows)
        ]

    def last_cosigned(self, witness: str) -> int | None:
        rows = self._read(
            f"SELECT max(tree_size) FROM {COSIGNATURES} WHERE witness = %s", (witness,)
        )
        value = _row(rows[0])[0] if rows else None
        return None if value is None else int(value)
