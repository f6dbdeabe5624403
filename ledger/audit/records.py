"""What the audit store keeps, and the interface the sealer, the proofs and the API rely on."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from evidence.checkpoint import Checkpoint
from evidence.merkle import Node
from ledger.domain.errors import LedgerError


@dataclass(frozen=True)
class SealedLeaf:
    """Leaf ``leaf_index`` of the tree is the event at ``position``."""

    leaf_index: int
    position: int
    leaf_hash: bytes


@dataclass(frozen=True)
class AccessRecord:
    """One request that touched ledger data (GB/T 22239-2019 8.1.4.3)."""

    at: datetime
    principal: str
    role: str
    method: str
    route: str
    resource_id: str | None
    status: int
    request_id: str


@dataclass(frozen=True)
class StoredAccessRecord:
    id: int
    record: AccessRecord


@dataclass(frozen=True)
class StoredCosignature:
    """A witness's cosignature of the checkpoint note of ``tree_size``: its signature line,
    exactly as the witness returned it (C2SP ``tlog-cosignature``)."""

    tree_size: int
    witness: str
    """``<key name>+<key ID, 8 hex digits>``: which witness key."""
    cosigned_at: datetime
    line: str


@dataclass(frozen=True)
class StoredTimestamp:
    """An RFC 3161 timestamp of the checkpoint note of ``tree_size``: the DER TimeStampResp the
    time-stamping authority returned (verified before it was kept)."""

    tree_size: int
    stamped_at: datetime
    """When the sealer received it (the operator's clock)."""
    gen_time: datetime
    """When the authority says it signed (its clock)."""
    reply: bytes


class SealConflictError(LedgerError):
    """Another sealer appended to the tree first; reload the tree and go on."""

    code = "seal_conflict"
    title = "Another sealer is running"


class AuditStore(Protocol):
    """Leaves, interior nodes, checkpoints, public keys and access records."""

    # --- the tree --------------------------------------------------------------------------
    def tree_size(self) -> int: ...

    def last_leaf(self) -> SealedLeaf | None: ...

    def nodes(self, wanted: Sequence[Node]) -> list[bytes]:
        """Hashes of stored nodes; level 0 are leaf hashes. Missing nodes raise ``KeyError``."""
        ...

    def hashes_at(self, level: int, start: int, end: int) -> list[bytes]:
        """The stored hashes ``(level, i)`` for ``i`` in ``[start, end)``, in order (level 0:
        leaf hashes); fewer if some are not stored."""
        ...

    def append(
        self,
        expected_size: int,
        leaves: Sequence[SealedLeaf],
        nodes: Sequence[tuple[Node, bytes]],
        checkpoint: Checkpoint | None,
        note: bytes | None = None,
    ) -> None:
        """Add ``leaves`` (and their completed nodes, a checkpoint and its signed note) in one
        transaction.

        Raises :class:`SealConflictError` unless the tree still has ``expected_size`` leaves.
        """
        ...

    def add_checkpoint(self, checkpoint: Checkpoint) -> None: ...

    def add_note(self, tree_size: int, note: bytes) -> None:
        """Keep the signed note of the checkpoint of ``tree_size`` (C2SP ``tlog-checkpoint``)."""
        ...

    def register_key(self, key_id: str, public_pem: str) -> None: ...

    # --- witness cosignatures (ledger.audit.witnessing) ---------------------------------------
    def add_cosignature(self, cosignature: StoredCosignature) -> None:
        """Keep a witness's cosignature of a checkpoint note (the first one, if it has two)."""
        ...

    def cosignatures(self, tree_size: int) -> list[StoredCosignature]:
        """The cosignatures of the checkpoint note of ``tree_size``, by witness."""
        ...

    def last_cosigned(self, witness: str) -> int | None:
        """The largest tree size ``witness`` cosigned, if any."""
        ...

    # --- reading ----------------------------------------------------------------------------
    def latest_checkpoint(self) -> Checkpoint | None: ...

    def checkpoint(self, tree_size: int) -> Checkpoint | None: ...

    def checkpoint_covering(self, position: int) -> Checkpoint | None:
        """The first checkpoint whose tree includes ``position``."""
        ...

    def checkpoints(self, up_to_size: int | None = None) -> list[Checkpoint]: ...

    def latest_note(self) -> tuple[int, bytes] | None:
        """The tree size and signed note of the largest checkpoint that has one."""
        ...

    def note(self, tree_size: int) -> bytes | None: ...

    def leaf_at(self, position: int) -> SealedLeaf | None: ...

    def leaves(self, start: int, end: int, page: int = 5000) -> Iterator[SealedLeaf]:
        """Leaves with index in ``[start, end)``, in order."""
        ...

    def public_keys(self) -> dict[str, str]:
        """PEM by key id."""
        ...

    def events_after(self, position: int) -> int:
        """How many events the log holds above ``position``."""
        ...

    # --- access records ---------------------------------------------------------------------
    def write_access(self, records: Sequence[AccessRecord]) -> None: ...

    def select_access(
        self,
        *,
        principal: str | None,
        since: datetime | None,
        until: datetime | None,
        after_id: int,
        limit: int,
    ) -> list[StoredAccessRecord]: ...

    # --- RFC 3161 timestamps (ledger.audit.timestamping) -------------------------------------
    def add_timestamp(self, stamp: StoredTimestamp) -> None:
        """Keep a verified timestamp of a checkpoint note (the first one, if it has two)."""
        ...

    def timestamp(self, tree_size: int) -> StoredTimestamp | None:
        """The timestamp of the checkpoint note of ``tree_size``, if one was obtained."""
        ...

    def unstamped_notes(self, limit: int) -> list[tuple[int, bytes]]:
        """At most ``limit`` checkpoint notes without a timestamp, largest tree size first."""
        ...
