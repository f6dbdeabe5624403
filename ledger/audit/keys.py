"""The sealer's Ed25519 private key (``cryptography``; nothing hand-rolled).

A private key is kept as unencrypted PKCS#8 PEM in a file of mode 0600, or given whole in
``LEDGER_SEAL_KEY`` (that PEM, or the 32 raw bytes in base64). Its public half, and how
auditors load and check one, is :mod:`evidence.keys`.
"""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence.keys import VerifyKey
from ledger.domain.errors import LedgerError


class SealKeyError(LedgerError):
    code = "seal_key_invalid"
    title = "Sealing key unusable"


def private_pem(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


@dataclass(frozen=True)
class SigningKey:
    """The sealer's private key."""

    private_key: Ed25519PrivateKey

    @property
    def public(self) -> VerifyKey:
        return VerifyKey(self.private_key.public_key())

    @property
    def key_id(self) -> str:
        return self.public.key_id

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message)

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())


def load_signing_key(data: bytes, source: str) -> SigningKey:
    """A private key from PKCS#8 PEM or base64 of the 32 raw bytes; ``source`` names where from."""
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            key = serialization.load_pem_private_key(data, password=None)
        else:
            key = Ed25519PrivateKey.from_private_bytes(
                base64.b64decode(data.strip(), validate=True)
            )
    except (ValueError, TypeError, binascii.Error):
        # Never echo the key material.
        msg = (
            f"The sealing key in {source} is not an unencrypted Ed25519 private key (PKCS#8 PEM "
            "or base64 of 32 bytes). Make one with `sme-ledger audit keygen FILE`."
        )
        raise SealKeyError(msg) from None
    if not isinstance(key, Ed25519PrivateKey):
        msg = f"The sealing key in {source} is not an Ed25519 key."
        raise SealKeyError(msg)
    return SigningKey(key)


def write_private_key(path: Path, key: SigningKey) -> None:
    """Write ``key`` to a new file readable by its owner only; never overwrite a key."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        msg = f"{path} already exists; a sealing key is never overwritten. Choose another path."
        raise SealKeyError(msg) from None
    with os.fdopen(fd, "wb") as f:
        f.write(private_pem(key.private_key))


def read_private_key(path: Path) -> SigningKey:
    try:
        data = path.read_bytes()
    except OSError as e:
        msg = f"Cannot read the sealing key file {path}: {e.strerror}."
        raise SealKeyError(msg) from None
    return load_signing_key(data, str(path))


def resolve_signing_key(
    key_text: str | None, key_file: Path | None, generated_path: Path | None
) -> tuple[SigningKey, str | None]:
    """The sealer's key, and a note to show once if one had to be generated.

    ``key_text`` (``LEDGER_SEAL_KEY``) wins over ``key_file`` (``LEDGER_SEAL_KEY_FILE``). With
    neither, the embedded set-up uses (or creates) ``generated_path``; production passes
    ``None`` there and must configure a key.
    """
    if key_text:
        return load_signing_key(key_text.encode("ascii", "replace"), "LEDGER_SEAL_KEY"), None
    if key_file is not None:
        return read_private_key(key_file), None
    if generated_path is None:
        msg = (
            "No sealing key: set LEDGER_SEAL_KEY_FILE to a key made with "
            "`sme-ledger audit keygen FILE` (or LEDGER_SEAL_KEY to its contents)."
        )
        raise SealKeyError(msg)
    if generated_path.exists():
        return read_private_key(generated_path), None
    key = SigningKey.generate()
    try:
        write_private_key(generated_path, key)
    except SealKeyError:
        # Another process generated it between the check and the write: use theirs.
        return read_private_key(generated_path), None
    note = (
        f"No LEDGER_SEAL_KEY_FILE set: generated a sealing key at {generated_path} (key id "
        f"{key.key_id}). Back it up, and give auditors its public key "
        "(GET /v1/audit/public-key)."
    )
    return key, note
