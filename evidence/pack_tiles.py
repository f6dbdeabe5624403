"""The tiles of an evidence pack's anchor tree: a full pack holds every hash tile of the tree
its anchor checkpoint signs (C2SP ``tlog-tiles``, under their tile paths ``tile/<L>/<N>[.p/<W>]``,
each its hashes concatenated), so a mirror or a tlog client can be fed from the pack. Entry
bundles are not packed: ``events.bin`` holds the same entries. Verification recomputes the
anchor's root from the tiles and checks every full tile against the level above
(:func:`evidence.tiles.verify_tree_from_tiles`).
"""

from __future__ import annotations

import zipfile
from typing import Any

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import TreeHead
from evidence.pack_reader import fail
from evidence.tile_path import tiles_of
from evidence.tiles import TileError, verify_tree_from_tiles

TILE_PREFIX = "tile/"


def packed_tile_paths(tree_size: int) -> list[str]:
    """The parts that hold the hash tiles of a tree of ``tree_size`` leaves."""
    return [tile.path for tile in tiles_of(tree_size)]


def check_anchor_tiles(zf: zipfile.ZipFile, parts: dict[str, Any], anchor: Checkpoint) -> int:
    """How many tiles the pack holds, all checked against ``anchor``'s root (0 for a pack
    without tiles); stops the verification with ``tiles_mismatch`` if they do not make it up.
    ``parts`` were checked against the manifest already; ``anchor``'s signature too."""
    packed = {name for name in parts if name.startswith(TILE_PREFIX)}
    if not packed:
        return 0

    def read(path: str) -> bytes:
        if path not in packed:
            raise TileError(f"{path} is not in the pack")
        return zf.read(path)

    try:
        report = verify_tree_from_tiles(TreeHead.of("", anchor), read)
    except TileError as e:
        size = anchor.tree_size
        msg = f"The pack's tiles are not the tree of its anchor (tree size {size}): {e}."
        raise fail(
            "tiles_mismatch", msg, position=anchor.last_position, tree_size=anchor.tree_size
        ) from None
    if extra := sorted(packed - set(packed_tile_paths(anchor.tree_size))):
        msg = f"The pack holds tiles that are not of its anchor's tree: {', '.join(extra[:3])}."
        raise fail("tiles_mismatch", msg, tree_size=anchor.tree_size)
    return report.tiles
