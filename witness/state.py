"""What a witness remembers of each log: the latest checkpoint it cosigned, one file per log.

The file of a log is ``<SHA-256 of the origin, lowercase hex>.json`` in the state directory::

    {"origin": "...", "tree_size": N, "root_hash": "<base64>", "checkpoint": "<the note>"}

``checkpoint`` is the cosigned note (the log's verified signatures and the witness's
cosignature), served to monitors. A file is replaced whole: written to a temporary file in the
same directory, flushed to disk, renamed over the old one, and the directory flushed too, so a
crash leaves either the old state or the new one, never half of either. One process at a time
may use a directory (an exclusive lock on its ``lock`` file), so two witnesses can never
cosign from the same state.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evidence.merkle import HASH_SIZE


class WitnessStateError(RuntimeError):
    """The state directory cannot be used (held by another witness, unreadable, damaged)."""


def origin_hash(origin: str) -> str:
    """The lowercase hex SHA-256 of a log's origin, as monitors address it."""
    return hashlib.sha256(origin.encode()).hexdigest()


@dataclass(frozen=True)
class LogState:
    """The latest checkpoint of ``origin`` the witness cosigned."""

    origin: str
    tree_size: int
    root_hash: bytes
    checkpoint: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "tree_size": self.tree_size,
            "root_hash": base64.b64encode(self.root_hash).decode(),
            "checkpoint": self.checkpoint.decode(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LogState:
        root = base64.b64decode(data["root_hash"], validate=True)
        size = data["tree_size"]
        if not isinstance(size, int) or size < 0 or len(root) != HASH_SIZE:
            msg = "tree_size or root_hash is out of range"
            raise ValueError(msg)
        return cls(str(data["origin"]), size, root, str(data["checkpoint"]).encode())


class StateDirectory:
    """The witness's state on disk; held (locked) from construction until :meth:`close`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock = os.open(path / "lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._lock)
            msg = (
                f"Another witness process holds the state directory {path}; one witness at a "
                "time may use it (two would cosign from the same state)."
            )
            raise WitnessStateError(msg) from None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            os.close(self._lock)

    def _file(self, origin: str) -> Path:
        return self.path / f"{origin_hash(origin)}.json"

    def load(self, origin: str) -> LogState | None:
        """The state of the log ``origin``; ``None`` if the witness never cosigned it.

        A file that cannot be read or makes no sense raises :class:`WitnessStateError`: taking
        it for "never cosigned" would let the witness cosign a fork of what it cosigned before.
        """
        return self._read(self._file(origin), origin)

    def load_by_hash(self, hashed: str) -> LogState | None:
        """The state of the log whose origin hashes to ``hashed`` (lowercase hex)."""
        if len(hashed) != 64 or any(c not in "0123456789abcdef" for c in hashed):
            return None
        return self._read(self.path / f"{hashed}.json", None)

    def _read(self, file: Path, origin: str | None) -> LogState | None:
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as e:
            msg = f"Cannot read the witness state {file}: {e.strerror}."
            raise WitnessStateError(msg) from None
        try:
            state = LogState.from_json(json.loads(text))
        except (ValueError, KeyError, TypeError, binascii.Error) as e:
            msg = f"The witness state {file} is damaged ({e}); restore it from a backup."
            raise WitnessStateError(msg) from None
        if file.name != f"{origin_hash(state.origin)}.json" or origin not in (None, state.origin):
            msg = f"The witness state {file} belongs to another log ({state.origin!r})."
            raise WitnessStateError(msg)
        return state

    def save(self, state: LogState) -> None:
        """Replace the state of ``state.origin`` atomically and durably."""
        file = self._file(state.origin)
        temporary = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        data = json.dumps(state.to_json(), indent=2).encode() + b"\n"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temporary, file)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
        directory = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(directory)  # the rename itself must survive a crash
        finally:
            os.close(directory)
