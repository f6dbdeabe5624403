"""The network's participants as lists: every platform, every institution."""

from __future__ import annotations

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.errors import InstitutionNotFoundError, PlatformNotFoundError
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform


def list_platforms(
    ledger: LedgerCore, directory: Directory, page: Page = WHOLE
) -> Listed[Platform]:
    """Every platform, in the order it entered the network."""
    return listed(ledger, directory, "platform", Platform, PlatformNotFoundError, page)


def list_institutions(
    ledger: LedgerCore, directory: Directory, page: Page = WHOLE
) -> Listed[Institution]:
    """Every institution, in registration order."""
    return listed(ledger, directory, "institution", Institution, InstitutionNotFoundError, page)
