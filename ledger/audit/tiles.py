"""The sealed tree as C2SP ``tlog-tiles``: hash tiles and entry bundles, read from the store.

A level-L tile's hashes are the stored nodes at height 8·L (level 0: the leaf hashes), so a
tile is one range read of 256 rows at most, never a recomputation. Only what the latest
checkpoint covers is served: leaves sealed after it (the sealer stores leaves between
checkpoints) are not in any signed tree yet.
"""

from __future__ import annotations

from evidence.leaf import LogEntry, leaf_data
from evidence.tile_path import ENTRIES, MAX_ENTRY_BYTES, Tile, encode_bundle
from ledger.application.log_reader import LogSource
from ledger.audit.records import AuditStore
from ledger.audit.sealer import SealIntegrityError
from ledger.domain.errors import EntryTooLargeError, NoCheckpointError, TileNotSealedError


class AuditTiles:
    def __init__(self, store: AuditStore, recorder: LogSource) -> None:
        self.store = store
        self.recorder = recorder

    def _sealed(self, tile: Tile) -> tuple[int, int]:
        """The leaves ``tile`` spans, if the latest checkpoint covers them all."""
        latest = self.store.latest_checkpoint()
        if latest is None:
            msg = "Nothing has been sealed yet. Tiles appear once the sealer has run."
            raise NoCheckpointError(msg)
        start, end = tile.leaves
        if end > latest.tree_size:
            msg = (
                f"{tile.path} spans leaves {start} to {end - 1}, but the latest checkpoint has "
                f"{latest.tree_size} leaves. Read /checkpoint, then the tiles of its size."
            )
            raise TileNotSealedError(msg, tree_size=latest.tree_size)
        return start, end

    def hashes(self, tile: Tile) -> bytes:
        """The tile's hashes, 32 bytes each, concatenated."""
        self._sealed(tile)
        found = self.store.hashes_at(tile.height, tile.first, tile.first + tile.width)
        if len(found) != tile.width:
            msg = f"{tile.path}: {len(found)} of its {tile.width} hashes are stored"
            raise SealIntegrityError(msg)
        return b"".join(found)

    def entries(self, bundle: Tile) -> bytes:
        """The bundle's entries: each leaf's canonical data (:mod:`evidence.leaf`), as stored."""
        if bundle.level != ENTRIES:
            raise ValueError(f"{bundle.path} is not an entry bundle")
        start, end = self._sealed(bundle)
        leaves = list(self.store.leaves(start, end))
        if len(leaves) != end - start:
            msg = f"{bundle.path}: {len(leaves)} of its {end - start} leaves are stored"
            raise SealIntegrityError(msg)
        first, last = leaves[0].position, leaves[-1].position
        # Positions can have gaps: read the whole span and pick the sealed ones.
        events = {
            n.id: n for n in self.recorder.select_notifications(first, last - first + 1, stop=last)
        }
        data: list[bytes] = []
        for leaf in leaves:
            event = events.get(leaf.position)
            if event is None:
                msg = (
                    f"{bundle.path}: leaf {leaf.leaf_index} seals position {leaf.position}, "
                    "which holds no event: the log was altered (audit export and verify say "
                    "more)"
                )
                raise SealIntegrityError(msg)
            # The stored bytes, whatever they are now: a client finds an altered event by its
            # hash in the level-0 tile, which is what the seal recorded.
            entry = leaf_data(LogEntry.of(event))
            if len(entry) > MAX_ENTRY_BYTES:
                msg = (
                    f"The event at position {leaf.position} (leaf {leaf.leaf_index}) is "
                    f"{len(entry)} bytes as a leaf; an entry bundle holds entries of at most "
                    f"{MAX_ENTRY_BYTES}. Its hash is in the level-0 tile; read the event from "
                    "an evidence pack (sme-ledger audit export) or GET /v1/events."
                )
                raise EntryTooLargeError(msg, position=leaf.position, bytes=len(entry))
            data.append(entry)
        return encode_bundle(data)
