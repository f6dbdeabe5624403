"""Reads of many publications at once."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.store import LedgerCore
from ledger.domain.errors import PublicationNotFoundError
from ledger.domain.publication import Publication


def list_publications(ledger: LedgerCore) -> list[Publication]:
    """Every publication ever submitted, in submission order (found through the log)."""
    topic = get_topic(Publication.Submitted)
    return [
        ledger.load(
            cast(UUID, n.originator_id), Publication, PublicationNotFoundError, "publication"
        )
        for n in ledger.scan([topic])
    ]
