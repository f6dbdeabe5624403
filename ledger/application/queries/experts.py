"""The expert pool as a list."""

from __future__ import annotations

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.errors import ExpertNotFoundError
from ledger.domain.expert import Expert


def list_experts(ledger: LedgerCore, directory: Directory, page: Page = WHOLE) -> Listed[Expert]:
    """Every expert ever registered, in registration order."""
    return listed(ledger, directory, "expert", Expert, ExpertNotFoundError, page)
