"""A witness's Ed25519 key (``cryptography``; nothing hand-rolled), kept as unencrypted PKCS#8
PEM in a file only its owner can read. The witness cosigns under a name it is known by; the
name and the public key together make its verifier key (:class:`evidence.cosignature.CosignerKey`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence.cosignature import CosignerKey, cosignature_line
from evidence.keys import VerifyKey
from evidence.note import NoteError, check_key_name


class WitnessKeyError(ValueError):
    """A witness key that cannot be made, read or used; the message says what to do."""


@dataclass(frozen=True)
class WitnessKey:
    """The witness's private key and the name it cosigns under."""

    name: str
    private_key: Ed25519PrivateKey

    @classmethod
    def generate(cls, name: str) -> WitnessKey:
        return cls(_checked_name(name), Ed25519PrivateKey.generate())

    @property
    def cosigner(self) -> CosignerKey:
        """The public half, as the log and auditors are given it."""
        return CosignerKey(self.name, VerifyKey(self.private_key.public_key()))

    def cosign(self, text: str, timestamp: int) -> str:
        """The ``cosignature/v1`` line of the checkpoint ``text`` at ``timestamp``."""
        public = self.private_key.public_key()
        return cosignature_line(text, self.name, public, timestamp, self.private_key.sign)


def _checked_name(name: str) -> str:
    try:
        return check_key_name(name)
    except NoteError as e:
        raise WitnessKeyError(str(e)) from None


def write_witness_key(path: Path, key: WitnessKey) -> None:
    """Write ``key`` to a new file of mode 0600; an existing file is never overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        msg = f"{path} already exists; a witness key is never overwritten. Choose another path."
        raise WitnessKeyError(msg) from None
    with os.fdopen(fd, "wb") as f:
        f.write(
            key.private_key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        f.flush()
        os.fsync(f.fileno())


def read_witness_key(path: Path, name: str) -> WitnessKey:
    """The key in ``path`` (made by ``sme-ledger witness keygen``), cosigning as ``name``."""
    try:
        data = path.read_bytes()
    except OSError as e:
        msg = f"Cannot read the witness key file {path}: {e.strerror}."
        raise WitnessKeyError(msg) from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        # Never echo the key material.
        msg = (
            f"{path} is not an unencrypted Ed25519 private key (PKCS#8 PEM). Make one with "
            "`sme-ledger witness keygen FILE --name NAME`."
        )
        raise WitnessKeyError(msg) from None
    if not isinstance(key, Ed25519PrivateKey):
        msg = f"The witness key in {path} is not an Ed25519 key."
        raise WitnessKeyError(msg)
    return WitnessKey(_checked_name(name), key)
