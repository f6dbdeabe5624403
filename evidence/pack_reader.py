"""Reading the parts of an evidence pack: in chunks, hashed as they are read."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any
from uuid import UUID

from evidence.leaf import LogEntry
from evidence.pack_format import EVENT_HEADER, LEAF_RECORD, U64

CHUNK = 8 * 1024 * 1024
_sha256 = hashlib.sha256


@dataclass(frozen=True)
class Failure:
    code: str
    message: str
    position: int | None = None
    tree_size: int | None = None


class VerificationStoppedError(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


def fail(
    code: str, message: str, *, position: int | None = None, tree_size: int | None = None
) -> VerificationStoppedError:
    return VerificationStoppedError(Failure(code, message, position, tree_size))


class HashedReader:
    """A zip member read once for the checks, hashed on the way against the manifest.

    With ``hashed=False`` the member is not hashed as it is read (``check`` then reads it again
    from the start): for ``events.bin`` of a full pack, whose every byte is already checked
    more strongly by its leaf hash under a signed root, and which the zip's CRC-32 guards
    against accidental damage. Its manifest digest is checked when something fails, to tell a
    damaged pack from an altered log.
    """

    def __init__(
        self, zf: zipfile.ZipFile, name: str, expected: dict[str, Any], *, hashed: bool = True
    ) -> None:
        self.zf = zf
        self.name = name
        self.expected = expected
        self.stream = zf.open(name)
        self.sha = _sha256() if hashed else None
        self.size = 0

    def read(self, n: int) -> bytes:
        data = self.stream.read(n)
        if self.sha is not None:
            self.sha.update(data)
        self.size += len(data)
        return data

    def check(self) -> None:
        """Read what is left and compare with the manifest."""
        if self.sha is None:
            self.stream.close()
            self.stream, self.sha, self.size = self.zf.open(self.name), _sha256(), 0
        while self.read(CHUNK):
            pass
        self.stream.close()
        digest = self.sha.hexdigest()
        if digest != self.expected.get("sha256") or self.size != self.expected.get("bytes"):
            raise fail("pack_damaged", f"{self.name} does not match the SHA-256 in the manifest.")

    def close(self) -> None:
        self.stream.close()


def check_parts(zf: zipfile.ZipFile, parts: dict[str, Any], skip: frozenset[str]) -> None:
    """Compare every part the manifest lists, but ``skip``, with its SHA-256 and length."""
    for name, expected in sorted(parts.items()):
        if name in skip:
            continue
        sha, size = _sha256(), 0
        try:
            with zf.open(name) as f:
                while chunk := f.read(CHUNK):
                    sha.update(chunk)
                    size += len(chunk)
        except KeyError:
            raise fail("pack_damaged", f"{name} is listed but not in the pack.") from None
        if sha.hexdigest() != expected.get("sha256") or size != expected.get("bytes"):
            raise fail("pack_damaged", f"{name} does not match the SHA-256 in the manifest.")


def records(stream: IO[bytes] | HashedReader) -> Iterator[tuple[int, memoryview]]:
    """``(position, canonical leaf data)`` of each event in ``events.bin``, read in chunks."""
    header, u64 = EVENT_HEADER, U64
    rest = b""
    while True:
        chunk = stream.read(CHUNK)
        buf = memoryview(rest + chunk) if rest else memoryview(chunk)
        end, offset = len(buf), 0
        while offset + header.size <= end:
            position, _, _, topic_len = header.unpack_from(buf, offset)
            state_at = offset + header.size + topic_len
            if state_at + 8 > end:
                break
            (state_len,) = u64.unpack_from(buf, state_at)
            stop = state_at + 8 + state_len
            if stop > end:
                break
            yield position, buf[offset:stop]
            offset = stop
        rest = bytes(buf[offset:])
        if not chunk:
            if rest:
                raise fail("pack_damaged", "events.bin ends in the middle of an event.")
            return


def entries(stream: IO[bytes] | HashedReader) -> Iterator[LogEntry]:
    """Each event of ``events.bin`` as the seal saw it (its leaf data, decoded)."""
    header, u64 = EVENT_HEADER, U64
    for _, record in records(stream):
        position, stream_id, version, topic_len = header.unpack_from(record)
        topic_at = header.size
        state_at = topic_at + topic_len + u64.size
        topic = bytes(record[topic_at : topic_at + topic_len]).decode("utf-8")
        yield LogEntry(position, UUID(bytes=stream_id), version, topic, bytes(record[state_at:]))


def leaves(stream: IO[bytes] | HashedReader) -> Iterator[tuple[int, int, bytes]]:
    size = LEAF_RECORD.size
    rest = b""
    while True:
        chunk = stream.read(CHUNK - CHUNK % size)
        data = rest + chunk
        whole = len(data) - len(data) % size
        yield from LEAF_RECORD.iter_unpack(data[:whole])
        rest = data[whole:]
        if not chunk:
            if rest:
                raise fail("pack_damaged", "leaves.bin ends in the middle of a leaf.")
            return


def in_order(leaves: Iterator[tuple[int, int, bytes]]) -> Iterator[tuple[int, int, bytes]]:
    """The leaves of a full pack: indexes 0, 1, 2… with growing positions, or the pack is bad."""
    expected, previous = 0, 0
    for leaf in leaves:
        index, position, _ = leaf
        if index != expected or position <= previous:
            raise fail(
                "pack_damaged",
                f"leaves.bin is not in tree order at leaf {expected} (found leaf {index} at "
                f"position {position}).",
            )
        expected, previous = expected + 1, position
        yield leaf
