"""Idempotency records (``ledger.application.ports``) as the recorders store them, and what an
erasure removes with its event.

A record is written by the event store's recorder in the same transaction as the command's
events, so an acknowledged write and its record can never be separated by a crash: either both
are there, or neither is and the retry simply runs the command.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from ledger.application.ports import IdempotencyRecord


def positions_for(
    records: tuple[IdempotencyRecord, ...],
    anchors: list[tuple[UUID, int]],
    notification_ids: list[int],
) -> list[int]:
    """The notification id of each record's anchor event among the events just inserted."""
    by_anchor = dict(zip(anchors, notification_ids, strict=True))
    return [by_anchor[(r.anchor_id, r.anchor_version)] for r in records]


def erased_subjects(stored_events: Sequence[StoredEvent], topics: Iterable[str]) -> list[UUID]:
    """The streams whose personal information the events being inserted erase: their keys and
    idempotency records go in the same transaction (``ledger.application.personal_data``)."""
    erasing = set(topics)
    found = {UUID(str(e.originator_id)) for e in stored_events if e.topic in erasing}
    return sorted(found)
