"""Plain views of data reports."""

from __future__ import annotations

from ledger.application.interface import JSON, common, plain
from ledger.domain.data_report import DataReport


def data_report_view(report: DataReport) -> JSON:
    period = report.period
    return {
        **common(report),
        "window_id": plain(report.window_id),
        "hub_id": plain(report.hub_id),
        "period": period.text if period is not None else None,
        "kind": period.kind.value if period is not None else None,
        "period_starts_on": plain(period.first_day if period is not None else None),
        "period_ends_on": plain(period.last_day if period is not None else None),
        "due_on": plain(report.due_on),
        "status": report.status.value,
        "requested_at": plain(report.requested_at),
        "late": report.late,
        "submissions": plain(report.submissions),
        "returns": [{"reasons": list(reasons)} for reasons in report.returns],
        "acceptance_note": report.acceptance_note,
    }
