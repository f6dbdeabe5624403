"""Every platform's security file at a glance, for the hub, the bureau and auditors."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ledger.application.interface.security import PlatformSecurityRow, security_file_view
from ledger.application.ports import Directory
from ledger.application.queries.participants import list_platforms
from ledger.application.store import LedgerCore
from ledger.domain import ids
from ledger.domain.security import SecurityFile


def security_overview(
    ledger: LedgerCore, directory: Directory, on: date, *, only: UUID | None = None
) -> list[PlatformSecurityRow]:
    """One row per platform (``only`` that one), in the order they entered the network: its
    level and review, open and overdue findings, open incidents (a platform with no file has
    ``null`` for all of them)."""
    rows: list[PlatformSecurityRow] = []
    for platform in list_platforms(ledger, directory):
        if only is not None and platform.id != only:
            continue
        found = ledger.find(ids.security_file_id(platform.id))
        file = found if isinstance(found, SecurityFile) else None
        view = security_file_view(file, on) if file is not None else None
        grading = view["grading"] if view is not None else None
        rows.append(
            {
                "platform_id": str(platform.id),
                "name": platform.name,
                "kind": platform.kind.value,
                "level": grading["level"] if grading else None,
                "next_review_on": grading["next_review_on"] if grading else None,
                "review_overdue": grading["review_overdue"] if grading else None,
                "open_findings": view["open_findings"] if view else None,
                "overdue_findings": view["overdue_findings"] if view else None,
                "open_incidents": view["open_incidents"] if view else None,
            }
        )
    return rows
