"""The registers the views answer with, row by row: the participants with their standing, the
expert pool, and everything one enterprise received (一企一策)."""

from __future__ import annotations

from typing import Any

from projections.registry import EXPERTS, PARTICIPANTS
from projections.service_cases import CASE_FACTS
from projections.store import Tx

PARTICIPANT_COLUMNS = [
    "id", "kind", "name", "uscc", "region", "categories", "status", "standing",
    "entered_on", "standing_changed_on", "rectification_deadline", "revoked_on",
]  # fmt: skip
EXPERT_COLUMNS = [
    "expert_id", "name", "fields", "organisation", "title", "status",
    "registered_on", "deactivated_on",
]  # fmt: skip
SERVICE_COLUMNS = [
    "case_id", "window_id", "external_ref", "category", "channel", "opened_on",
    "provider_kind", "provider_name", "delivered_on", "delivery_mode", "fee_type",
    "fee_amount", "satisfaction", "closed_on", "cancelled_on", "status",
]  # fmt: skip


def _rows(tx: Tx, columns: list[str], sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [dict(zip(columns, row, strict=True)) for row in tx.fetchall(sql, params)]


def _split(rows: list[dict[str, Any]], column: str) -> list[dict[str, Any]]:
    """The comma-joined ``column`` of each row as a list."""
    for row in rows:
        row[column] = [item for item in row[column].split(",") if item]
    return rows


def participants(
    tx: Tx, *, kind: str | None, status: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    """Platforms and institutions in the order they entered the network (of a kind, a status)."""
    sql = f"SELECT {', '.join(PARTICIPANT_COLUMNS)} FROM {PARTICIPANTS} WHERE 1 = 1"
    params: list[Any] = []
    for column, value in (("kind", kind), ("status", status)):
        if value is not None:
            sql += f" AND {column} = ?"
            params.append(value)
    sql += " ORDER BY entered_on, id LIMIT ? OFFSET ?"
    return _split(_rows(tx, PARTICIPANT_COLUMNS, sql, [*params, limit, offset]), "categories")


def experts(tx: Tx) -> list[dict[str, Any]]:
    """The expert pool, in the order the experts were registered."""
    sql = f"SELECT {', '.join(EXPERT_COLUMNS)} FROM {EXPERTS} ORDER BY 7, 1"
    return _split(_rows(tx, EXPERT_COLUMNS, sql, []), "fields")


def enterprise_services(tx: Tx, *, uscc: str, window_id: str | None) -> list[dict[str, Any]]:
    """Every case of the enterprise ``uscc`` in the order opened (of one window, if given)."""
    sql = f"SELECT {', '.join(SERVICE_COLUMNS)} FROM {CASE_FACTS} WHERE uscc = ?"
    params: list[Any] = [uscc]
    if window_id is not None:
        sql += " AND window_id = ?"
        params.append(window_id)
    sql += " ORDER BY opened_at, case_id"
    return _rows(tx, SERVICE_COLUMNS, sql, params)
