"""Verifying a stream pack: one stream's events, each proven to be in the anchor checkpoint,
and every earlier checkpoint (and the auditor's) proven to be extended by the anchor.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable

import orjson

from evidence.checkpoint import Checkpoint
from evidence.merkle import LEAF_PREFIX, ProofError, verify_consistency, verify_inclusion
from evidence.pack_format import EVENT_HEADER
from evidence.pack_reader import VerificationStoppedError, fail, leaves, records

_sha256 = hashlib.sha256


def verify_stream(
    zf: zipfile.ZipFile,
    checkpoints: list[Checkpoint],
    trusted: Checkpoint | None,
    check_signature: Callable[[Checkpoint, str], None],
    trusted_ahead: Callable[[Checkpoint, Checkpoint], VerificationStoppedError],
) -> int:
    """Check a stream pack; returns how many events it holds (raises at the first failure)."""
    anchor = checkpoints[-1]
    for cp in checkpoints:
        check_signature(cp, "the checkpoint")
    inclusion: dict[int, list[bytes]] = {}
    consistency: dict[int, list[bytes]] = {}
    for line in zf.read("proofs.jsonl").splitlines():
        row = orjson.loads(line)
        path = [bytes.fromhex(h) for h in row["path"]]
        if row["type"] == "inclusion":
            inclusion[int(row["leaf_index"])] = path
        else:
            consistency[int(row["from"])] = path
    for cp in checkpoints[:-1]:
        consistent(cp, anchor, consistency.get(cp.tree_size))
    if trusted is not None:
        if trusted.tree_size > anchor.tree_size:
            raise trusted_ahead(trusted, anchor)
        consistent(trusted, anchor, consistency.get(trusted.tree_size), "your trusted")
    with zf.open("leaves.bin") as lf:
        by_position = {position: (index, digest) for index, position, digest in leaves(lf)}
    count, version = 0, 0
    with zf.open("events.bin") as ef:
        for position, record in records(ef):
            stream_version = EVENT_HEADER.unpack_from(record)[2]
            if stream_version != version + 1:
                raise fail(
                    "missing_version",
                    f"Position {position} holds version {stream_version} of the stream, "
                    f"but the pack's previous event was version {version}.",
                    position=position,
                )
            version = stream_version
            sealed = by_position.get(position)
            if sealed is None:
                raise fail(
                    "unsealed_event",
                    f"Position {position}: the stream's event there was never sealed "
                    "(inserted after the seal).",
                    position=position,
                )
            index, recorded = sealed
            digest = _sha256(LEAF_PREFIX + bytes(record)).digest()
            if digest != recorded:
                raise fail(
                    "altered_event",
                    f"Position {position} (leaf {index}): the stored event is not the one "
                    "that was sealed there.",
                    position=position,
                )
            try:
                verify_inclusion(
                    index, anchor.tree_size, digest, inclusion.get(index, []), anchor.root_hash
                )
            except ProofError as e:
                raise fail(
                    "inclusion_failed",
                    f"Position {position} (leaf {index}) is not proven to be in the "
                    f"checkpoint of tree size {anchor.tree_size}: {e}.",
                    position=position,
                    tree_size=anchor.tree_size,
                ) from None
            count += 1
    return count


def consistent(
    old: Checkpoint, new: Checkpoint, path: list[bytes] | None, whose: str = "the"
) -> None:
    """Raise unless ``path`` proves that the tree of ``new`` extends the tree of ``old``."""
    if old.tree_size == new.tree_size:
        path = path or []
    if path is None:
        raise fail(
            "consistency_failed",
            f"The pack holds no consistency proof from {whose} checkpoint of tree size "
            f"{old.tree_size} to {new.tree_size}.",
            tree_size=old.tree_size,
        )
    try:
        verify_consistency(old.tree_size, new.tree_size, old.root_hash, new.root_hash, path)
    except ProofError as e:
        raise fail(
            "consistency_failed",
            f"The checkpoint of tree size {new.tree_size} does not extend {whose} checkpoint "
            f"of tree size {old.tree_size} (up to position {old.last_position}): {e}. The "
            "log was rewritten after that checkpoint.",
            position=old.last_position,
            tree_size=old.tree_size,
        ) from None
