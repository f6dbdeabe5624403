"""Proofs served from the store: inclusion of an event (by log position) and consistency of
two checkpoints. Every proof is against a signed checkpoint, so a verifier has a root to trust.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing_extensions import TypedDict

from evidence.checkpoint import Checkpoint
from evidence.merkle import consistency_ranges, inclusion_ranges, resolve
from ledger.audit.records import AuditStore, SealedLeaf
from ledger.domain.errors import (
    InvalidTreeRangeError,
    NoCheckpointError,
    PositionNotFoundError,
    PositionNotSealedError,
    UnknownTreeSizeError,
)


class CheckpointView(TypedDict):
    """A signed checkpoint: the tree size, its root (lowercase hex), the log position of its
    last leaf and when it was sealed; the id of the key that signed it, the Ed25519 signature
    (hex), and the message signed, which these fields spell out (docs/audit.md)."""

    tree_size: int
    root_hash: str
    last_position: int
    sealed_at: str
    key_id: str
    signature: str
    signed_message: str


def checkpoint_view(cp: Checkpoint) -> CheckpointView:
    """``cp`` as the audit API shows it: its JSON form, with the message its signature signs."""
    return {**cp.to_json(), "signed_message": cp.message.decode()}


class InclusionProofView(TypedDict):
    """Proof that the event at a log position is leaf ``leaf_index`` of the checkpoint's tree:
    the leaf's hash and its audit path to the checkpoint's root (RFC 6962; hashes in lowercase
    hex)."""

    position: int
    leaf_index: int
    leaf_hash: str
    tree_size: int
    path: list[str]
    checkpoint: CheckpointView


ConsistencyProofView = TypedDict(
    "ConsistencyProofView",
    {
        "from": int,
        "to": int,
        "path": list[str],
        "from_checkpoint": CheckpointView,
        "to_checkpoint": CheckpointView,
    },
)
ConsistencyProofView.__doc__ = """Proof that the tree of the later checkpoint (``to``) extends
the tree of the earlier one (``from``): the consistency proof (RFC 6962; hashes in lowercase
hex) and both checkpoints."""


@dataclass(frozen=True)
class InclusionProof:
    leaf: SealedLeaf
    checkpoint: Checkpoint
    path: list[bytes]

    def to_json(self) -> InclusionProofView:
        return {
            "position": self.leaf.position,
            "leaf_index": self.leaf.leaf_index,
            "leaf_hash": self.leaf.leaf_hash.hex(),
            "tree_size": self.checkpoint.tree_size,
            "path": [h.hex() for h in self.path],
            "checkpoint": checkpoint_view(self.checkpoint),
        }


@dataclass(frozen=True)
class ConsistencyProof:
    old: Checkpoint
    new: Checkpoint
    path: list[bytes]

    def to_json(self) -> ConsistencyProofView:
        return {
            "from": self.old.tree_size,
            "to": self.new.tree_size,
            "path": [h.hex() for h in self.path],
            "from_checkpoint": checkpoint_view(self.old),
            "to_checkpoint": checkpoint_view(self.new),
        }


class AuditProofs:
    def __init__(self, store: AuditStore) -> None:
        self.store = store

    def latest(self) -> Checkpoint:
        cp = self.store.latest_checkpoint()
        if cp is None:
            msg = "Nothing has been sealed yet. Checkpoints appear once the sealer has run."
            raise NoCheckpointError(msg)
        return cp

    def checkpoint(self, tree_size: int) -> Checkpoint:
        cp = self.store.checkpoint(tree_size)
        if cp is None:
            latest = self.store.latest_checkpoint()
            hint = f" The latest is {latest.tree_size}." if latest else ""
            msg = f"No checkpoint has tree size {tree_size}.{hint}"
            raise UnknownTreeSizeError(msg, tree_size=tree_size)
        return cp

    def inclusion(self, position: int, tree_size: int | None = None) -> InclusionProof:
        cp = self.latest() if tree_size is None else self.checkpoint(tree_size)
        leaf = self.store.leaf_at(position)
        if leaf is None or leaf.leaf_index >= cp.tree_size:
            if position <= cp.last_position and leaf is None:
                msg = f"The log has no event at position {position} (positions can have gaps)."
                raise PositionNotFoundError(msg, position=position)
            msg = (
                f"Position {position} is not in the checkpoint of tree size {cp.tree_size} "
                f"(it reaches position {cp.last_position}). Ask again after the next checkpoint."
            )
            raise PositionNotSealedError(msg, position=position)
        path = resolve(inclusion_ranges(leaf.leaf_index, cp.tree_size), self.store.nodes)
        return InclusionProof(leaf, cp, path)

    def consistency(self, old_size: int, new_size: int) -> ConsistencyProof:
        if not 0 < old_size <= new_size:
            msg = (
                f"A consistency proof goes from a smaller tree to a larger one (got {old_size} "
                f"to {new_size}); both must be tree sizes of checkpoints."
            )
            raise InvalidTreeRangeError(msg)
        old, new = self.checkpoint(old_size), self.checkpoint(new_size)
        path = resolve(consistency_ranges(old_size, new_size), self.store.nodes)
        return ConsistencyProof(old, new, path)
