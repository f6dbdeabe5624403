"""The registers the views answer with, row by row: the participants with their standing, the
expert pool, everything one enterprise received (一企一策), and the case lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from typing_extensions import TypedDict

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


class CaseRow(TypedDict):
    """A service case as the service-cases view holds it: business dates (Ningxia) of its
    steps, the provider assigned, the delivery that stands (fee a decimal string), the rating."""

    case_id: str
    window_id: str
    external_ref: str
    uscc: str
    category: str
    channel: str
    opened_on: str
    provider_kind: str | None
    provider_id: str | None
    provider_name: str | None
    delivered_on: str | None
    delivery_mode: str | None
    fee_type: str | None
    fee_amount: str | None
    satisfaction: int | None
    closed_on: str | None
    cancelled_on: str | None
    voided_on: str | None
    status: str


CASE_COLUMNS = list(CaseRow.__annotations__)
"""The columns a case list reads: the row's fields, in order."""


@dataclass(frozen=True)
class CaseFilter:
    """Which cases a list holds; ``None`` does not filter. A first-level ``category`` (``14``)
    holds its items (``140300``) too."""

    window_id: str | None = None
    institution_id: str | None = None
    status: str | None = None
    category: str | None = None
    opened_from: date | None = None
    opened_to: date | None = None
    uscc: str | None = None
    external_ref: str | None = None


def cases(tx: Tx, where: CaseFilter, *, after: int, limit: int) -> tuple[list[CaseRow], int | None]:
    """Up to ``limit`` cases matching ``where``, opened after log position ``after``, in the
    order they were opened; and the position to read on from, if there are more.

    The order is the log's, so it never changes: a case opened while a reader pages through
    comes after every case already listed, and nothing is listed twice or skipped.
    """
    conditions: list[str] = ["opened_position > ?"]
    params: list[Any] = [after]
    if where.institution_id is not None:
        conditions.append("provider_kind = 'institution' AND provider_id = ?")
        params.append(where.institution_id)
    if where.category is not None:
        column = "category_group" if len(where.category) == 2 else "category"
        conditions.append(f"{column} = ?")
        params.append(where.category)
    for column, value in (
        ("window_id", where.window_id),
        ("status", where.status),
        ("uscc", where.uscc),
        ("external_ref", where.external_ref),
    ):
        if value is not None:
            conditions.append(f"{column} = ?")
            params.append(value)
    for condition, day in (
        ("opened_on >= ?", where.opened_from),
        ("opened_on <= ?", where.opened_to),
    ):
        if day is not None:
            conditions.append(condition)
            params.append(day.isoformat())
    sql = (
        f"SELECT {', '.join(CASE_COLUMNS)}, opened_position FROM {CASE_FACTS} "
        f"WHERE {' AND '.join(conditions)} ORDER BY opened_position LIMIT ?"
    )
    found = tx.fetchall(sql, [*params, limit + 1])  # one more says whether there are more
    rows = [cast(CaseRow, dict(zip(CASE_COLUMNS, row[:-1], strict=True))) for row in found[:limit]]
    more = len(found) > limit
    return rows, int(found[limit - 1][-1]) if more else None
