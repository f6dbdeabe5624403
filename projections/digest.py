"""The digest of a view's table: what a drift check compares, the same on either store.

A table's digest is the SHA-256 of its rows, each encoded as one line of canonical JSON (an
array of the row's values in the order the table declares its columns: text as a string,
integers as integers, NULL as ``null``, no spaces, non-ASCII characters as they are, ``\\n``
after each row), in the order of its primary key, text compared byte by byte as UTF-8. Views
store only text and integers (:mod:`projections.store`), so the same rows give the same digest
in SQLite and in PostgreSQL, and an auditor can recompute it from a plain ``SELECT``.

The rows are read a batch at a time and hashed as they come: a digest costs one ordered scan of
the table, never the table in memory.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import orjson

from projections.base import columns_of
from projections.store import Snapshot

_CONSTRAINTS = {"PRIMARY", "UNIQUE", "KEY", "FOREIGN", "CHECK"}


@dataclass(frozen=True)
class TableDigest:
    """``rows`` rows whose digest (lowercase hex SHA-256) is ``sha256``."""

    rows: int
    sha256: str


def primary_key(ddl: str) -> tuple[str, ...]:
    """The primary key columns of a table definition: a ``PRIMARY KEY (a, b)`` clause, or the
    column declared ``PRIMARY KEY``; every column if it has none."""
    upper = ddl.upper()
    at = upper.find("PRIMARY KEY (")
    if at >= 0:
        inside = ddl[at + len("PRIMARY KEY (") : ddl.index(")", at)]
        return tuple(c.strip() for c in inside.split(","))
    for part in ddl.split(","):
        words = part.split()
        if words and words[0].upper() not in _CONSTRAINTS and "PRIMARY KEY" in part.upper():
            return (words[0],)
    return columns_of(ddl)


def _text_columns(ddl: str) -> set[str]:
    found = set()
    for part in ddl.split(","):
        words = part.split()
        if len(words) >= 2 and words[1].upper() == "TEXT":
            found.add(words[0])
    return found


def order_by(ddl: str, postgres: bool) -> str:
    """The ``ORDER BY`` of a digest: the primary key, text byte by byte on either store (SQLite
    compares text with memcmp; PostgreSQL does with the "C" collation)."""
    text = _text_columns(ddl)
    keys = [f'{c} COLLATE "C"' if postgres and c in text else c for c in primary_key(ddl)]
    return ", ".join(keys)


def encode(row: tuple[object, ...]) -> bytes:
    """One row as its canonical line."""
    for value in row:
        if not (value is None or isinstance(value, str) or type(value) is int):
            msg = f"a view holds only text and integers, not {type(value).__name__}"
            raise TypeError(msg)
    return orjson.dumps(list(row)) + b"\n"


def table_digest(snapshot: Snapshot, table: str, ddl: str, postgres: bool) -> TableDigest:
    """The digest of ``table`` (defined by ``ddl``) as ``snapshot`` sees it."""
    columns = ", ".join(columns_of(ddl))
    digest = hashlib.sha256()
    rows = 0
    sql = f"SELECT {columns} FROM {table} ORDER BY {order_by(ddl, postgres)}"
    for row in snapshot.stream(sql):
        digest.update(encode(row))
        rows += 1
    return TableDigest(rows, digest.hexdigest())
