"""Views of closed periods and their approvals to enter what happened in them."""

from __future__ import annotations

from ledger.application.interface import JSON, common, plain
from ledger.domain.period import Period


def period_view(period: Period) -> JSON:
    return {
        **common(period),
        "period": str(period.label),
        "closed": True,
        "closed_by": period.closed_by,
        "closed_at": plain(period.closed_at),
        "note": period.note,
        "allowances": [
            {
                "platform_id": plain(a.platform_id),
                "until": a.until.isoformat(),
                "reason": a.reason,
                "granted_by": a.granted_by,
            }
            for a in period.allowances
        ],
    }
