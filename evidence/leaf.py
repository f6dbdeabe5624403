"""The canonical bytes of a log entry: what a Merkle leaf commits to.

    leaf data = u64 position ‖ 16 raw bytes stream id ‖ u64 version
                ‖ u64 len(topic) ‖ topic (UTF-8) ‖ u64 len(state) ‖ state (exactly as stored)
    leaf hash = SHA-256(0x00 ‖ leaf data)

Integers are unsigned, big-endian, 8 bytes. The position (notification id) is part of the
leaf, so the leaf at tree index i also says *where* in the log it was: a rolled-back write
leaves a gap in positions but no hole in the tree, and a removed, moved or inserted event
changes a leaf or the sequence of positions.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from evidence.merkle import leaf_hash

_U64 = struct.Struct(">Q")


class StoredNotification(Protocol):
    """An event as the store holds it, at its position in the log."""

    @property
    def id(self) -> int: ...

    @property
    def originator_id(self) -> object: ...

    @property
    def originator_version(self) -> int: ...

    @property
    def topic(self) -> str: ...

    @property
    def state(self) -> bytes: ...


@dataclass(frozen=True)
class LogEntry:
    """One stored event as the seal sees it."""

    position: int
    stream_id: UUID
    version: int
    topic: str
    state: bytes

    @classmethod
    def of(cls, n: StoredNotification) -> LogEntry:
        stream_id = (
            n.originator_id if isinstance(n.originator_id, UUID) else UUID(str(n.originator_id))
        )
        return cls(n.id, stream_id, n.originator_version, n.topic, n.state)


def leaf_data(entry: LogEntry) -> bytes:
    topic = entry.topic.encode("utf-8")
    return b"".join(
        (
            _U64.pack(entry.position),
            entry.stream_id.bytes,
            _U64.pack(entry.version),
            _U64.pack(len(topic)),
            topic,
            _U64.pack(len(entry.state)),
            entry.state,
        )
    )


def entry_hash(entry: LogEntry) -> bytes:
    """The Merkle leaf hash of ``entry``."""
    return leaf_hash(leaf_data(entry))
