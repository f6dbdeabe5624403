"""A platform's security file as the API shows it, with the statuses that follow from the day."""

from __future__ import annotations

from datetime import date
from typing import Any

from typing_extensions import TypedDict

from ledger.application.interface import Resource, common, plain
from ledger.domain.security import SecurityFile


class GradingView(TypedDict):
    """The platform's classified protection grading (等级保护): its level (1-5, GB/T 22239),
    the filing number, the day graded, and the day its next review is due."""

    level: int
    filing_number: str
    graded_on: str
    next_review_on: str
    review_overdue: bool
    """Whether the review's day has passed, on the view's day, without a new grading."""


class InspectionView(TypedDict):
    """An inspection of the platform, numbered in the file, with its findings and their
    rectification; ``status`` is clear, open, overdue, rectified or rectified_late on the
    view's day."""

    number: int
    inspector_id: str | None
    """The hub that inspected a window; ``null`` for the bureau."""
    inspected_on: str
    findings: list[str]
    deadline: str | None
    rectified_on: str | None
    note: str | None
    status: str


class IncidentView(TypedDict):
    """A security incident the platform reported, numbered in the file, and its closure;
    ``status`` is open or closed."""

    number: int
    severity: str
    summary: str
    personal_data_involved: bool
    occurred_on: str
    closed_on: str | None
    measures: str | None
    reported_to: str | None
    status: str


class SecurityFileView(Resource):
    """A platform's information security file (Art. 6.2, 9.2) on a day (``on``): its grading,
    inspections and incidents, with the counts that follow from that day."""

    platform_id: str
    grading: GradingView | None
    inspections: list[InspectionView]
    incidents: list[IncidentView]
    open_findings: int
    """Inspections whose findings are not rectified yet."""
    overdue_findings: int
    """Of those, the ones past their deadline."""
    open_incidents: int
    on: str


class PlatformSecurityRow(TypedDict):
    """One platform's security at a glance (``null`` throughout for a platform with no file;
    the grading's fields ``null`` for one not graded)."""

    platform_id: str
    name: str
    kind: str
    level: int | None
    next_review_on: str | None
    review_overdue: bool | None
    open_findings: int | None
    overdue_findings: int | None
    open_incidents: int | None


class SecurityOverview(TypedDict):
    """Every platform's security on a day, in the order they entered the network."""

    on: str
    platforms: list[PlatformSecurityRow]


def _inspection_status(inspection: dict[str, Any], on: date) -> str:
    if not inspection["findings"]:
        return "clear"
    rectified, deadline = inspection["rectified_on"], inspection["deadline"]
    if rectified is not None:
        return "rectified_late" if rectified > deadline else "rectified"
    return "overdue" if deadline < on else "open"


def _grading_view(grading: dict[str, Any], review_overdue: bool) -> GradingView:
    return {
        "level": grading["level"],
        "filing_number": grading["filing_number"],
        "graded_on": plain(grading["graded_on"]),
        "next_review_on": plain(grading["next_review_on"]),
        "review_overdue": review_overdue,
    }


def _inspection_view(inspection: dict[str, Any], on: date) -> InspectionView:
    return {
        "number": inspection["number"],
        "inspector_id": plain(inspection["inspector_id"]),
        "inspected_on": plain(inspection["inspected_on"]),
        "findings": plain(inspection["findings"]),
        "deadline": plain(inspection["deadline"]),
        "rectified_on": plain(inspection["rectified_on"]),
        "note": inspection["note"],
        "status": _inspection_status(inspection, on),
    }


def _incident_view(incident: dict[str, Any]) -> IncidentView:
    return {
        "number": incident["number"],
        "severity": incident["severity"],
        "summary": incident["summary"],
        "personal_data_involved": incident["personal_data_involved"],
        "occurred_on": plain(incident["occurred_on"]),
        "closed_on": plain(incident["closed_on"]),
        "measures": incident["measures"],
        "reported_to": incident["reported_to"],
        "status": "open" if incident["closed_on"] is None else "closed",
    }


def security_file_view(file: SecurityFile, on: date) -> SecurityFileView:
    open_findings, overdue_findings = file.open_findings(on)
    grading = file.grading
    return {
        **common(file),
        "platform_id": plain(file.platform_id),
        "grading": None if grading is None else _grading_view(grading, file.review_overdue(on)),
        "inspections": [_inspection_view(i, on) for i in file.inspections],
        "incidents": [_incident_view(i) for i in file.incidents],
        "open_findings": open_findings,
        "overdue_findings": overdue_findings,
        "open_incidents": sum(1 for i in file.incidents if i["closed_on"] is None),
        "on": on.isoformat(),
    }
