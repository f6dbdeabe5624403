"""A verified local copy of a log's tiles (C2SP ``tlog-tiles``), kept by an auditor or a mirror.

A mirror directory holds the tiles and entry bundles under their tile paths (``tile/0/001``,
``tile/entries/001.p/44``) and, in ``checkpoint``, the last checkpoint note it verified. Each run
fetches the log's latest checkpoint note and:

1. checks its signature with the keys the caller trusts;
2. refuses a tree smaller than the one it holds (a log does not shrink), or of the same size
   with another root (a fork);
3. proves, from the new tiles, that the new tree extends the one it holds (consistency);
4. rebuilds the new root from the tiles and checks every full tile against the level above,
   and, with ``entries``, every entry against its leaf;
5. only then replaces ``checkpoint``.

Full tiles never change once served, so they are written as soon as they are fetched and read
from disk on later runs: an interrupted run resumes where it stopped, and a later run fetches
only the tiles a grown tree adds. Nothing on disk is trusted either: a tile that does not check
out is fetched again, once, and the run fails if the fetched one does not check out.
Partial tiles (``.p/W``) are superseded as the tree grows and are kept only for the tree of
``checkpoint``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from evidence.checkpoint_note import TreeHead, verify_checkpoint_note
from evidence.merkle import ProofError
from evidence.note import NoteError, NoteVerifier
from evidence.tile_path import tiles_of
from evidence.tiles import TileError, prove_consistency_from_tiles, verify_tree_from_tiles

Fetch = Callable[[str], bytes]
"""The bytes at a path of the log's server: ``checkpoint``, ``tile/0/001``, ``tile/entries/…``."""

CHECKPOINT = "checkpoint"


class MirrorError(ValueError):
    """The log cannot be mirrored: a bad signature, a shrunk or forked tree, tiles that do not
    add up to the signed root."""


@dataclass(frozen=True)
class MirrorReport:
    """What one run did: the tree it holds now, the one it held before, and the tiles fetched."""

    tree_size: int
    root_hash: bytes
    previous_size: int | None
    fetched: int
    reused: int
    entries: int


@dataclass
class _Tiles:
    """A tile reader over the mirror directory that fetches what the directory lacks."""

    directory: Path
    fetch: Fetch
    fetched: int = 0
    reused: int = 0
    partial: dict[str, bytes] = field(default_factory=dict)
    """Partial tiles fetched: written only once the tree they belong to has verified."""

    def __call__(self, path: str) -> bytes:
        stored = self.directory / path
        if path in self.partial:
            return self.partial[path]
        if ".p/" not in path and stored.is_file():
            self.reused += 1
            return stored.read_bytes()
        data = self.fetch(path)
        self.fetched += 1
        if ".p/" in path:
            self.partial[path] = data
        else:  # a full tile is immutable: kept at once, so an interrupted run resumes
            _write(stored, data)
        return data


def mirror(
    fetch: Fetch,
    directory: Path,
    verifiers: Iterable[NoteVerifier],
    *,
    origin: str | None = None,
    entries: bool = True,
) -> MirrorReport:
    """Bring the mirror in ``directory`` up to the log's latest checkpoint, verified; raises
    :class:`MirrorError` (and leaves the mirror's checkpoint as it was) if anything fails."""
    trusted = list(verifiers)
    directory.mkdir(parents=True, exist_ok=True)
    note = fetch(CHECKPOINT)
    head = _verified(note, trusted, origin, "the log's checkpoint")
    held_path = directory / CHECKPOINT
    held = None
    if held_path.is_file():
        held = _verified(held_path.read_bytes(), trusted, origin, f"the mirror's {CHECKPOINT}")
        _check_growth(held, head)
    try:
        report = _check(fetch, directory, held, head, entries)
    except (TileError, ProofError) as first:
        # A tile on disk may have been damaged since it was written: fetch everything again.
        try:
            report = _check(_refetching(fetch, directory), directory, held, head, entries)
        except (TileError, ProofError) as e:
            raise MirrorError(f"the tiles do not check out: {e}") from first
    _write(held_path, note)
    _drop_superseded(directory, head.tree_size)
    return report


def _check(
    fetch: Fetch, directory: Path, held: TreeHead | None, head: TreeHead, entries: bool
) -> MirrorReport:
    tiles = _Tiles(directory, fetch)
    if held is not None and 0 < held.tree_size < head.tree_size:
        prove_consistency_from_tiles(held, head, tiles)
    checked = verify_tree_from_tiles(head, tiles, entries=entries)
    for path, data in tiles.partial.items():
        _write(directory / path, data)
    return MirrorReport(
        tree_size=head.tree_size,
        root_hash=head.root_hash,
        previous_size=None if held is None else held.tree_size,
        fetched=tiles.fetched,
        reused=tiles.reused,
        entries=checked.entries,
    )


def _refetching(fetch: Fetch, directory: Path) -> Fetch:
    """``fetch``, with every tile the mirror holds removed first, so each is read anew."""
    tile_root = directory / "tile"
    for path in sorted(tile_root.rglob("*"), reverse=True) if tile_root.exists() else []:
        if path.is_file():
            path.unlink()
    return fetch


def _verified(note: bytes, trusted: list[NoteVerifier], origin: str | None, what: str) -> TreeHead:
    try:
        return verify_checkpoint_note(note, trusted, origin)
    except NoteError as e:
        raise MirrorError(f"{what} does not verify: {e}") from None


def _check_growth(held: TreeHead, head: TreeHead) -> None:
    if head.origin != held.origin:
        msg = f"the log is {head.origin!r}, but the mirror holds {held.origin!r}"
        raise MirrorError(msg)
    if head.tree_size < held.tree_size:
        msg = (
            f"the log's checkpoint has tree size {head.tree_size}, smaller than the "
            f"{held.tree_size} this mirror verified: a log never shrinks"
        )
        raise MirrorError(msg)
    if head.tree_size == held.tree_size and head.root_hash != held.root_hash:
        msg = (
            f"the log's checkpoint of tree size {head.tree_size} has another root than the one "
            "this mirror verified: the log forked"
        )
        raise MirrorError(msg)


def _drop_superseded(directory: Path, size: int) -> None:
    """Remove partial tiles that are not part of the tree of ``size`` any more."""
    current = {tile.path for tile in tiles_of(size) if tile.partial}
    current |= {tile.entries().path for tile in tiles_of(size) if tile.partial and tile.level == 0}
    tile_root = directory / "tile"
    if not tile_root.exists():
        return
    for path in tile_root.rglob("*"):
        relative = path.relative_to(directory).as_posix()
        if path.is_file() and ".p/" in relative and relative not in current:
            path.unlink()


def _write(path: Path, data: bytes) -> None:
    """``data`` at ``path``, whole or not at all (a temporary file renamed over it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
