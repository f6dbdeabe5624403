"""C2SP ``tlog-tiles``: which tiles a tree has, their paths, and entry bundles.

A tile at level *L*, index *N*, lists up to 256 consecutive hashes of the tree at height 8·L:
the hashes ``N·256 … N·256+W-1`` of that height, each the root of a complete subtree of
256^L leaves. Level 0 lists leaf hashes. A full tile has 256; the rightmost tile of a level
is *partial* (1 to 255) and is never hashed into the level above. Paths::

    tile/<L>/<N>[.p/<W>]          the hashes, 32 bytes each
    tile/entries/<N>[.p/<W>]      the entries that level-0 tile hashes

``<N>`` is written three digits at a time, every group but the last prefixed by ``x``
(1234067 → ``x001/x234/067``). An entry bundle is each entry's bytes after a big-endian
uint16 length. (https://c2sp.org/tlog-tiles; Go's ``golang.org/x/mod/sumdb/tlog`` uses the
same tiles of height 8 under ``tile/8/<L>/<N>``.)
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

TILE_HEIGHT = 8
TILE_WIDTH = 1 << TILE_HEIGHT
MAX_LEVEL = 63
MAX_ENTRY_BYTES = 0xFFFF
"""The longest entry a bundle can hold: its length is a uint16."""
ENTRIES = -1
"""The ``level`` of an entry bundle."""

_U16 = struct.Struct(">H")
_PATH = re.compile(
    r"tile/(?P<level>entries|0|[1-9][0-9]?)/(?P<index>(?:x[0-9]{3}/){0,6}[0-9]{3})"
    r"(?:\.p/(?P<width>[1-9][0-9]{0,2}))?"
)


class TilePathError(ValueError):
    """A path that is not a canonical tile or entry-bundle path."""


class BundleError(ValueError):
    """An entry bundle that cannot be encoded or read back."""


@dataclass(frozen=True)
class Tile:
    """Tile ``index`` of ``level`` (:data:`ENTRIES` for an entry bundle), ``width`` hashes wide."""

    level: int
    index: int
    width: int = TILE_WIDTH

    def __post_init__(self) -> None:
        if not ENTRIES <= self.level <= MAX_LEVEL or self.index < 0:
            msg = f"no tile has level {self.level} and index {self.index}"
            raise TilePathError(msg)
        if not 1 <= self.width <= TILE_WIDTH:
            msg = f"a tile is 1 to {TILE_WIDTH} hashes wide, not {self.width}"
            raise TilePathError(msg)

    @property
    def partial(self) -> bool:
        return self.width < TILE_WIDTH

    @property
    def height(self) -> int:
        """The tree height of the tile's hashes (0 for leaf hashes and entries)."""
        return max(self.level, 0) * TILE_HEIGHT

    @property
    def first(self) -> int:
        """The index, at :attr:`height`, of the tile's first hash."""
        return self.index * TILE_WIDTH

    @property
    def leaves(self) -> tuple[int, int]:
        """The leaves ``[start, end)`` that the tile's hashes span."""
        span = 1 << self.height
        return self.first * span, (self.first + self.width) * span

    @property
    def path(self) -> str:
        groups = f"{self.index:d}"
        groups = "0" * (-len(groups) % 3) + groups
        digits = [groups[i : i + 3] for i in range(0, len(groups), 3)]
        index = "/".join([*(f"x{d}" for d in digits[:-1]), digits[-1]])
        level = "entries" if self.level == ENTRIES else str(self.level)
        suffix = f".p/{self.width}" if self.partial else ""
        return f"tile/{level}/{index}{suffix}"

    def entries(self) -> Tile:
        """The entry bundle of this level-0 tile."""
        if self.level != 0:
            msg = f"only level-0 tiles have entry bundles, not level {self.level}"
            raise TilePathError(msg)
        return Tile(ENTRIES, self.index, self.width)


def parse_tile_path(path: str) -> Tile:
    """The tile at ``path`` (``tile/…``, canonical only), or :class:`TilePathError`."""
    found = _PATH.fullmatch(path)
    if found is None:
        msg = (
            f"{path!r} is not a tile path: tile/<level 0-63 or entries>/<index, as x001/x234/067>"
            "[.p/<width 1-255>]"
        )
        raise TilePathError(msg)
    level = ENTRIES if found["level"] == "entries" else int(found["level"])
    index = int(found["index"].replace("x", "").replace("/", ""))
    width = int(found["width"]) if found["width"] else TILE_WIDTH
    if found["width"] and width >= TILE_WIDTH:
        raise TilePathError(f"{path!r}: a partial tile is 1 to {TILE_WIDTH - 1} hashes wide")
    tile = Tile(level, index, width)
    if tile.path != path:
        # e.g. x000/001 for 001: one resource, one name, as caches and Go's ParseTilePath want.
        raise TilePathError(f"{path!r} is not canonical: the tile's path is {tile.path!r}")
    return tile


def tile_width(level: int, size: int) -> int:
    """How many hashes a tree of ``size`` leaves has at the height of ``level`` (all tiles)."""
    return size >> (level * TILE_HEIGHT)


def tile_for(level: int, first: int, size: int) -> Tile:
    """The tile of a tree of ``size`` leaves that holds hash ``first`` at the height of
    ``level``: full, or the level's rightmost, partial tile."""
    count = tile_width(level, size)
    if not 0 <= first < count:
        msg = f"a tree of {size} leaves has no hash {first} at level {level}"
        raise TilePathError(msg)
    index = first // TILE_WIDTH
    return Tile(level, index, min(TILE_WIDTH, count - index * TILE_WIDTH))


def tiles_of(size: int) -> list[Tile]:
    """Every hash tile of a tree of ``size`` leaves, level by level, left to right."""
    tiles: list[Tile] = []
    level = 0
    while (count := tile_width(level, size)) > 0:
        tiles += [tile_for(level, first, size) for first in range(0, count, TILE_WIDTH)]
        level += 1
    return tiles


def encode_bundle(entries: Iterable[bytes]) -> bytes:
    """Entries, each after its length as a big-endian uint16."""
    out = bytearray()
    for i, entry in enumerate(entries):
        if len(entry) > MAX_ENTRY_BYTES:
            msg = f"entry {i} is {len(entry)} bytes; a bundle holds at most {MAX_ENTRY_BYTES}"
            raise BundleError(msg)
        out += _U16.pack(len(entry))
        out += entry
    return bytes(out)


def decode_bundle(data: bytes, count: int) -> list[bytes]:
    """The ``count`` entries of a bundle, or :class:`BundleError` if it holds anything else."""
    entries: list[bytes] = []
    offset = 0
    while offset < len(data):
        if offset + 2 > len(data):
            raise BundleError(f"the bundle ends inside the length of entry {len(entries)}")
        (length,) = _U16.unpack_from(data, offset)
        offset += 2
        if offset + length > len(data):
            raise BundleError(f"the bundle ends inside entry {len(entries)}")
        entries.append(data[offset : offset + length])
        offset += length
    if len(entries) != count:
        raise BundleError(f"the bundle holds {len(entries)} entries, not {count}")
    return entries
