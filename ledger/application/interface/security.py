"""A platform's security file as the API shows it, with the statuses that follow from the day."""

from __future__ import annotations

from datetime import date
from typing import Any

from ledger.application.interface import common, plain
from ledger.domain.security import SecurityFile

JSON = dict[str, Any]


def _inspection_status(inspection: dict[str, Any], on: date) -> str:
    if not inspection["findings"]:
        return "clear"
    rectified, deadline = inspection["rectified_on"], inspection["deadline"]
    if rectified is not None:
        return "rectified_late" if rectified > deadline else "rectified"
    return "overdue" if deadline < on else "open"


def security_file_view(file: SecurityFile, on: date) -> JSON:
    open_findings, overdue_findings = file.open_findings(on)
    grading = file.grading
    return {
        **common(file),
        "platform_id": plain(file.platform_id),
        "grading": (
            None
            if grading is None
            else {**plain(grading), "review_overdue": file.review_overdue(on)}
        ),
        "inspections": [
            {**plain(i), "status": _inspection_status(i, on)} for i in file.inspections
        ],
        "incidents": [
            {**plain(i), "status": "open" if i["closed_on"] is None else "closed"}
            for i in file.incidents
        ],
        "open_findings": open_findings,
        "overdue_findings": overdue_findings,
        "open_incidents": sum(1 for i in file.incidents if i["closed_on"] is None),
        "on": on.isoformat(),
    }
