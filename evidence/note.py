"""Signed notes (C2SP ``signed-note``) with Ed25519 keys (``cryptography``; nothing hand-rolled).

A note is UTF-8 text ending in a newline, a blank line, then one signature line per signer::

    — <key name> <base64(4-byte key hash ‖ Ed25519 signature of the text)>

The key hash is the first four bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key),
and a verifier key is written ``<key name>+<key hash, 8 hex digits>+<base64(0x01 ‖ public key)>``
(the same strings Go's ``golang.org/x/mod/sumdb/note`` reads).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from evidence.keys import VerifyKey, raw_public

ALGORITHM_ED25519 = 0x01
SIGNATURE_PREFIX = "\u2014 "  # em dash, space
_SIGNATURE_BYTES = 4 + 64
MAX_SIGNATURES = 100
"""More signature lines than this make a note malformed (the spec asks verifiers for a limit
of at least 16; Go's ``sumdb/note`` stops at 100 too)."""


class NoteError(ValueError):
    """A note that is malformed, or that no trusted key signed."""


def check_key_name(name: str) -> str:
    """``name`` if it can name a note key (non-empty, no whitespace, no ``+``)."""
    if not name or "+" in name or any(ch.isspace() for ch in name) or not name.isprintable():
        msg = f"{name!r} cannot name a note key: it must be non-empty, without spaces or '+'"
        raise NoteError(msg)
    return name


def key_hash(name: str, public_key: Ed25519PublicKey, algorithm: int = ALGORITHM_ED25519) -> bytes:
    """The 4-byte key hash of the note key ``name`` (by default an Ed25519 signing key; a
    witness's cosignature key has its own ``algorithm`` byte, :mod:`evidence.cosignature`)."""
    data = check_key_name(name).encode() + b"\n" + bytes([algorithm])
    return hashlib.sha256(data + raw_public(public_key)).digest()[:4]


@dataclass(frozen=True)
class NoteVerifier:
    """A trusted note key: its name and public key."""

    name: str
    key: VerifyKey

    @property
    def key_hash(self) -> bytes:
        return key_hash(self.name, self.key.public_key)

    def __str__(self) -> str:
        data = bytes([ALGORITHM_ED25519]) + raw_public(self.key.public_key)
        return f"{self.name}+{self.key_hash.hex()}+{base64.b64encode(data).decode()}"


def parse_vkey(text: str, algorithm: int, kind: str) -> tuple[str, VerifyKey]:
    """The name and Ed25519 key of a verifier key ``<name>+<hash>+<base64(algorithm ‖ key)>``
    whose algorithm byte is ``algorithm``; its hash must match. ``kind`` names it in errors."""
    # The name holds no "+", but base64 key data may.
    name, plus, rest = text.strip().partition("+")
    hash_hex, plus2, rest = rest.partition("+")
    try:
        data = base64.b64decode(rest, validate=True)
        wanted = bytes.fromhex(hash_hex)
    except (binascii.Error, ValueError):
        data, wanted = b"", b""  # refused just below
    if not (plus and plus2) or len(data) != 33 or len(hash_hex) != 8:
        msg = f"not {kind} of the form <name>+<8 hex digits>+<base64 key data>"
        raise NoteError(msg)
    if data[0] != algorithm:
        msg = f"not {kind}: its key type is {data[0]:02x}, not {algorithm:02x}"
        raise NoteError(msg)
    key = VerifyKey(Ed25519PublicKey.from_public_bytes(data[1:]))
    if key_hash(name, key.public_key, algorithm) != wanted:
        msg = f"the verifier key's hash {hash_hex} does not match its name and key"
        raise NoteError(msg)
    return name, key


def parse_verifier_key(text: str) -> NoteVerifier:
    """A verifier key from its ``<name>+<hash>+<keydata>`` form; its hash must match."""
    name, key = parse_vkey(text, ALGORITHM_ED25519, "an Ed25519 verifier key")
    return NoteVerifier(name, key)


def sign_note(
    text: str, name: str, public_key: Ed25519PublicKey, sign: Callable[[bytes], bytes]
) -> bytes:
    """``text`` (ending in a newline) signed by the Ed25519 note key ``name``."""
    _check_text(text)
    signature = key_hash(name, public_key) + sign(text.encode())
    line = f"{SIGNATURE_PREFIX}{check_key_name(name)} {base64.b64encode(signature).decode()}\n"
    return f"{text}\n{line}".encode()


@dataclass(frozen=True)
class Signature:
    name: str
    key_hash: bytes
    signature: bytes


def split_note(note: bytes) -> tuple[str, list[Signature]]:
    """The text of ``note`` and its signatures, unverified; raises :class:`NoteError`."""
    try:
        decoded = note.decode("utf-8")
    except UnicodeDecodeError:
        raise NoteError("the note is not UTF-8") from None
    if any(ch < " " and ch != "\n" for ch in decoded):
        raise NoteError("the note holds control characters other than newlines")
    text, sep, block = decoded.rpartition("\n\n")
    if not sep or not block.endswith("\n"):
        raise NoteError("the note has no signature block (a blank line, then signature lines)")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        msg = f"the note has {len(lines)} signature lines; at most {MAX_SIGNATURES} are read"
        raise NoteError(msg)
    signatures = []
    for line in lines:
        name, space, encoded = line.removeprefix(SIGNATURE_PREFIX).rpartition(" ")
        try:
            raw = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            raw = b""
        if not line.startswith(SIGNATURE_PREFIX) or not space or len(raw) < 5:
            msg = f"not a signature line: {line!r}"
            raise NoteError(msg)
        signatures.append(Signature(name, raw[:4], raw[4:]))
    return text + "\n", signatures


def open_note(note: bytes, verifiers: Iterable[NoteVerifier]) -> tuple[str, list[NoteVerifier]]:
    """The text of ``note`` and the trusted keys whose signatures on it are valid.

    Signatures by unknown keys are ignored, as the spec says; a signature by a trusted key
    that does not verify, or no valid trusted signature at all, raises :class:`NoteError`.
    """
    text, signatures = split_note(note)
    known = {(v.name, v.key_hash): v for v in verifiers}
    verified: list[NoteVerifier] = []
    for sig in signatures:
        verifier = known.get((sig.name, sig.key_hash))
        if verifier is None:
            continue
        if len(sig.signature) + 4 != _SIGNATURE_BYTES or not verifier.key.verify(
            sig.signature, text.encode()
        ):
            msg = f"the signature of {sig.name} ({sig.key_hash.hex()}) does not verify"
            raise NoteError(msg)
        verified.append(verifier)
    if not verified:
        names = ", ".join(f"{s.name}+{s.key_hash.hex()}" for s in signatures)
        msg = f"no trusted key signed this note (it is signed by {names})"
        raise NoteError(msg)
    return text, verified


def _check_text(text: str) -> None:
    if not text.endswith("\n") or "\n\n" in text or text.startswith("\n"):
        raise NoteError("a note's text is non-empty lines, each ending in a newline")
    if any(ch < " " and ch != "\n" for ch in text):
        raise NoteError("a note's text must not hold control characters other than newlines")
