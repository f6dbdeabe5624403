"""Witness cosignatures of checkpoints (C2SP ``tlog-cosignature``, the Ed25519 ``cosignature/v1``
type), made and checked with ``cryptography``; nothing hand-rolled.

A cosignature is one more signature line on a checkpoint note::

    — <witness name> <base64(key ID ‖ u64 timestamp ‖ Ed25519 signature)>

The key ID is the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x04 ‖ 32-byte public key); the
timestamp is big-endian POSIX seconds (at most 2^63 - 1); the signature is over::

    cosignature/v1
    time <timestamp, decimal, no leading zeros>
    <the checkpoint's whole text, extension lines and final newline included>

It says that, at that time, this was the largest tree the witness had seen of the log named by
the origin line, and that it extends every earlier one the witness saw. A witness's verifier
key is ``<name>+<key ID, 8 hex digits>+<base64(0x04 ‖ public key)>``.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from evidence.checkpoint_note import TreeHead, verify_checkpoint_note
from evidence.keys import VerifyKey, raw_public
from evidence.note import (
    SIGNATURE_PREFIX,
    NoteError,
    NoteVerifier,
    check_key_name,
    key_hash,
    parse_vkey,
    split_note,
)

ALGORITHM_COSIGNATURE_V1 = 0x04
COSIGNATURE_HEADER = "cosignature/v1"
MAX_TIMESTAMP = 2**63 - 1
_TIMESTAMP = struct.Struct(">Q")
_SIGNATURE_BYTES = _TIMESTAMP.size + 64


@dataclass(frozen=True)
class CosignerKey:
    """A witness's public key, under the name it cosigns with."""

    name: str
    key: VerifyKey

    @property
    def key_hash(self) -> bytes:
        return key_hash(self.name, self.key.public_key, ALGORITHM_COSIGNATURE_V1)

    @property
    def label(self) -> str:
        """``<name>+<key ID>``: which witness, in messages and metrics."""
        return f"{self.name}+{self.key_hash.hex()}"

    def __str__(self) -> str:
        data = bytes([ALGORITHM_COSIGNATURE_V1]) + raw_public(self.key.public_key)
        return f"{self.label}+{base64.b64encode(data).decode()}"


def parse_cosigner_key(text: str) -> CosignerKey:
    """A witness's verifier key from ``<name>+<hash>+<base64(0x04 ‖ key)>``; its hash must match."""
    name, key = parse_vkey(text, ALGORITHM_COSIGNATURE_V1, "a witness (cosignature/v1) key")
    return CosignerKey(name, key)


def cosigned_message(text: str, timestamp: int) -> bytes:
    """What a ``cosignature/v1`` signs: the header, the time, then the checkpoint's text."""
    if not 0 <= timestamp <= MAX_TIMESTAMP:
        msg = f"a cosignature's time is 0 to 2^63 - 1 seconds, not {timestamp}"
        raise NoteError(msg)
    return f"{COSIGNATURE_HEADER}\ntime {timestamp}\n".encode() + text.encode()


def cosignature_line(
    text: str,
    name: str,
    public_key: Ed25519PublicKey,
    timestamp: int,
    sign: Callable[[bytes], bytes],
) -> str:
    """The signature line by which the witness ``name`` cosigns the checkpoint ``text``."""
    signature = sign(cosigned_message(text, timestamp))
    data = (
        key_hash(name, public_key, ALGORITHM_COSIGNATURE_V1)
        + _TIMESTAMP.pack(timestamp)
        + signature
    )
    return f"{SIGNATURE_PREFIX}{check_key_name(name)} {base64.b64encode(data).decode()}\n"


@dataclass(frozen=True)
class Cosignature:
    """A valid cosignature by ``witness`` on a checkpoint, made at ``timestamp``."""

    witness: CosignerKey
    timestamp: int


def verify_cosignatures(note: bytes, witnesses: Iterable[CosignerKey]) -> list[Cosignature]:
    """The valid cosignatures on ``note`` by the trusted ``witnesses``, one per witness.

    Lines of other keys are ignored (the log's own signature among them), as the spec says; a
    line that names a trusted witness but does not verify makes the note malformed
    (:class:`NoteError`), as a bad signature by a known key does in ``signed-note``.
    """
    text, signatures = split_note(note)
    known = {(w.name, w.key_hash): w for w in witnesses}
    found: dict[tuple[str, bytes], Cosignature] = {}
    for sig in signatures:
        witness = known.get((sig.name, sig.key_hash))
        if witness is None:
            continue
        if len(sig.signature) != _SIGNATURE_BYTES:
            msg = f"the cosignature of {witness.label} is not {4 + _SIGNATURE_BYTES} bytes"
            raise NoteError(msg)
        (timestamp,) = _TIMESTAMP.unpack(sig.signature[: _TIMESTAMP.size])
        if timestamp > MAX_TIMESTAMP or not witness.key.verify(
            sig.signature[_TIMESTAMP.size :], cosigned_message(text, timestamp)
        ):
            msg = f"the cosignature of {witness.label} does not verify"
            raise NoteError(msg)
        found.setdefault((sig.name, sig.key_hash), Cosignature(witness, timestamp))
    return list(found.values())


@dataclass(frozen=True)
class WitnessedHead:
    """A checkpoint the log signed, and the trusted witnesses that cosigned it."""

    head: TreeHead
    cosignatures: list[Cosignature]


def verify_witnessed_checkpoint(
    note: bytes,
    verifiers: Iterable[NoteVerifier],
    witnesses: Iterable[CosignerKey],
    min_witnesses: int,
    origin: str | None = None,
) -> WitnessedHead:
    """The tree head of ``note`` if the log signed it (:func:`verify_checkpoint_note`) and at
    least ``min_witnesses`` of the trusted ``witnesses`` cosigned its exact text.

    Raises :class:`NoteError` saying which check failed and which witnesses did cosign.
    """
    trusted = list(witnesses)
    distinct = len({(w.name, w.key_hash) for w in trusted})
    if min_witnesses > distinct:
        msg = (
            f"{min_witnesses} cosignatures cannot come from {distinct} trusted witness "
            "key(s): give more keys or require fewer"
        )
        raise NoteError(msg)
    head = verify_checkpoint_note(note, verifiers, origin)
    cosignatures = verify_cosignatures(note, trusted)
    if len(cosignatures) < min_witnesses:
        signed = ", ".join(c.witness.label for c in cosignatures) or "none of them"
        msg = (
            f"{min_witnesses} of the trusted witnesses must cosign this checkpoint; "
            f"{len(cosignatures)} did ({signed})"
        )
        raise NoteError(msg)
    return WitnessedHead(head, cosignatures)
