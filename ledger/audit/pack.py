"""Evidence packs: one zip file an auditor verifies offline (format in docs/audit.md).

    manifest.json       format, kind (full | stream), what the pack covers, SHA-256 of each part
    keys.json           public keys (PEM) by key id
    checkpoints.jsonl   the signed checkpoints up to the pack's anchor checkpoint
    anchor.note         the anchor as a C2SP signed note, with the witnesses' cosignatures
    anchor.tsr          the anchor note's RFC 3161 timestamp (DER TimeStampResp), if it has one
    tile/<L>/<N>[.p/W]  full packs only: every hash tile of the anchor's tree (C2SP tlog-tiles)
    leaves.bin          per sealed leaf: u64 leaf index ‖ u64 position ‖ 32-byte leaf hash
    events.bin          per event: its canonical leaf data (evidence.leaf), i.e. the stored
                        bytes exactly as stored, framed with position, stream, version and topic
    proofs.jsonl        stream packs only: inclusion proofs of the stream's events, and
                        consistency proofs from every earlier checkpoint to the anchor

A full pack holds every event up to its anchor checkpoint; a stream pack holds one stream's
events and proofs, and nothing else of the log.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from uuid import UUID

import orjson

from evidence.checkpoint import Checkpoint, format_time
from evidence.leaf import LogEntry, leaf_data
from evidence.merkle import consistency_ranges, inclusion_ranges, resolve
from evidence.pack_format import LEAF_RECORD, PACK_FORMAT
from evidence.pack_timestamp import ANCHOR_TSR
from evidence.pack_witnesses import ANCHOR_NOTE
from evidence.tile_path import tiles_of
from ledger.application.log_reader import LogSource
from ledger.audit.records import AuditStore, SealedLeaf
from ledger.audit.sealer import SealIntegrityError
from ledger.domain.errors import NoCheckpointError, PositionNotSealedError

EXPORT_PAGE = 2000

Progress = Callable[[str, int, int], None]


def _no_progress(_stage: str, _done: int, _total: int) -> None:
    return


@dataclass(frozen=True)
class ExportReport:
    kind: str
    tree_size: int
    last_position: int
    events: int
    checkpoints: int
    unsealed_after: int
    """Events in the log after the anchor checkpoint, left out of the pack."""
    cosignatures: int = 0
    """Witness cosignatures the anchor had (in ``anchor.note``)."""
    timestamped: bool = False
    """Whether the anchor had an RFC 3161 timestamp (in ``anchor.tsr``)."""


class _HashingWriter:
    """Writes a zip member and keeps its SHA-256 and length for the manifest."""

    def __init__(self, zf: zipfile.ZipFile, name: str, parts: dict[str, dict[str, Any]]) -> None:
        self.name = name
        self.parts = parts
        self.sha = hashlib.sha256()
        self.size = 0
        info = zipfile.ZipInfo(name, date_time=datetime.now(UTC).timetuple()[:6])
        # Hashes and leaf data do not compress; stored, they are read at full speed.
        binary = name.endswith(".bin") or name.startswith("tile/")
        info.compress_type = zipfile.ZIP_STORED if binary else zipfile.ZIP_DEFLATED
        self.stream: IO[bytes] = zf.open(info, "w", force_zip64=True)

    def write(self, data: bytes) -> None:
        self.sha.update(data)
        self.size += len(data)
        self.stream.write(data)

    def close(self) -> None:
        self.stream.close()
        self.parts[self.name] = {"sha256": self.sha.hexdigest(), "bytes": self.size}


def _lines(rows: Iterable[Mapping[str, Any]]) -> Iterator[bytes]:
    for row in rows:
        yield orjson.dumps(row) + b"\n"


def _anchor(store: AuditStore, until: int | None) -> Checkpoint:
    if until is None:
        cp = store.latest_checkpoint()
        if cp is None:
            msg = "Nothing has been sealed yet: run `sme-ledger seal --once` (or wait for it)."
            raise NoCheckpointError(msg)
        return cp
    cp = store.checkpoint_covering(until)
    if cp is None:
        msg = f"Position {until} is not covered by a checkpoint yet: run `sme-ledger seal --once`."
        raise PositionNotSealedError(msg, position=until)
    return cp


def export_pack(
    recorder: LogSource,
    store: AuditStore,
    out: Path,
    *,
    until: int | None = None,
    stream: UUID | None = None,
    progress: Progress = _no_progress,
) -> ExportReport:
    """Write an evidence pack up to the first checkpoint covering ``until`` (or the latest)."""
    anchor = _anchor(store, until)
    checkpoints = store.checkpoints(up_to_size=anchor.tree_size)
    keys = store.public_keys()
    used = {cp.key_id for cp in checkpoints}
    parts: dict[str, dict[str, Any]] = {}
    tmp = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        w = _HashingWriter(zf, "keys.json", parts)
        w.write(
            orjson.dumps({k: v for k, v in keys.items() if k in used}, option=orjson.OPT_INDENT_2)
        )
        w.close()
        w = _HashingWriter(zf, "checkpoints.jsonl", parts)
        for line in _lines(cp.to_json() for cp in checkpoints):
            w.write(line)
        w.close()
        cosignatures = _write_anchor_note(zf, parts, store, anchor)
        timestamped = _write_anchor_timestamp(zf, parts, store, anchor)
        if stream is None:
            count = _write_full(zf, parts, recorder, store, anchor, progress)
            _write_tiles(zf, parts, store, anchor, progress)
        else:
            count = _write_stream(zf, parts, recorder, store, anchor, checkpoints, stream, progress)
        manifest = {
            "format": PACK_FORMAT,
            "kind": "full" if stream is None else "stream",
            "created_at": format_time(datetime.now(UTC)),
            "stream_id": str(stream) if stream else None,
            "until": until,
            "tree_size": anchor.tree_size,
            "last_position": anchor.last_position,
            "events": count,
            "checkpoints": len(checkpoints),
            "parts": parts,
        }
        zf.writestr("manifest.json", orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
    tmp.replace(out)
    return ExportReport(
        "full" if stream is None else "stream",
        anchor.tree_size,
        anchor.last_position,
        count,
        len(checkpoints),
        store.events_after(anchor.last_position),
        cosignatures,
        timestamped,
    )


def _write_anchor_note(
    zf: zipfile.ZipFile, parts: dict[str, dict[str, Any]], store: AuditStore, anchor: Checkpoint
) -> int:
    """The anchor's signed note with the witnesses' cosignatures so far; how many."""
    note = store.note(anchor.tree_size)
    if note is None:
        return 0
    cosignatures = store.cosignatures(anchor.tree_size)
    w = _HashingWriter(zf, ANCHOR_NOTE, parts)
    w.write(note + "".join(c.line for c in cosignatures).encode())
    w.close()
    return len(cosignatures)


def _write_anchor_timestamp(
    zf: zipfile.ZipFile, parts: dict[str, dict[str, Any]], store: AuditStore, anchor: Checkpoint
) -> bool:
    """The anchor note's RFC 3161 timestamp as the sealer kept it; whether there was one."""
    stamp = store.timestamp(anchor.tree_size)
    if stamp is None or store.note(anchor.tree_size) is None:
        return False
    w = _HashingWriter(zf, ANCHOR_TSR, parts)
    w.write(stamp.reply)
    w.close()
    return True


def _write_full(
    zf: zipfile.ZipFile,
    parts: dict[str, dict[str, Any]],
    recorder: LogSource,
    store: AuditStore,
    anchor: Checkpoint,
    progress: Progress,
) -> int:
    total = anchor.tree_size
    w = _HashingWriter(zf, "leaves.bin", parts)
    for done, leaf in enumerate(store.leaves(0, anchor.tree_size), start=1):
        w.write(LEAF_RECORD.pack(leaf.leaf_index, leaf.position, leaf.leaf_hash))
        if done % EXPORT_PAGE == 0:
            progress("leaves", done, total)
    progress("leaves", total, total)
    w.close()
    w = _HashingWriter(zf, "events.bin", parts)
    after, count = 0, 0
    while True:
        page = recorder.select_notifications(
            start=after, limit=EXPORT_PAGE, stop=anchor.last_position, inclusive_of_start=False
        )
        for n in page:
            w.write(leaf_data(LogEntry.of(n)))
        count += len(page)
        progress("events", min(count, total), total)
        if len(page) < EXPORT_PAGE:
            break
        after = page[-1].id
    w.close()
    return count


def _write_tiles(
    zf: zipfile.ZipFile,
    parts: dict[str, dict[str, Any]],
    store: AuditStore,
    anchor: Checkpoint,
    progress: Progress,
) -> None:
    """Every hash tile of the anchor's tree, from the stored nodes (as ``AuditTiles`` serves
    them, but of the anchor's size, which need not be the latest)."""
    tiles = tiles_of(anchor.tree_size)
    for done, tile in enumerate(tiles, start=1):
        found = store.hashes_at(tile.height, tile.first, tile.first + tile.width)
        if len(found) != tile.width:
            msg = f"{tile.path}: {len(found)} of its {tile.width} hashes are stored"
            raise SealIntegrityError(msg)
        w = _HashingWriter(zf, tile.path, parts)
        w.write(b"".join(found))
        w.close()
        progress("tiles", done, len(tiles))


def _write_stream(
    zf: zipfile.ZipFile,
    parts: dict[str, dict[str, Any]],
    recorder: LogSource,
    store: AuditStore,
    anchor: Checkpoint,
    checkpoints: list[Checkpoint],
    stream: UUID,
    progress: Progress,
) -> int:
    # The ledger's own recorders (SQLite, PostgreSQL) and a standby's log read a stream with
    # positions.
    stored = [
        (p, s) for p, s in recorder.select_stream_notifications(stream) if p <= anchor.last_position
    ]
    leaves: list[SealedLeaf] = []
    events = _HashingWriter(zf, "events.bin", parts)
    for position, s in stored:
        events.write(leaf_data(LogEntry(position, stream, s.originator_version, s.topic, s.state)))
        leaf = store.leaf_at(position)
        # An event of the stream the seal never saw is still written: verify reports it.
        if leaf is not None and leaf.leaf_index < anchor.tree_size:
            leaves.append(leaf)
    events.close()
    w = _HashingWriter(zf, "leaves.bin", parts)
    for leaf in leaves:
        w.write(LEAF_RECORD.pack(leaf.leaf_index, leaf.position, leaf.leaf_hash))
    w.close()
    w = _HashingWriter(zf, "proofs.jsonl", parts)
    total = len(leaves) + len(checkpoints)
    for done, leaf in enumerate(leaves, start=1):
        path = resolve(inclusion_ranges(leaf.leaf_index, anchor.tree_size), store.nodes)
        row = {
            "type": "inclusion",
            "leaf_index": leaf.leaf_index,
            "position": leaf.position,
            "tree_size": anchor.tree_size,
            "path": [h.hex() for h in path],
        }
        w.write(orjson.dumps(row) + b"\n")
        progress("proofs", done, total)
    for done, cp in enumerate(checkpoints, start=len(leaves) + 1):
        if cp.tree_size < anchor.tree_size:
            path = resolve(consistency_ranges(cp.tree_size, anchor.tree_size), store.nodes)
            row = {
                "type": "consistency",
                "from": cp.tree_size,
                "to": anchor.tree_size,
                "path": [h.hex() for h in path],
            }
            w.write(orjson.dumps(row) + b"\n")
        progress("proofs", done, total)
    w.close()
    return len(stored)
