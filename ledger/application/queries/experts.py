"""Reads of the expert pool that scan the log."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.store import LedgerCore
from ledger.domain.errors import ExpertNotFoundError
from ledger.domain.expert import Expert


def list_experts(ledger: LedgerCore) -> list[Expert]:
    """Every expert ever registered, in registration order (found through the log)."""
    topic = get_topic(Expert.Registered)
    return [
        ledger.load(cast(UUID, n.originator_id), Expert, ExpertNotFoundError, "expert")
        for n in ledger.scan([topic])
    ]
