"""Service agreements as lists: every one, or those a party or a principal may read."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from ledger.application.context import Principal
from ledger.application.handlers.agreements import PARTY_ROLES
from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.agreement import Agreement
from ledger.domain.errors import AgreementNotFoundError


def list_agreements(
    ledger: LedgerCore,
    directory: Directory,
    party_id: UUID | None = None,
    page: Page = WHOLE,
    keep: Callable[[Agreement], bool] | None = None,
) -> Listed[Agreement]:
    """Every agreement (``party_id`` a party to, ``keep`` keeps), in the order proposed."""
    return listed(
        ledger, directory, "agreement", Agreement, AgreementNotFoundError, page, keep,
        party=party_id,
    )  # fmt: skip


def agreements_visible_to(
    ledger: LedgerCore,
    directory: Directory,
    principal: Principal,
    party_id: UUID | None = None,
    page: Page = WHOLE,
) -> Listed[Agreement]:
    """The agreements ``principal`` may read (``party_id`` a party to), in the order proposed:
    a window or an institution reads only those it is a party to."""
    if principal.role in PARTY_ROLES:
        keep = None if party_id is None else (lambda a: a.is_party(party_id))
        return list_agreements(ledger, directory, principal.platform_id, page, keep)
    return list_agreements(ledger, directory, party_id, page)
