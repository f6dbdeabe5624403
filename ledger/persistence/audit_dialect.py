"""What the audit store's SQL needs of its database: a transaction, the placeholder style, how
a time is written and read. The PostgreSQL and SQLite stores supply it; the parts of the store
(the tree, cosignatures, timestamps) are written once against it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any


def row_values(row: Any) -> tuple[Any, ...]:
    """A fetched row as a tuple, whether the driver gave a dict or a sequence."""
    return tuple(row.values()) if isinstance(row, dict) else tuple(row)


class AuditSqlDialect(ABC):
    @abstractmethod
    def _transaction(self, *, commit: bool) -> AbstractContextManager[Any]: ...

    @abstractmethod
    def _sql(self, statement: str) -> str: ...

    @abstractmethod
    def _time_param(self, moment: datetime) -> Any: ...

    @abstractmethod
    def _time_value(self, value: Any) -> datetime: ...

    def _read(self, statement: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._transaction(commit=False) as cursor:
            cursor.execute(self._sql(statement), params)
            return list(cursor.fetchall())
