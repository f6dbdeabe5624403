"""Views of closed periods and their approvals to enter what happened in them."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.domain.period import Allowance, Period


class AllowanceView(TypedDict):
    """The hub's approval for one platform (``null``: the network-wide roles) to enter what
    happened in a closed period, until a day (inclusive, on the ledger's clock)."""

    platform_id: str | None
    until: str
    reason: str
    granted_by: str
    """The actor who granted it."""


class PeriodView(Resource):
    """A closed year (``2025``) or month (``2025-03``), who closed it and when, and who may
    still enter what happened in it."""

    period: str
    closed: Literal[True]
    """Always true: a period is a resource only once closed."""
    closed_by: str
    closed_at: str
    note: str
    allowances: list[AllowanceView]


class PeriodList(PageFields):
    """The closed periods, in the order they were closed."""

    periods: list[PeriodView]


def _allowance(allowance: Allowance) -> AllowanceView:
    return {
        "platform_id": plain(allowance.platform_id),
        "until": allowance.until.isoformat(),
        "reason": allowance.reason,
        "granted_by": allowance.granted_by,
    }


def period_view(period: Period) -> PeriodView:
    return {
        **common(period),
        "period": str(period.label),
        "closed": True,
        "closed_by": period.closed_by,
        "closed_at": plain(period.closed_at),
        "note": period.note,
        "allowances": [_allowance(a) for a in period.allowances],
    }
