"""What the verification of an evidence pack found (:mod:`evidence.verify`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from evidence.pack_reader import Failure
from evidence.pack_timestamp import AnchorTimestamp


@dataclass
class VerificationReport:
    kind: str = "unknown"
    events: int = 0
    checkpoints: int = 0
    tree_size: int = 0
    last_position: int = 0
    key_ids: list[str] = field(default_factory=list)
    witnesses: list[str] = field(default_factory=list)
    """The trusted witnesses that cosigned the anchor (with a witness policy)."""
    tiles: int = 0
    """The hash tiles of the anchor's tree in the pack, all checked against its root."""
    timestamp: AnchorTimestamp | None = None
    """The anchor's RFC 3161 timestamp: present or not, and whether it was verified."""
    warnings: list[str] = field(default_factory=list)
    failure: Failure | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None
