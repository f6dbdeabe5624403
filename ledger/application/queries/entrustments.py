"""The hub's entrustments as a list."""

from __future__ import annotations

from uuid import UUID

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.entrustment import Entrustment
from ledger.domain.errors import EntrustmentNotFoundError


def list_entrustments(
    ledger: LedgerCore, directory: Directory, page: Page = WHOLE, *, hub_id: UUID | None = None
) -> Listed[Entrustment]:
    """Entrustments (made by ``hub_id``), in the order they were made."""
    return listed(
        ledger, directory, "entrustment", Entrustment, EntrustmentNotFoundError, page,
        party_a=hub_id,
    )  # fmt: skip
