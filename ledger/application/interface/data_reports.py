"""Plain views of data reports."""

from __future__ import annotations

from typing_extensions import TypedDict

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.domain.data_report import DataReport, SubmissionRecord
from ledger.domain.errors import DataReportNotFoundError


class ReportSubmissionView(TypedDict):
    """One submission of the report: the day, whether it was after the due date, the named
    counts and the SHA-256 of the report file (if one was sent)."""

    submitted_on: str
    late: bool
    figures: dict[str, int]
    document_sha256: str | None


class ReportReturnView(TypedDict):
    """One return of the report to the window, with the hub's reasons."""

    reasons: list[str]


class DataReportView(Resource):
    """A window's data report for one period, from the hub's request to its acceptance; dates
    and times in ISO 8601."""

    window_id: str
    hub_id: str
    period: str
    """The period as requested: "2026-03" (a month) or "2026-Q1" (a quarter)."""
    kind: str
    period_starts_on: str
    period_ends_on: str
    due_on: str
    status: str
    requested_at: str
    late: bool | None
    """Whether the first submission was after the due date (``null`` until then)."""
    submissions: list[ReportSubmissionView]
    returns: list[ReportReturnView]
    acceptance_note: str | None


class DataReportList(PageFields):
    """The matching reports, in the order they were requested."""

    reports: list[DataReportView]


def _submission_view(submission: SubmissionRecord) -> ReportSubmissionView:
    return {
        "submitted_on": submission.submitted_on.isoformat(),
        "late": submission.late,
        "figures": dict(submission.figures),
        "document_sha256": submission.document_sha256,
    }


def data_report_view(report: DataReport) -> DataReportView:
    period = report.period
    if period is None:  # pragma: no cover - a report is created by its request, for a period
        raise DataReportNotFoundError(f"No data report with id {report.id}.", id=str(report.id))
    return {
        **common(report),
        "window_id": plain(report.window_id),
        "hub_id": plain(report.hub_id),
        "period": period.text,
        "kind": period.kind.value,
        "period_starts_on": period.first_day.isoformat(),
        "period_ends_on": period.last_day.isoformat(),
        "due_on": plain(report.due_on),
        "status": report.status.value,
        "requested_at": plain(report.requested_at),
        "late": report.late,
        "submissions": [_submission_view(s) for s in report.submissions],
        "returns": [{"reasons": list(reasons)} for reasons in report.returns],
        "acceptance_note": report.acceptance_note,
    }
