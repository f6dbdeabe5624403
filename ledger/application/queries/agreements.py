"""Listing service agreements: rare, on no write path, so found through the log (like the other
list queries) rather than through the pairs' indexes."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.context import Principal
from ledger.application.handlers.agreements import PARTY_ROLES
from ledger.application.store import LedgerCore
from ledger.domain.agreement import Agreement
from ledger.domain.errors import AgreementNotFoundError


def list_agreements(ledger: LedgerCore, party_id: UUID | None = None) -> list[Agreement]:
    """Every agreement (``party_id`` a party to), in the order proposed (through the log)."""
    found: list[Agreement] = []
    for notification in ledger.scan([get_topic(Agreement.Proposed)]):
        proposed = cast(Agreement.Proposed, ledger.mapper.to_domain_event(notification))
        if party_id is None or party_id in (proposed.proposer_id, proposed.counterparty_id):
            found.append(
                ledger.load(proposed.originator_id, Agreement, AgreementNotFoundError, "agreement")
            )
    return found


def agreements_visible_to(
    ledger: LedgerCore, principal: Principal, party_id: UUID | None = None
) -> list[Agreement]:
    """The agreements ``principal`` may read (``party_id`` a party to), in the order proposed:
    a window or an institution reads only those it is a party to."""
    if principal.role in PARTY_ROLES:
        return [
            a
            for a in list_agreements(ledger, principal.platform_id)
            if party_id is None or a.is_party(party_id)
        ]
    return list_agreements(ledger, party_id)
