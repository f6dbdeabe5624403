"""The record of drift checks: every check of a view, and what it found, kept for auditors.

A drift check (:mod:`projections.drift_check`) recomputes a view from the log up to the
position the stored view is at, and compares the two table by table. Each check of a view is
one row of ``ledger_view_drift``: when, which view at which version and position, the outcome,
the tables that differ, and each table's row counts and digests on both sides. The rows are
only ever added: on PostgreSQL the service may insert and read them, and triggers refuse an
``UPDATE``, ``DELETE`` or ``TRUNCATE`` from anyone (migration 0033); on SQLite the table is made
with the views' tables. A check never repairs a view: what it found stays on record until a
later check, after a rebuild, finds the view whole again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from typing_extensions import TypedDict

from projections.store import Tx

DRIFT_TABLE = "ledger_view_drift"
OK, DRIFT, FAILED, SKIPPED = "ok", "drift", "failed", "skipped"
"""Outcomes: the view is as the log folds it; it differs; the log could not be folded to its
position (``detail`` says why); it was not compared (never recorded: ``detail`` says why)."""
RECORDED_OUTCOMES = (OK, DRIFT, FAILED)

# On PostgreSQL migration 0033 makes the table (with its privileges and triggers).
_SQLITE_SCHEMA = [
    f"CREATE TABLE IF NOT EXISTS {DRIFT_TABLE} ("
    "id INTEGER PRIMARY KEY, checked_at TEXT NOT NULL, view_name TEXT NOT NULL, "
    "version INTEGER NOT NULL, position BIGINT NOT NULL, outcome TEXT NOT NULL, "
    "drifting TEXT NOT NULL, tables TEXT NOT NULL, detail TEXT NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS {DRIFT_TABLE}_view_idx ON {DRIFT_TABLE} (view_name, id)",
]
_COLUMNS = "id, checked_at, view_name, version, position, outcome, drifting, tables, detail"


def drift_schema(postgres: bool) -> list[str]:
    """The statements that make the record on the store (none on PostgreSQL: a migration)."""
    return [] if postgres else list(_SQLITE_SCHEMA)


class TableCheckView(TypedDict):
    """One table of a view compared: its rows and the SHA-256 of its rows in primary-key order,
    as stored and as recomputed from the log."""

    table: str
    stored_rows: int
    stored_sha256: str
    recomputed_rows: int
    recomputed_sha256: str
    drift: bool
    """The two differ."""


class DriftCheckView(TypedDict):
    """A drift check of one view: which version at which log position, when, and what it
    found."""

    id: int | None
    """The record's number, in the order checks were recorded (``null`` if not recorded)."""
    view: str
    version: int
    position: int
    checked_at: str
    outcome: str
    """``ok``, ``drift``, ``failed`` (the log could not be folded that far: see ``detail``)
    or, never recorded, ``skipped``."""
    drifting: list[str]
    """The tables whose stored rows differ from the log's."""
    tables: list[TableCheckView]
    """Each table compared (none if the check failed)."""
    detail: str


@dataclass(frozen=True)
class TableCheck:
    """One table of a view, as stored and as recomputed from the log: rows and digest each."""

    table: str
    stored_rows: int
    stored_sha256: str
    recomputed_rows: int
    recomputed_sha256: str

    @property
    def drift(self) -> bool:
        return (self.stored_rows, self.stored_sha256) != (
            self.recomputed_rows,
            self.recomputed_sha256,
        )

    def as_dict(self) -> TableCheckView:
        return {
            "table": self.table,
            "stored_rows": self.stored_rows,
            "stored_sha256": self.stored_sha256,
            "recomputed_rows": self.recomputed_rows,
            "recomputed_sha256": self.recomputed_sha256,
            "drift": self.drift,
        }


@dataclass(frozen=True)
class DriftCheck:
    """View ``view`` (of ``version``) at log ``position``, checked at ``checked_at``: the
    ``outcome`` and each table compared (none if the check failed or was skipped)."""

    view: str
    version: int
    position: int
    checked_at: datetime
    outcome: str
    tables: tuple[TableCheck, ...] = ()
    detail: str = ""
    id: int | None = None
    """The record's number, once recorded (in the order the checks were recorded)."""

    @property
    def drifting(self) -> list[str]:
        """The tables whose stored rows differ from the log's."""
        return [t.table for t in self.tables if t.drift]

    def as_dict(self) -> DriftCheckView:
        return {
            "id": self.id,
            "view": self.view,
            "version": self.version,
            "position": self.position,
            "checked_at": self.checked_at.isoformat(),
            "outcome": self.outcome,
            "drifting": self.drifting,
            "tables": [t.as_dict() for t in self.tables],
            "detail": self.detail,
        }


def record_check(tx: Tx, check: DriftCheck) -> None:
    """Add ``check`` to the record (a skipped check is not a finding: it is not recorded)."""
    if check.outcome not in RECORDED_OUTCOMES:
        return
    tables = [{k: v for k, v in t.as_dict().items() if k != "drift"} for t in check.tables]
    tx.execute(
        f"INSERT INTO {DRIFT_TABLE} (checked_at, view_name, version, position, outcome, "
        "drifting, tables, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            check.checked_at.astimezone(UTC).isoformat(), check.view, check.version,
            check.position, check.outcome, ",".join(check.drifting),
            orjson.dumps(tables).decode(), check.detail,
        ),
    )  # fmt: skip


def latest_checks(tx: Tx) -> dict[str, DriftCheck]:
    """The latest recorded check of each view, by view."""
    rows = tx.fetchall(
        f"SELECT {_COLUMNS} FROM {DRIFT_TABLE} WHERE id IN "
        f"(SELECT MAX(id) FROM {DRIFT_TABLE} GROUP BY view_name) ORDER BY view_name"
    )
    return {check.view: check for check in map(_check, rows)}


def recorded_checks(
    tx: Tx,
    *,
    view: str | None = None,
    outcome: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[DriftCheck]:
    """Recorded checks, the latest first, of ``view`` and with ``outcome`` if given."""
    where, params = [], []
    if view is not None:
        where.append("view_name = ?")
        params.append(view)
    if outcome is not None:
        where.append("outcome = ?")
        params.append(outcome)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = tx.fetchall(
        f"SELECT {_COLUMNS} FROM {DRIFT_TABLE}{clause} ORDER BY id DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [_check(row) for row in rows]


def _check(row: tuple[Any, ...]) -> DriftCheck:
    at = row[1] if isinstance(row[1], datetime) else datetime.fromisoformat(str(row[1]))
    tables = tuple(
        TableCheck(
            str(t["table"]),
            int(t["stored_rows"]),
            str(t["stored_sha256"]),
            int(t["recomputed_rows"]),
            str(t["recomputed_sha256"]),
        )
        for t in orjson.loads(str(row[7]))
    )
    return DriftCheck(
        view=str(row[2]),
        version=int(row[3]),
        position=int(row[4]),
        checked_at=at.astimezone(UTC),
        outcome=str(row[5]),
        tables=tables,
        detail=str(row[8]),
        id=int(row[0]),
    )
