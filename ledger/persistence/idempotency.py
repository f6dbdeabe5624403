"""Idempotency records: the response to a command, kept so a retry gets the same answer.

A record is written by the event store's recorder in the same transaction as the command's
events, so an acknowledged write and its record can never be separated by a crash: either both
are there, or neither is and the retry simply runs the command.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True)
class IdempotencyRecord:
    """What to write beside a command's events."""

    scope: str
    """Whose key space this is (the principal), so clients never see each other's keys."""
    key: str
    fingerprint: str
    """SHA-256 of the request (method, route, body): a reused key must carry the same request."""
    status: int
    resource_type: str
    resource_id: UUID
    version: int
    body: bytes
    """The response body as JSON, without the log position (filled in by the recorder)."""
    anchor_id: UUID
    anchor_version: int
    """The command's last event: its notification id becomes the record's position."""


@dataclass(frozen=True)
class IdempotentResult:
    """A stored response, as found when the same key comes back."""

    fingerprint: str
    status: int
    resource_type: str
    resource_id: UUID
    version: int
    body: bytes
    position: int


def positions_for(
    records: tuple[IdempotencyRecord, ...],
    anchors: list[tuple[UUID, int]],
    notification_ids: list[int],
) -> list[int]:
    """The notification id of each record's anchor event among the events just inserted."""
    by_anchor = dict(zip(anchors, notification_ids, strict=True))
    return [by_anchor[(r.anchor_id, r.anchor_version)] for r in records]
