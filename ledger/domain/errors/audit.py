"""Seals, checkpoints and proofs."""

from __future__ import annotations

from ledger.domain.errors.base import ConflictError, NotFoundError, RuleViolationError

__all__ = [
    "EntryTooLargeError",
    "InvalidTreeRangeError",
    "NoCheckpointError",
    "NoTimestampError",
    "PositionNotFoundError",
    "PositionNotSealedError",
    "TileNotSealedError",
    "UnknownTreeSizeError",
]


class NoCheckpointError(NotFoundError):
    code = "no_checkpoint"
    title = "No checkpoint yet"


class NoTimestampError(NotFoundError):
    code = "no_timestamp"
    title = "No RFC 3161 timestamp of that checkpoint"


class UnknownTreeSizeError(NotFoundError):
    code = "unknown_tree_size"
    title = "No checkpoint of that tree size"


class PositionNotSealedError(NotFoundError):
    code = "position_not_sealed"
    title = "Position not sealed yet"


class PositionNotFoundError(NotFoundError):
    code = "position_not_found"
    title = "No event at that position"


class InvalidTreeRangeError(RuleViolationError):
    code = "invalid_tree_range"
    title = "Invalid pair of tree sizes"


class TileNotSealedError(NotFoundError):
    code = "tile_not_sealed"
    title = "Tile beyond the latest checkpoint"


class EntryTooLargeError(ConflictError):
    """An entry longer than an entry bundle's uint16 length prefix can say (C2SP tlog-tiles)."""

    code = "entry_too_large"
    title = "Entry too large for an entry bundle"
