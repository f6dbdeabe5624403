"""The network's participants as lists: every platform, every institution (found through the
log, by the events that brought them in)."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.store import LedgerCore
from ledger.domain.errors import InstitutionNotFoundError, PlatformNotFoundError
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform


def list_platforms(ledger: LedgerCore) -> list[Platform]:
    """Every platform, in the order it entered the network."""
    topics = [
        get_topic(Platform.RegisteredAsConnected),
        get_topic(Platform.ConnectedAfterOnboarding),
    ]
    return [
        ledger.load(cast(UUID, n.originator_id), Platform, PlatformNotFoundError, "platform")
        for n in ledger.scan(topics)
    ]


def list_institutions(ledger: LedgerCore) -> list[Institution]:
    """Every institution, in registration order."""
    topic = get_topic(Institution.Registered)
    return [
        ledger.load(
            cast(UUID, n.originator_id), Institution, InstitutionNotFoundError, "institution"
        )
        for n in ledger.scan([topic])
    ]
