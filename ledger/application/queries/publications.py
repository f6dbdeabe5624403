"""Publications as a list."""

from __future__ import annotations

from collections.abc import Callable

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.errors import PublicationNotFoundError
from ledger.domain.publication import Publication


def list_publications(
    ledger: LedgerCore,
    directory: Directory,
    page: Page = WHOLE,
    keep: Callable[[Publication], bool] | None = None,
) -> Listed[Publication]:
    """Every publication ever submitted (that ``keep`` keeps), in submission order."""
    return listed(
        ledger, directory, "publication", Publication, PublicationNotFoundError, page, keep
    )
