"""The network's participants as lists: every platform, every institution."""

from __future__ import annotations

from ledger.application.ports import Directory
from ledger.application.queries.listing import listed
from ledger.application.store import LedgerCore
from ledger.domain.errors import InstitutionNotFoundError, PlatformNotFoundError
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform


def list_platforms(ledger: LedgerCore, directory: Directory) -> list[Platform]:
    """Every platform, in the order it entered the network."""
    return listed(ledger, directory, "platform", Platform, PlatformNotFoundError)


def list_institutions(ledger: LedgerCore, directory: Directory) -> list[Institution]:
    """Every institution, in registration order."""
    return listed(ledger, directory, "institution", Institution, InstitutionNotFoundError)
