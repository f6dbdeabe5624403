"""C2SP tlog-tiles in the offline verifier: paths as the spec writes them, the tiles a tree has,
entry bundles, and trees, inclusion and consistency checked from tiles against a root."""

from __future__ import annotations

import pytest

from evidence.checkpoint_note import TreeHead
from evidence.merkle import MemoryTree, ProofError, leaf_hash
from evidence.tile_path import (
    ENTRIES,
    MAX_ENTRY_BYTES,
    BundleError,
    Tile,
    TilePathError,
    decode_bundle,
    encode_bundle,
    parse_tile_path,
    tiles_of,
)
from evidence.tiles import (
    TiledTree,
    TileError,
    prove_consistency_from_tiles,
    prove_inclusion_from_tiles,
    verify_tree_from_tiles,
)

ORIGIN = "sme-ledger.nx/tiles-test"


@pytest.mark.parametrize(
    ("tile", "path"),
    [
        (Tile(0, 0), "tile/0/000"),
        (Tile(0, 1234067), "tile/0/x001/x234/067"),
        (Tile(4, 1234067, 8), "tile/4/x001/x234/067.p/8"),
        (Tile(1, 1000, 1), "tile/1/x001/000.p/1"),
        (Tile(63, 5, 255), "tile/63/005.p/255"),
        (Tile(ENTRIES, 1234067, 8), "tile/entries/x001/x234/067.p/8"),
        (Tile(ENTRIES, 7), "tile/entries/007"),
    ],
)
def test_a_tile_has_the_path_the_spec_writes_and_reads_back_from_it(tile: Tile, path: str) -> None:
    assert tile.path == path
    assert parse_tile_path(path) == tile


@pytest.mark.parametrize(
    "path",
    [
        "tile/0/1",
        "tile/0/0001",
        "tile/0/x000/001",
        "tile/00/000",
        "tile/64/000",
        "tile/-1/000",
        "tile/0/000.p/256",
        "tile/0/000.p/0",
        "tile/0/000.p/007",
        "tile/0/001/234",
        "tile/0/x001",
        "tile/8/0/000",
        "tile/entries/000.p/",
        "tile/data/000",
        "tile/0/000/",
        "tile/0/x001/x002/x003/x004/x005/x006/x007/008",
        "tile/0/٠٠٠",
        "",
    ],
)
def test_a_path_that_is_not_canonical_is_refused(path: str) -> None:
    with pytest.raises(TilePathError):
        parse_tile_path(path)


def test_a_tree_has_the_tiles_the_spec_lists_for_it() -> None:
    tiles = tiles_of(70_000)

    assert [t for t in tiles if t.level == 0 and not t.partial] == [Tile(0, i) for i in range(273)]
    assert [t for t in tiles if t.partial or t.level > 0] == [
        Tile(0, 273, 112),
        Tile(1, 0),
        Tile(1, 1, 17),
        Tile(2, 0, 1),
    ]
    assert tiles_of(256) == [Tile(0, 0), Tile(1, 0, 1)]
    assert tiles_of(0) == []


def test_an_entry_bundle_is_length_prefixed_entries_and_reads_back() -> None:
    entries = [b"", b"a", b"\x00" * 300, b"x" * MAX_ENTRY_BYTES]

    bundle = encode_bundle(entries)

    assert bundle[:5] == b"\x00\x00\x00\x01a"
    assert decode_bundle(bundle, 4) == entries
    with pytest.raises(BundleError, match="holds 4 entries, not 3"):
        decode_bundle(bundle, 3)
    with pytest.raises(BundleError, match="ends inside"):
        decode_bundle(bundle[:-1], 4)
    with pytest.raises(BundleError, match="at most 65535"):
        encode_bundle([b"x" * (MAX_ENTRY_BYTES + 1)])


def _records(size: int) -> list[bytes]:
    return [f"record {i}".encode() for i in range(size)]


def _served(size: int) -> tuple[TreeHead, dict[str, bytes]]:
    """A tree's checkpoint head and every tile and bundle of it, as a log would serve them."""
    records = _records(size)
    tree = MemoryTree(leaf_hash(r) for r in records)
    served: dict[str, bytes] = {}
    for tile in tiles_of(size):
        hashes = tree.levels[tile.height][tile.first : tile.first + tile.width]
        served[tile.path] = b"".join(hashes)
        if tile.level == 0:
            served[tile.entries().path] = encode_bundle(
                records[tile.first : tile.first + tile.width]
            )
    return TreeHead(ORIGIN, size, tree.root()), served


SIZES = [1, 2, 255, 256, 257, 300, 511, 512, 65_535, 65_536, 65_537 + 300]


@pytest.mark.parametrize("size", SIZES)
def test_the_root_and_every_tile_check_out_against_the_head(size: int) -> None:
    head, served = _served(size)

    report = verify_tree_from_tiles(head, served.__getitem__, entries=True)

    assert TiledTree(size, served.__getitem__).root() == head.root_hash
    assert report.tree_size == size
    assert report.tiles == len(tiles_of(size))
    assert report.entries == size


@pytest.mark.parametrize("size", [1, 257, 300, 65_537 + 300])
def test_inclusion_and_consistency_are_proven_from_the_tiles(size: int) -> None:
    head, served = _served(size)
    records = _records(size)
    read = served.__getitem__

    for index in sorted({0, 1, size // 2, 255, 256, size - 1} & set(range(size))):
        prove_inclusion_from_tiles(head, index, leaf_hash(records[index]), read)
    for old_size in sorted({1, size // 3, 256, size} & set(range(1, size + 1))):
        old = TreeHead(ORIGIN, old_size, MemoryTree(map(leaf_hash, records[:old_size])).root())
        prove_consistency_from_tiles(old, head, read)
    with pytest.raises(ProofError):
        prove_inclusion_from_tiles(head, 0, leaf_hash(b"not a record"), read)


def test_a_changed_hash_in_any_tile_is_found() -> None:
    head, served = _served(300)

    for path in [p for p in served if not p.startswith("tile/entries/")]:
        changed = dict(served)
        changed[path] = bytes([served[path][0] ^ 1]) + served[path][1:]
        with pytest.raises(TileError):
            verify_tree_from_tiles(head, changed.__getitem__)


def test_a_changed_entry_a_short_tile_or_another_root_is_found() -> None:
    head, served = _served(300)

    changed_entry = {
        **served,
        "tile/entries/000": encode_bundle([b"forged", *_records(300)[1:256]]),
    }
    short = {**served, "tile/0/001.p/44": served["tile/0/001.p/44"][:-1]}

    with pytest.raises(TileError, match="entry 0 in tile/entries/000"):
        verify_tree_from_tiles(head, changed_entry.__getitem__, entries=True)
    with pytest.raises(TileError, match="is 1407 bytes, not 44 hashes"):
        verify_tree_from_tiles(head, short.__getitem__)
    with pytest.raises(TileError, match="root of the checkpoint"):
        verify_tree_from_tiles(TreeHead(ORIGIN, 300, bytes(32)), served.__getitem__)
