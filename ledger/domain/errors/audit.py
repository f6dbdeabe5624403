"""Seals, checkpoints and proofs."""

from __future__ import annotations

from ledger.domain.errors.base import NotFoundError, RuleViolationError

__all__ = [
    "InvalidTreeRangeError",
    "NoCheckpointError",
    "PositionNotFoundError",
    "PositionNotSealedError",
    "UnknownTreeSizeError",
]


class NoCheckpointError(NotFoundError):
    code = "no_checkpoint"
    title = "No checkpoint yet"


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
