"""Idempotency records (``ledger.application.ports``) as the recorders store them.

A record is written by the event store's recorder in the same transaction as the command's
events, so an acknowledged write and its record can never be separated by a crash: either both
are there, or neither is and the retry simply runs the command.
"""

from __future__ import annotations

from uuid import UUID

from ledger.application.ports import IdempotencyRecord


def positions_for(
    records: tuple[IdempotencyRecord, ...],
    anchors: list[tuple[UUID, int]],
    notification_ids: list[int],
) -> list[int]:
    """The notification id of each record's anchor event among the events just inserted."""
    by_anchor = dict(zip(anchors, notification_ids, strict=True))
    return [by_anchor[(r.anchor_id, r.anchor_version)] for r in records]
