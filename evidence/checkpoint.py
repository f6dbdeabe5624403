"""Signed checkpoints: a tree size, its root, the log position it reaches and when.

The signed message is this UTF-8 text (every line ends with ``\\n``)::

    sme-service-ledger checkpoint v1
    <tree size, decimal>
    <root hash, lowercase hex>
    <position of the last leaf, decimal; 0 for the empty tree>
    <sealed at, RFC 3339 UTC with microseconds, e.g. 2026-03-02T02:00:00.000000Z>

The signature is Ed25519 over exactly those bytes, by the key named by ``key_id``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TypedDict

import orjson

from evidence.keys import VerifyKey


class Signer(Protocol):
    """Whatever signs checkpoints (the sealer's private key)."""

    @property
    def key_id(self) -> str: ...

    def sign(self, message: bytes) -> bytes: ...


CHECKPOINT_HEADER = "sme-service-ledger checkpoint v1"


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


class CheckpointJSON(TypedDict):
    """A checkpoint as JSON (evidence packs, the audit API): hashes and signature in lowercase
    hex, ``sealed_at`` as signed."""

    tree_size: int
    root_hash: str
    last_position: int
    sealed_at: str
    key_id: str
    signature: str


@dataclass(frozen=True)
class Checkpoint:
    tree_size: int
    root_hash: bytes
    last_position: int
    sealed_at: datetime
    key_id: str
    signature: bytes

    @staticmethod
    def message_for(
        tree_size: int, root_hash: bytes, last_position: int, sealed_at: datetime
    ) -> bytes:
        return (
            f"{CHECKPOINT_HEADER}\n{tree_size}\n{root_hash.hex()}\n{last_position}\n"
            f"{format_time(sealed_at)}\n"
        ).encode()

    @property
    def message(self) -> bytes:
        return self.message_for(self.tree_size, self.root_hash, self.last_position, self.sealed_at)

    @classmethod
    def sign(
        cls,
        key: Signer,
        tree_size: int,
        root_hash: bytes,
        last_position: int,
        sealed_at: datetime,
    ) -> Checkpoint:
        # Microseconds only: the signed text is what is stored, so they must round-trip.
        sealed_at = parse_time(format_time(sealed_at))
        message = cls.message_for(tree_size, root_hash, last_position, sealed_at)
        return cls(tree_size, root_hash, last_position, sealed_at, key.key_id, key.sign(message))

    def signed_by(self, key: VerifyKey) -> bool:
        return key.key_id == self.key_id and key.verify(self.signature, self.message)

    def to_json(self) -> CheckpointJSON:
        return {
            "tree_size": self.tree_size,
            "root_hash": self.root_hash.hex(),
            "last_position": self.last_position,
            "sealed_at": format_time(self.sealed_at),
            "key_id": self.key_id,
            "signature": self.signature.hex(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Checkpoint:
        """A checkpoint from :meth:`to_json`'s form; raises ``ValueError`` if malformed."""
        try:
            return cls(
                tree_size=int(data["tree_size"]),
                root_hash=bytes.fromhex(data["root_hash"]),
                last_position=int(data["last_position"]),
                sealed_at=parse_time(data["sealed_at"]),
                key_id=str(data["key_id"]),
                signature=bytes.fromhex(data["signature"]),
            )
        except (KeyError, TypeError, ValueError) as e:
            msg = f"not a checkpoint: {e}"
            raise ValueError(msg) from None


def load_trusted_checkpoint(path: Path) -> Checkpoint:
    """A checkpoint saved by an auditor (the JSON of ``GET /v1/audit/checkpoints/latest``)."""
    data = orjson.loads(path.read_bytes())
    if isinstance(data, dict) and "checkpoint" in data and isinstance(data["checkpoint"], dict):
        data = data["checkpoint"]
    return Checkpoint.from_json(data)
