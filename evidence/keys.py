"""Ed25519 public keys that checkpoints are verified against (``cryptography``; nothing
hand-rolled).

A public key is shared as SubjectPublicKeyInfo PEM (or base64 of its 32 raw bytes). The key id
is the first 16 hex digits of SHA-256 of the 32 raw public key bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

KEY_ID_HEX_DIGITS = 16


class InvalidKeyError(ValueError):
    """A key that cannot be used: not Ed25519, not PEM or base64 of its raw bytes."""


def raw_public(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(public_key: Ed25519PublicKey) -> str:
    return hashlib.sha256(raw_public(public_key)).hexdigest()[:KEY_ID_HEX_DIGITS]


def public_pem(public_key: Ed25519PublicKey) -> str:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


@dataclass(frozen=True)
class VerifyKey:
    """A public key that checkpoints are checked against."""

    public_key: Ed25519PublicKey

    @property
    def key_id(self) -> str:
        return key_id(self.public_key)

    @property
    def pem(self) -> str:
        return public_pem(self.public_key)

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            self.public_key.verify(signature, message)
        except InvalidSignature:
            return False
        return True


def load_verify_key(text: str | bytes) -> VerifyKey:
    """A public key from PEM (SubjectPublicKeyInfo) or base64 of the 32 raw bytes."""
    data = text.encode("ascii") if isinstance(text, str) else text
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            key = serialization.load_pem_public_key(data)
        else:
            key = Ed25519PublicKey.from_public_bytes(base64.b64decode(data.strip(), validate=True))
    except (ValueError, TypeError, binascii.Error) as e:
        msg = f"Not an Ed25519 public key (PEM or base64 of 32 bytes): {e}"
        raise InvalidKeyError(msg) from None
    if not isinstance(key, Ed25519PublicKey):
        msg = "The public key is not an Ed25519 key."
        raise InvalidKeyError(msg)
    return VerifyKey(key)
