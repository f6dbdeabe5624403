"""Checking a log from its tiles (C2SP ``tlog-tiles``) against a checkpoint note.

The tiles are read through a *tile reader*, any callable from a tile path (``tile/0/001``,
:mod:`evidence.tile_path`) to its bytes: an HTTP client, a directory, a dict. Nothing a reader
returns is trusted: every hash is checked against the root of a verified checkpoint note
(:func:`evidence.checkpoint_note.verify_checkpoint_note`), either through a proof that leads to
it or by recomputing the root from the tiles themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from evidence.checkpoint_note import TreeHead
from evidence.merkle import (
    HASH_SIZE,
    Node,
    consistency_ranges,
    fold_right,
    frontier_nodes,
    inclusion_ranges,
    leaf_hash,
    resolve,
    root_of,
    verify_consistency,
    verify_inclusion,
)
from evidence.tile_path import TILE_HEIGHT, Tile, decode_bundle, tile_for, tiles_of

TileReader = Callable[[str], bytes]
"""A tile's bytes by its path, e.g. ``tile/1/000.p/3`` (raise to say it is missing)."""


class TileError(ValueError):
    """Tiles that are missing, malformed, or do not add up to the checkpoint's root."""


class TiledTree:
    """The hashes of a tree of ``size`` leaves, read from its tiles as needed, each tile once."""

    def __init__(self, size: int, read: TileReader) -> None:
        self.size = size
        self.read = read
        self._tiles: dict[Tile, list[bytes]] = {}

    def tile(self, tile: Tile) -> list[bytes]:
        """The hashes of ``tile`` (its length checked; its hashes not yet)."""
        if tile not in self._tiles:
            data = self.read(tile.path)
            if len(data) != tile.width * HASH_SIZE:
                msg = f"{tile.path} is {len(data)} bytes, not {tile.width} hashes"
                raise TileError(msg)
            self._tiles[tile] = [data[i : i + HASH_SIZE] for i in range(0, len(data), HASH_SIZE)]
        return self._tiles[tile]

    def node(self, node: Node) -> bytes:
        """The hash of the complete subtree ``(height, index)``, from the tile below it."""
        height, index = node
        level, above = divmod(height, TILE_HEIGHT)
        first = index << above
        tile = tile_for(level, first, self.size)
        start = first - tile.first
        return root_of(self.tile(tile)[start : start + (1 << above)])

    def nodes(self, wanted: Sequence[Node]) -> list[bytes]:
        return [self.node(node) for node in wanted]

    def root(self) -> bytes:
        return fold_right(self.nodes(frontier_nodes(self.size)))


@dataclass(frozen=True)
class TiledTreeReport:
    """What :func:`verify_tree_from_tiles` checked."""

    tree_size: int
    tiles: int
    entries: int


def verify_tree_from_tiles(
    head: TreeHead, read: TileReader, *, entries: bool = False
) -> TiledTreeReport:
    """Read every tile of ``head``'s tree and check that they make up its root.

    The root is recomputed from the tiles that hold the tree's right edge, and every full tile
    is checked against its hash in the level above, so every hash of every tile is bound to the
    signed root. With ``entries``, every entry bundle is read too and each entry must hash to
    its leaf. Raises :class:`TileError` at the first tile that does not check out.
    """
    tree = TiledTree(head.tree_size, read)
    if head.tree_size == 0:
        return TiledTreeReport(0, 0, 0)
    if tree.root() != head.root_hash:
        msg = f"the tiles do not make up the root of the checkpoint of tree size {head.tree_size}"
        raise TileError(msg)
    tiles = tiles_of(head.tree_size)
    for tile in tiles:
        if tile.partial:
            continue  # its every hash is on the tree's right edge: part of the root above
        parent = tile_for(tile.level + 1, tile.index, head.tree_size)
        if root_of(tree.tile(tile)) != tree.tile(parent)[tile.index - parent.first]:
            msg = f"{tile.path} does not hash to its entry in {parent.path}"
            raise TileError(msg)
    checked = 0
    if entries:
        for tile in (t for t in tiles if t.level == 0):
            checked += _check_bundle(tree, tile)
    return TiledTreeReport(head.tree_size, len(tiles), checked)


def _check_bundle(tree: TiledTree, tile: Tile) -> int:
    bundle = tile.entries()
    try:
        found = decode_bundle(tree.read(bundle.path), tile.width)
    except ValueError as e:
        raise TileError(f"{bundle.path}: {e}") from e
    for i, (entry, expected) in enumerate(zip(found, tree.tile(tile), strict=True)):
        if leaf_hash(entry) != expected:
            msg = f"entry {tile.first + i} in {bundle.path} does not hash to its leaf"
            raise TileError(msg)
    return len(found)


def prove_inclusion_from_tiles(
    head: TreeHead, index: int, leaf: bytes, read: TileReader
) -> list[bytes]:
    """The audit path of leaf hash ``leaf`` at ``index``, built from tiles and checked against
    ``head``'s root; raises :class:`evidence.merkle.ProofError` if it does not lead there."""
    tree = TiledTree(head.tree_size, read)
    path = resolve(inclusion_ranges(index, head.tree_size), tree.nodes)
    verify_inclusion(index, head.tree_size, leaf, path, head.root_hash)
    return path


def prove_consistency_from_tiles(old: TreeHead, new: TreeHead, read: TileReader) -> list[bytes]:
    """The proof that ``new``'s tree extends ``old``'s, built from ``new``'s tiles and checked
    against both roots; raises :class:`evidence.merkle.ProofError` if it does not."""
    tree = TiledTree(new.tree_size, read)
    proof = resolve(consistency_ranges(old.tree_size, new.tree_size), tree.nodes)
    verify_consistency(old.tree_size, new.tree_size, old.root_hash, new.root_hash, proof)
    return proof
