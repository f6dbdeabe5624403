"""RFC 6962 Merkle trees: hashes, the append frontier, audit paths and consistency proofs.

Definitions (RFC 6962 §2.1; verification as in RFC 9162 §2.1.3.2 and §2.1.4.2):

    MTH({})      = SHA-256()
    MTH({d0})    = SHA-256(0x00 || d0)                       the leaf hash
    MTH(D[n])    = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))
                   where k is the largest power of two smaller than n

Proofs are produced in two steps so that a store can serve them without holding the tree in
memory: :func:`inclusion_ranges` and :func:`consistency_ranges` say *which* subtrees a proof is
made of (as half-open leaf ranges, in proof order), and :func:`aligned_nodes` turns each range
into the complete, aligned subtrees ("nodes") whose hashes are stored. Every range in a proof
starts at a multiple of its largest power-of-two part, so it is always a run of stored nodes
followed, at the right edge of the tree, by smaller ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

HASH_SIZE = 32
LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()

Range = tuple[int, int]
"""Leaves ``[start, end)`` of a subtree."""
Node = tuple[int, int]
"""``(level, index)``: the complete subtree over leaves ``[index·2^level, (index+1)·2^level)``."""


class ProofError(ValueError):
    """A proof does not check out (wrong length, wrong hashes, impossible sizes)."""


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def split_point(n: int) -> int:
    """The largest power of two smaller than ``n`` (``n`` > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def fold_right(hashes: Sequence[bytes]) -> bytes:
    """The root of adjacent perfect subtrees, largest first: h0·(h1·(h2·…))."""
    if not hashes:
        return EMPTY_ROOT
    acc = hashes[-1]
    for h in reversed(hashes[:-1]):
        acc = node_hash(h, acc)
    return acc


def root_of(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH over leaf hashes, computed bottom-up (O(n), no recursion)."""
    frontier = Frontier()
    for h in leaf_hashes:
        frontier.append(h)
    return frontier.root()


# --- the append frontier -------------------------------------------------------------------------


@dataclass
class Frontier:
    """The right edge of a tree: one perfect subtree root per set bit of the size.

    Appending a leaf costs O(1) amortised hashing and reports the interior nodes it completes
    (so a store can keep them for proofs); the root costs O(log n).
    """

    size: int = 0
    hashes: list[bytes] = field(default_factory=list)
    """Roots of the perfect subtrees, from the largest (leftmost) to the smallest."""

    def append(self, leaf: bytes, completed: list[tuple[Node, bytes]] | None = None) -> None:
        """Add one leaf hash; complete subtrees of level ≥ 1 are appended to ``completed``."""
        self.size += 1
        carry, level, index, digest = self.size, 0, self.size - 1, leaf
        # Adding one leaf merges as many subtrees as the new size has trailing zero bits.
        while not carry & 1:
            digest = node_hash(self.hashes.pop(), digest)
            carry, level, index = carry >> 1, level + 1, index >> 1
            if completed is not None:
                completed.append(((level, index), digest))
        self.hashes.append(digest)

    def root(self) -> bytes:
        return fold_right(self.hashes)

    @classmethod
    def restore(cls, size: int, lookup: Callable[[Sequence[Node]], Sequence[bytes]]) -> Frontier:
        """The frontier of a tree of ``size`` leaves from its stored nodes."""
        return cls(size, list(lookup(frontier_nodes(size))))


def frontier_nodes(size: int) -> list[Node]:
    """The perfect subtrees of a tree of ``size`` leaves, leftmost first."""
    nodes: list[Node] = []
    start = 0
    for level in range(size.bit_length() - 1, -1, -1):
        if size >> level & 1:
            nodes.append((level, start >> level))
            start += 1 << level
    return nodes


# --- which subtrees a proof is made of ----------------------------------------------------------


def inclusion_ranges(index: int, size: int) -> list[Range]:
    """The subtrees of the audit path PATH(index, D[size]), leaf first (RFC 6962 §2.1.1)."""
    if not 0 <= index < size:
        msg = f"leaf index {index} is outside a tree of {size} leaves"
        raise ValueError(msg)
    ranges: list[Range] = []
    start, end = 0, size
    while end - start > 1:
        k = split_point(end - start)
        if index < start + k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start += k
    ranges.reverse()
    return ranges


def consistency_ranges(old_size: int, new_size: int) -> list[Range]:
    """The subtrees of PROOF(old_size, D[new_size]) (RFC 6962 §2.1.2), in proof order."""
    if not 0 < old_size <= new_size:
        msg = f"no consistency proof from {old_size} to {new_size} leaves"
        raise ValueError(msg)
    ranges: list[Range] = []

    def subproof(m: int, start: int, end: int, whole: bool) -> None:
        n = end - start
        if m == n:
            if not whole:
                ranges.append((start, end))
            return
        k = split_point(n)
        if m <= k:
            subproof(m, start, start + k, whole)
            ranges.append((start + k, end))
        else:
            subproof(m - k, start + k, end, False)
            ranges.append((start, start + k))

    if old_size < new_size:
        subproof(old_size, 0, new_size, True)
    return ranges


def aligned_nodes(start: int, end: int) -> list[Node]:
    """The stored nodes that make up the subtree ``[start, end)``, largest first."""
    nodes: list[Node] = []
    while start < end:
        level = (end - start).bit_length() - 1
        if start & ((1 << level) - 1):
            msg = f"[{start}, {end}) is not a subtree of an RFC 6962 tree"
            raise ValueError(msg)
        nodes.append((level, start >> level))
        start += 1 << level
    return nodes


def resolve(
    ranges: Iterable[Range], lookup: Callable[[Sequence[Node]], Sequence[bytes]]
) -> list[bytes]:
    """The hashes of ``ranges``, fetching every node they need in one ``lookup``."""
    per_range = [aligned_nodes(a, b) for a, b in ranges]
    wanted = sorted({node for nodes in per_range for node in nodes})
    found = dict(zip(wanted, lookup(wanted), strict=True))
    return [fold_right([found[node] for node in nodes]) for nodes in per_range]


# --- in memory (tests, offline verification) ------------------------------------------------------


class MemoryTree:
    """Every node of a tree, in memory: the reference the stores are tested against."""

    def __init__(self, leaf_hashes: Iterable[bytes] = ()) -> None:
        self.levels: list[list[bytes]] = [[]]
        for h in leaf_hashes:
            self.append(h)

    @property
    def size(self) -> int:
        return len(self.levels[0])

    def append(self, leaf: bytes) -> None:
        self.levels[0].append(leaf)
        level, index = 0, len(self.levels[0]) - 1
        while index & 1:
            left, right = self.levels[level][index - 1], self.levels[level][index]
            level, index = level + 1, index >> 1
            if len(self.levels) == level:
                self.levels.append([])
            self.levels[level].append(node_hash(left, right))

    def nodes(self, wanted: Sequence[Node]) -> list[bytes]:
        return [self.levels[level][index] for level, index in wanted]

    def root(self, size: int | None = None) -> bytes:
        size = self.size if size is None else size
        return fold_right(self.nodes(frontier_nodes(size)))

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        size = self.size if size is None else size
        return resolve(inclusion_ranges(index, size), self.nodes)

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        new_size = self.size if new_size is None else new_size
        return resolve(consistency_ranges(old_size, new_size), self.nodes)


# --- verification (RFC 9162 §2.1.3.2, §2.1.4.2) -------------------------------------------------


def _check_hashes(proof: Sequence[bytes], *hashes: bytes) -> None:
    if any(len(h) != HASH_SIZE for h in (*proof, *hashes)):
        msg = f"every hash must be {HASH_SIZE} bytes"
        raise ProofError(msg)


def root_from_inclusion_proof(index: int, size: int, leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """The root that ``proof`` leads to from ``leaf`` at ``index`` in a tree of ``size``."""
    _check_hashes(proof, leaf)
    if not 0 <= index < size:
        msg = f"leaf index {index} is outside a tree of {size} leaves"
        raise ProofError(msg)
    fn, sn = index, size - 1
    r = leaf
    for p in proof:
        if sn == 0:
            msg = "the inclusion proof is longer than the tree is deep"
            raise ProofError(msg)
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        msg = "the inclusion proof is shorter than the tree is deep"
        raise ProofError(msg)
    return r


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> None:
    """Raise :class:`ProofError` unless ``leaf`` is at ``index`` of the tree with ``root``."""
    if root_from_inclusion_proof(index, size, leaf, proof) != root:
        msg = f"the inclusion proof for leaf {index} does not lead to the root of tree size {size}"
        raise ProofError(msg)


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> None:
    """Raise :class:`ProofError` unless the tree ``new_root`` extends the tree ``old_root``."""
    _check_hashes(proof, old_root, new_root)
    if not 0 < old_size <= new_size:
        msg = f"no consistency proof exists from tree size {old_size} to {new_size}"
        raise ProofError(msg)
    if old_size == new_size:
        if proof:
            msg = "a proof between equal tree sizes must be empty"
            raise ProofError(msg)
        if old_root != new_root:
            msg = f"two different roots for tree size {old_size}"
            raise ProofError(msg)
        return
    if not proof:
        msg = "the consistency proof is empty"
        raise ProofError(msg)
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        # The old tree is a complete subtree: its root is the proof's implicit first node.
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            msg = "the consistency proof is longer than the trees are deep"
            raise ProofError(msg)
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        msg = "the consistency proof is shorter than the trees are deep"
        raise ProofError(msg)
    if fr != old_root:
        msg = f"the consistency proof does not lead to the root of tree size {old_size}"
        raise ProofError(msg)
    if sr != new_root:
        msg = f"the consistency proof does not lead to the root of tree size {new_size}"
        raise ProofError(msg)
