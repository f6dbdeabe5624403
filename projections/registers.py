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


class ParticipantRow(TypedDict):
    """A platform or institution of the network, with its standing (dates are Ningxia days)."""

    id: str
    kind: str
    """``hub``, ``window`` or ``institution``."""
    name: str
    uscc: str
    region: str
    categories: list[str]
    """The service categories it is registered for (none for the hub)."""
    status: str
    """``connected`` or ``registered`` on entering, ``active`` once an institution joined,
    ``revoked``."""
    standing: str
    entered_on: str
    standing_changed_on: str | None
    rectification_deadline: str | None
    """Set while it is ordered to rectify (and kept after)."""
    revoked_on: str | None


class ExpertRow(TypedDict):
    """An expert of the pool (专家库)."""

    expert_id: str
    name: str
    fields: list[str]
    organisation: str
    title: str
    status: str
    """``active`` or ``inactive``."""
    registered_on: str
    deactivated_on: str | None


class EnterpriseServiceRow(TypedDict):
    """One service case of the enterprise: who served it, how, what it cost, how it ended."""

    case_id: str
    window_id: str
    external_ref: str
    category: str
    channel: str
    opened_on: str
    provider_kind: str | None
    provider_name: str | None
    delivered_on: str | None
    delivery_mode: str | None
    fee_type: str | None
    fee_amount: str | None
    """A decimal amount in yuan, as text."""
    satisfaction: int | None
    """The enterprise's rating (1 to 5), once given."""
    closed_on: str | None
    cancelled_on: str | None
    status: str


PARTICIPANT_COLUMNS = list(ParticipantRow.__annotations__)
EXPERT_COLUMNS = list(ExpertRow.__annotations__)
SERVICE_COLUMNS = list(EnterpriseServiceRow.__annotations__)


def _rows(tx: Tx, columns: list[str], sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [dict(zip(columns, row, strict=True)) for row in tx.fetchall(sql, params)]


def _split(rows: list[dict[str, Any]], column: str) -> list[dict[str, Any]]:
    """The comma-joined ``column`` of each row as a list."""
    for row in rows:
        row[column] = [item for item in row[column].split(",") if item]
    return rows


def participants(
    tx: Tx, *, kind: str | None, status: str | None, limit: int, offset: int
) -> list[ParticipantRow]:
    """Platforms and institutions in the order they entered the network (of a kind, a status)."""
    sql = f"SELECT {', '.join(PARTICIPANT_COLUMNS)} FROM {PARTICIPANTS} WHERE 1 = 1"
    params: list[Any] = []
    for column, value in (("kind", kind), ("status", status)):
        if value is not None:
            sql += f" AND {column} = ?"
            params.append(value)
    sql += " ORDER BY entered_on, id LIMIT ? OFFSET ?"
    rows = _split(_rows(tx, PARTICIPANT_COLUMNS, sql, [*params, limit, offset]), "categories")
    return cast("list[ParticipantRow]", rows)


def experts(tx: Tx) -> list[ExpertRow]:
    """The expert pool, in the order the experts were registered."""
    sql = f"SELECT {', '.join(EXPERT_COLUMNS)} FROM {EXPERTS} ORDER BY registered_on, expert_id"
    return cast("list[ExpertRow]", _split(_rows(tx, EXPERT_COLUMNS, sql, []), "fields"))


def enterprise_services(tx: Tx, *, uscc: str, window_id: str | None) -> list[EnterpriseServiceRow]:
    """Every case of the enterprise ``uscc`` in the order opened (of one window, if given)."""
    sql = f"SELECT {', '.join(SERVICE_COLUMNS)} FROM {CASE_FACTS} WHERE uscc = ?"
    params: list[Any] = [uscc]
    if window_id is not None:
        sql += " AND window_id = ?"
        params.append(window_id)
    sql += " ORDER BY opened_at, case_id"
    return cast("list[EnterpriseServiceRow]", _rows(tx, SERVICE_COLUMNS, sql, params))


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
