"""Checkpoints as C2SP ``tlog-checkpoint`` signed notes.

The note's text describes the same tree head as the checkpoint (:mod:`evidence.checkpoint`)::

    <origin>
    <tree size, decimal>
    <root hash, base64>
    last-position <position of the last leaf, decimal>
    sealed-at <sealed at, as in the checkpoint>

The first three lines are the spec's; the last two are extension lines. The note is signed
(:mod:`evidence.note`) by the sealing key under the key name ``<origin>``.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from evidence.checkpoint import Checkpoint, format_time, parse_time
from evidence.note import NoteError, NoteVerifier, check_key_name, open_note, sign_note

DEFAULT_ORIGIN = "sme-ledger.nx/service-ledger"
_POSITION = "last-position "
_SEALED_AT = "sealed-at "


@dataclass(frozen=True)
class TreeHead:
    """What a checkpoint note says: the log's origin, its size and root, and our extensions."""

    origin: str
    tree_size: int
    root_hash: bytes
    last_position: int | None = None
    sealed_at: datetime | None = None

    @classmethod
    def of(cls, origin: str, checkpoint: Checkpoint) -> TreeHead:
        return cls(
            origin,
            checkpoint.tree_size,
            checkpoint.root_hash,
            checkpoint.last_position,
            checkpoint.sealed_at,
        )

    @property
    def text(self) -> str:
        lines = [check_key_name(self.origin), str(self.tree_size)]
        lines.append(base64.b64encode(self.root_hash).decode())
        if self.last_position is not None:
            lines.append(f"{_POSITION}{self.last_position}")
        if self.sealed_at is not None:
            lines.append(f"{_SEALED_AT}{format_time(self.sealed_at)}")
        return "\n".join(lines) + "\n"

    def describes(self, checkpoint: Checkpoint) -> bool:
        """Whether this is the tree head ``checkpoint`` signed (size, root, position, time)."""
        return (
            self.tree_size == checkpoint.tree_size
            and self.root_hash == checkpoint.root_hash
            and self.last_position in (None, checkpoint.last_position)
            and self.sealed_at in (None, checkpoint.sealed_at)
        )


def parse_tree_head(text: str) -> TreeHead:
    """The tree head of a checkpoint note's text; unknown extension lines are ignored."""
    lines = text.removesuffix("\n").split("\n")
    if len(lines) < 3:
        raise NoteError("a checkpoint has an origin, a tree size and a root hash line")
    origin, size, root = lines[:3]
    try:
        root_hash = base64.b64decode(root, validate=True)
    except binascii.Error:
        root_hash = b""
    if not size.isascii() or not size.isdigit() or (size != "0" and size.startswith("0")):
        msg = f"the tree size {size!r} is not a decimal number"
        raise NoteError(msg)
    if len(root_hash) != 32:
        msg = f"the root hash {root!r} is not base64 of 32 bytes"
        raise NoteError(msg)
    position: int | None = None
    sealed_at: datetime | None = None
    try:
        for line in lines[3:]:
            if line.startswith(_POSITION):
                position = int(line.removeprefix(_POSITION))
            elif line.startswith(_SEALED_AT):
                sealed_at = parse_time(line.removeprefix(_SEALED_AT))
    except ValueError as e:
        msg = f"a malformed extension line: {e}"
        raise NoteError(msg) from None
    return TreeHead(origin, int(size), root_hash, position, sealed_at)


def sign_checkpoint_note(
    origin: str,
    checkpoint: Checkpoint,
    public_key: Ed25519PublicKey,
    sign: Callable[[bytes], bytes],
) -> bytes:
    """The signed note of ``checkpoint``'s tree head, signed by the note key ``origin``."""
    return sign_note(TreeHead.of(origin, checkpoint).text, origin, public_key, sign)


def verify_checkpoint_note(
    note: bytes, verifiers: Iterable[NoteVerifier], origin: str | None = None
) -> TreeHead:
    """The tree head of ``note`` if a trusted key named by its origin signed it.

    As C2SP ``tlog-checkpoint`` requires, the signature that counts is by a key whose name is
    the origin; ``origin`` (if given) is the log the caller expects.
    """
    text, verified = open_note(note, verifiers)
    head = parse_tree_head(text)
    if origin is not None and head.origin != origin:
        msg = f"the checkpoint is of the log {head.origin!r}, not {origin!r}"
        raise NoteError(msg)
    if not any(v.name == head.origin for v in verified):
        msg = f"no trusted key named {head.origin!r} (the checkpoint's origin) signed it"
        raise NoteError(msg)
    return head
