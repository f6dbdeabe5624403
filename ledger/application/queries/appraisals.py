"""Reads of appraisals across the log."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.store import LedgerCore
from ledger.domain.appraisal import Appraisal
from ledger.domain.errors import AppraisalNotFoundError


def list_appraisals(ledger: LedgerCore, *, year: int | None = None) -> list[Appraisal]:
    """Every appraisal (of ``year``), in the order they were computed (through the log)."""
    found = [
        ledger.load(cast(UUID, n.originator_id), Appraisal, AppraisalNotFoundError, "appraisal")
        for n in ledger.scan([get_topic(Appraisal.Computed)])
    ]
    return [a for a in found if year is None or a.year == year]
