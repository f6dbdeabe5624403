"""Service agreements as lists: every one, or those a party or a principal may read."""

from __future__ import annotations

from uuid import UUID

from ledger.application.context import Principal
from ledger.application.handlers.agreements import PARTY_ROLES
from ledger.application.ports import Directory
from ledger.application.queries.listing import listed
from ledger.application.store import LedgerCore
from ledger.domain.agreement import Agreement
from ledger.domain.errors import AgreementNotFoundError


def list_agreements(
    ledger: LedgerCore, directory: Directory, party_id: UUID | None = None
) -> list[Agreement]:
    """Every agreement (``party_id`` a party to), in the order proposed."""
    return listed(ledger, directory, "agreement", Agreement, AgreementNotFoundError, party=party_id)


def agreements_visible_to(
    ledger: LedgerCore,
    directory: Directory,
    principal: Principal,
    party_id: UUID | None = None,
) -> list[Agreement]:
    """The agreements ``principal`` may read (``party_id`` a party to), in the order proposed:
    a window or an institution reads only those it is a party to."""
    if principal.role in PARTY_ROLES:
        return [
            a
            for a in list_agreements(ledger, directory, principal.platform_id)
            if party_id is None or a.is_party(party_id)
        ]
    return list_agreements(ledger, directory, party_id)
