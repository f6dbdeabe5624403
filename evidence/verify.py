"""Offline verification of an evidence pack: nothing but the pack and a public key.

The pack's own leaf hashes are never trusted: every leaf is recomputed from the stored bytes,
every root from those leaves, every signature with the auditor's key. The sealer's recorded
leaf hashes are used only to say *where* something changed. Work stops at the first failure in
log order, which names the position (or the checkpoint) and why.
"""

from __future__ import annotations

import hashlib
import itertools
import zipfile
from pathlib import Path
from typing import Any

import orjson

from evidence.checkpoint import Checkpoint
from evidence.keys import InvalidKeyError, VerifyKey, load_verify_key
from evidence.merkle import (
    LEAF_PREFIX,
    NODE_PREFIX,
    fold_right,
)
from evidence.pack_format import EVENT_HEADER, PACK_FORMAT, U64
from evidence.pack_reader import (
    CHUNK,
    Failure,
    HashedReader,
    VerificationStoppedError,
    check_parts,
    fail,
    leaves,
)
from evidence.pack_report import VerificationReport
from evidence.pack_tiles import check_anchor_tiles
from evidence.pack_timestamp import TimestampPolicy, check_anchor_timestamp
from evidence.pack_witnesses import WitnessPolicy, check_witnessed_anchor
from evidence.verify_stream import verify_stream

# The large parts of a full pack are hashed in the verification pass itself (one read).
DEFERRED = frozenset({"events.bin", "leaves.bin"})
_sha256 = hashlib.sha256
__all__ = ["PackVerifier", "VerificationReport", "verify_pack"]


class PackVerifier:
    def __init__(
        self,
        path: Path,
        trusted_keys: list[VerifyKey] | None = None,
        trusted_checkpoint: Checkpoint | None = None,
        witnesses: WitnessPolicy | None = None,
        timestamps: TimestampPolicy | None = None,
    ) -> None:
        self.path = path
        self.timestamps = timestamps or TimestampPolicy()
        self.trusted_keys = trusted_keys
        self.trusted = trusted_checkpoint
        self.witnesses = witnesses
        self.report = VerificationReport()
        self.keys: dict[str, VerifyKey] = {}
        self.parts: dict[str, Any] = {}

    def run(self) -> VerificationReport:
        try:
            with zipfile.ZipFile(self.path) as zf:
                self._run(zf)
        except VerificationStoppedError as stop:
            self.report.failure = stop.failure
        except (zipfile.BadZipFile, OSError) as e:
            self.report.failure = Failure("pack_damaged", f"Cannot read the pack: {e}")
        return self.report

    # --- the parts ------------------------------------------------------------------------
    def _run(self, zf: zipfile.ZipFile) -> None:
        manifest = self._manifest(zf)
        self.report.kind = manifest["kind"]
        self._check_parts(zf, manifest)
        self._load_keys(zf)
        checkpoints = self._checkpoints(zf, manifest)
        if self.trusted is not None:
            self._check_signature(self.trusted, "your trusted checkpoint")
        if manifest["kind"] == "full":
            self._verify_full(zf, checkpoints)
        else:
            self.report.events = verify_stream(
                zf, checkpoints, self.trusted, self._check_signature, self._trusted_ahead
            )
            self.report.checkpoints = len(checkpoints)
        if self.witnesses is not None:
            anchor, keys = checkpoints[-1], self.keys.values()
            policy = self.witnesses
            self.report.witnesses = check_witnessed_anchor(zf, self.parts, anchor, keys, policy)
        self.report.tiles = check_anchor_tiles(zf, self.parts, checkpoints[-1])
        stamps = self.timestamps
        self.report.timestamp = check_anchor_timestamp(zf, self.parts, checkpoints[-1], stamps)

    def _json(self, zf: zipfile.ZipFile, name: str) -> Any:
        try:
            return orjson.loads(zf.read(name))
        except (KeyError, orjson.JSONDecodeError) as e:
            raise fail("pack_damaged", f"{name} is missing or not JSON ({e}).") from None

    def _manifest(self, zf: zipfile.ZipFile) -> dict[str, Any]:
        manifest = self._json(zf, "manifest.json")
        if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
            raise fail("pack_damaged", f"Not an evidence pack of format {PACK_FORMAT}.")
        if manifest.get("kind") not in {"full", "stream"}:
            raise fail("pack_damaged", "The manifest names no known kind of pack.")
        return manifest

    def _check_parts(self, zf: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
        needed = {"keys.json", "checkpoints.jsonl", "leaves.bin", "events.bin"}
        if manifest["kind"] == "stream":
            needed.add("proofs.jsonl")
        parts = manifest.get("parts") or {}
        for name in sorted(needed - set(parts)):
            raise fail("pack_damaged", f"The manifest does not list {name}.")
        self.parts = parts
        # A full pack's large parts are hashed while they are verified, in the same single pass.
        check_parts(zf, parts, DEFERRED if manifest["kind"] == "full" else frozenset())

    def _load_keys(self, zf: zipfile.ZipFile) -> None:
        pack_keys: dict[str, VerifyKey] = {}
        for kid, pem in (self._json(zf, "keys.json") or {}).items():
            try:
                key = load_verify_key(pem)
            except InvalidKeyError as e:
                raise fail("pack_damaged", f"keys.json: key {kid}: {e}") from None
            pack_keys[key.key_id] = key
        if self.trusted_keys:
            self.keys = {k.key_id: k for k in self.trusted_keys}
        else:
            self.keys = pack_keys
            self.report.warnings.append(
                "No --public-key given: the signatures were checked with the key(s) inside the "
                "pack, which prove nothing against whoever made the pack. Pass the public key "
                "you obtained from the operator out of band."
            )
        self.report.key_ids = sorted(self.keys)

    def _checkpoints(self, zf: zipfile.ZipFile, manifest: dict[str, Any]) -> list[Checkpoint]:
        checkpoints: list[Checkpoint] = []
        for number, line in enumerate(zf.read("checkpoints.jsonl").splitlines(), start=1):
            try:
                checkpoints.append(Checkpoint.from_json(orjson.loads(line)))
            except (ValueError, orjson.JSONDecodeError) as e:
                raise fail("pack_damaged", f"checkpoints.jsonl line {number}: {e}") from None
        for before, after in itertools.pairwise(checkpoints):
            if not (
                before.tree_size < after.tree_size and before.last_position < after.last_position
            ):
                raise fail(
                    "checkpoint_order",
                    f"Checkpoint of tree size {after.tree_size} does not follow the one of size "
                    f"{before.tree_size}: checkpoints must grow.",
                    tree_size=after.tree_size,
                )
        if not checkpoints or checkpoints[-1].tree_size != manifest.get("tree_size"):
            raise fail(
                "pack_damaged", "The pack does not end at the checkpoint its manifest names."
            )
        self.report.tree_size = checkpoints[-1].tree_size
        self.report.last_position = checkpoints[-1].last_position
        return checkpoints

    def _check_signature(self, cp: Checkpoint, what: str) -> None:
        key = self.keys.get(cp.key_id)
        if key is None:
            raise fail(
                "unknown_key",
                f"{what.capitalize()} (tree size {cp.tree_size}, up to position "
                f"{cp.last_position}) is signed by key {cp.key_id}, which is not among the "
                f"keys checked against ({', '.join(sorted(self.keys)) or 'none'}).",
                position=cp.last_position,
                tree_size=cp.tree_size,
            )
        if not cp.signed_by(key):
            raise fail(
                "bad_signature",
                f"The signature of {what} (tree size {cp.tree_size}, up to position "
                f"{cp.last_position}) does not verify with key {cp.key_id}: the checkpoint was "
                "altered or replaced.",
                position=cp.last_position,
                tree_size=cp.tree_size,
            )

    # --- a full pack ---------------------------------------------------------------------
    def _verify_full(self, zf: zipfile.ZipFile, checkpoints: list[Checkpoint]) -> None:
        anchor = checkpoints[-1]
        trusted = self.trusted
        if trusted is not None and trusted.tree_size > anchor.tree_size:
            raise self._trusted_ahead(trusted, anchor)
        marks = {cp.tree_size: cp for cp in checkpoints}
        if trusted is not None:
            marks.setdefault(trusted.tree_size, trusted)
        lf = HashedReader(zf, "leaves.bin", self.parts["leaves.bin"])
        ef = HashedReader(zf, "events.bin", self.parts["events.bin"], hashed=False)
        try:
            size, last = self._walk(lf, ef, marks)
        except VerificationStoppedError:
            # A damaged pack explains any failure inside it: say that rather than "altered".
            lf.check()
            ef.check()
            raise
        lf.check()
        ef.close()
        self.report.events = size
        self.report.checkpoints = len(checkpoints)
        if size < anchor.tree_size:
            raise fail(
                "checkpoint_beyond_log",
                f"The checkpoint of tree size {anchor.tree_size} covers more events than the "
                f"pack holds ({size}): events after position {last} are missing.",
                position=last,
                tree_size=anchor.tree_size,
            )

    def _walk(
        self, lf: HashedReader, ef: HashedReader, marks: dict[int, Checkpoint]
    ) -> tuple[int, int]:
        """Merge the sealed leaves with the log's events, rebuilding the tree as it goes.

        The hot loop of verification: records are parsed in place from each chunk (no
        per-event objects), and anything unusual drops to :meth:`_diagnose`.
        """
        stack: list[bytes] = []
        size = last = 0
        sha256, node_prefix = _sha256, NODE_PREFIX
        leaf_hasher = _sha256(LEAF_PREFIX)  # copied per leaf: cheaper than a new hash object
        unpack_header, unpack_u64, header_size = (
            EVENT_HEADER.unpack_from,
            U64.unpack_from,
            EVENT_HEADER.size,
        )
        sealed_leaves = leaves(lf)
        leaf = next(sealed_leaves, None)
        upcoming = iter(sorted(marks))
        next_mark = next(upcoming, 0)
        rest = b""
        while True:
            chunk = ef.read(CHUNK)
            buf = memoryview(rest + chunk) if rest else memoryview(chunk)
            end, offset = len(buf), 0
            while offset + header_size <= end:
                position, _, _, topic_len = unpack_header(buf, offset)
                state_at = offset + header_size + topic_len
                if state_at + 8 > end:
                    break
                stop = state_at + 8 + unpack_u64(buf, state_at)[0]
                if stop > end:
                    break
                if leaf is None:
                    raise self._diagnose(leaf, size, position, last)
                index, leaf_position, sealed = leaf
                if index != size or leaf_position != position or position <= last:
                    raise self._diagnose(leaf, size, position, last)
                h = leaf_hasher.copy()
                h.update(buf[offset:stop])
                digest = h.digest()
                if digest != sealed:
                    raise fail(
                        "altered_event",
                        f"Position {position} (leaf {size}): the stored event is not the one "
                        "that was sealed there (its bytes were changed, or it was moved from "
                        "another position).",
                        position=position,
                    )
                size += 1
                carry = size
                while not carry & 1:
                    digest = sha256(node_prefix + stack.pop() + digest).digest()
                    carry >>= 1
                stack.append(digest)
                if size == next_mark:
                    self._check_root(marks[size], fold_right(stack), position)
                    next_mark = next(upcoming, 0)
                last, offset = position, stop
                leaf = next(sealed_leaves, None)
            rest = bytes(buf[offset:])
            if not chunk:
                if rest:
                    raise fail("pack_damaged", "events.bin ends in the middle of an event.")
                break
        if leaf is not None:
            raise self._diagnose(leaf, size, None, last)
        return size, last

    def _diagnose(
        self, leaf: tuple[int, int, bytes] | None, size: int, position: int | None, last: int
    ) -> VerificationStoppedError:
        """Why the next leaf and the next event do not pair up."""
        if leaf is not None and leaf[0] != size:
            return fail(
                "pack_damaged",
                f"leaves.bin is not in tree order at leaf {size} (found leaf {leaf[0]} at "
                f"position {leaf[1]}).",
            )
        if position is not None and position <= last:
            return fail(
                "event_order",
                f"Position {position} comes after position {last}: the events are not in "
                "log order.",
                position=position,
            )
        if position is not None and (leaf is None or position < leaf[1]):
            return fail(
                "unsealed_event",
                f"Position {position}: the log holds an event that was never sealed "
                "(inserted after the seal, e.g. into a gap of positions).",
                position=position,
            )
        if leaf is not None and leaf[1] <= last:
            return fail(
                "pack_damaged",
                f"leaves.bin is not in tree order at leaf {size} (position {leaf[1]} after "
                f"{last}).",
            )
        if leaf is None:
            return fail("pack_damaged", "leaves.bin and events.bin do not pair up.")
        return self._missing(leaf)

    def _missing(self, leaf: tuple[int, int, bytes]) -> VerificationStoppedError:
        index, position, _ = leaf
        return fail(
            "missing_event",
            f"Position {position} (leaf {index}): the event sealed there is missing from the log "
            "(deleted, or moved to another position).",
            position=position,
        )

    def _check_root(self, cp: Checkpoint, root: bytes, position: int) -> None:
        if cp is self.trusted:
            if root != cp.root_hash:
                raise fail(
                    "trusted_mismatch",
                    f"The first {cp.tree_size} events (up to position {position}) do not have the "
                    "root of your trusted checkpoint: that history was rewritten and re-sealed.",
                    position=position,
                    tree_size=cp.tree_size,
                )
            return
        self._check_signature(cp, "the checkpoint")
        if cp.last_position != position:
            raise fail(
                "root_mismatch",
                f"The checkpoint of tree size {cp.tree_size} says it reaches position "
                f"{cp.last_position}, but leaf {cp.tree_size - 1} is position {position}.",
                position=position,
                tree_size=cp.tree_size,
            )
        if root != cp.root_hash:
            raise fail(
                "root_mismatch",
                f"The checkpoint of tree size {cp.tree_size} (up to position {position}) does "
                "not match the events before it: leaves were altered together with the events "
                "after the previous checkpoint.",
                position=position,
                tree_size=cp.tree_size,
            )
        if self.trusted is not None and cp.tree_size == self.trusted.tree_size:
            self._check_root(self.trusted, root, position)

    def _trusted_ahead(self, trusted: Checkpoint, anchor: Checkpoint) -> VerificationStoppedError:
        return fail(
            "trusted_ahead",
            f"Your trusted checkpoint has tree size {trusted.tree_size} (up to position "
            f"{trusted.last_position}), but this pack ends at tree size {anchor.tree_size} "
            f"(position {anchor.last_position}): either events after position "
            f"{anchor.last_position} were removed from the log, or the pack was exported with "
            "--until. Export a pack that reaches your checkpoint.",
            position=anchor.last_position,
            tree_size=trusted.tree_size,
        )


def verify_pack(
    path: Path,
    public_keys: list[VerifyKey] | None = None,
    trusted_checkpoint: Checkpoint | None = None,
    witnesses: WitnessPolicy | None = None,
    timestamps: TimestampPolicy | None = None,
) -> VerificationReport:
    """Verify the pack at ``path``; with ``witnesses``, its anchor must be cosigned by them;
    with ``timestamps``, its anchor's timestamp is checked against their CA (and required)."""
    return PackVerifier(path, public_keys, trusted_checkpoint, witnesses, timestamps).run()
