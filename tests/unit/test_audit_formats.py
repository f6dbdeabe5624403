"""The documented formats: leaf encoding, checkpoint text, keys, replay points (docs/audit.md)."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime
from uuid import UUID

import pytest

from evidence.checkpoint import Checkpoint
from evidence.keys import load_verify_key, raw_public
from evidence.leaf import LogEntry, entry_hash, leaf_data
from ledger.audit.keys import SealKeyError, SigningKey, load_signing_key, private_pem
from ledger.audit.replay import ReplayPoint

STREAM = UUID("00112233-4455-6677-8899-aabbccddeeff")


def test_leaf_data_is_fixed_width_big_endian_with_length_prefixed_topic_and_state() -> None:
    entry = LogEntry(position=258, stream_id=STREAM, version=3, topic="a:B.C", state=b'{"x":1}')

    assert leaf_data(entry) == (
        bytes.fromhex("0000000000000102")
        + STREAM.bytes
        + bytes.fromhex("0000000000000003")
        + bytes.fromhex("0000000000000005")
        + b"a:B.C"
        + bytes.fromhex("0000000000000007")
        + b'{"x":1}'
    )
    assert entry_hash(entry) == hashlib.sha256(b"\x00" + leaf_data(entry)).digest()


@pytest.mark.parametrize(
    "changed",
    [
        LogEntry(259, STREAM, 3, "a:B.C", b'{"x":1}'),
        LogEntry(258, UUID(int=STREAM.int + 1), 3, "a:B.C", b'{"x":1}'),
        LogEntry(258, STREAM, 4, "a:B.C", b'{"x":1}'),
        LogEntry(258, STREAM, 3, "a:B.D", b'{"x":1}'),
        LogEntry(258, STREAM, 3, "a:B.C", b'{"x":2}'),
        # Moving a byte between topic and state changes the framing, hence the hash.
        LogEntry(258, STREAM, 3, "a:B.C{", b'"x":1}'),
    ],
)
def test_every_field_of_an_event_changes_its_leaf(changed: LogEntry) -> None:
    original = LogEntry(258, STREAM, 3, "a:B.C", b'{"x":1}')
    assert entry_hash(changed) != entry_hash(original)


def test_the_checkpoint_message_is_the_documented_text() -> None:
    key = SigningKey.generate()
    at = datetime(2026, 3, 2, 2, 0, 0, 123456, tzinfo=UTC)

    cp = Checkpoint.sign(key, 7, b"\xab" * 32, 9, at)

    assert cp.message == (
        b"sme-service-ledger checkpoint v1\n7\n"
        + b"ab" * 32
        + b"\n9\n2026-03-02T02:00:00.123456Z\n"
    )
    assert cp.signed_by(key.public)
    assert Checkpoint.from_json(cp.to_json()) == cp


def test_a_checkpoint_claiming_another_size_or_root_fails_its_signature() -> None:
    key = SigningKey.generate()
    cp = Checkpoint.sign(key, 7, b"\xab" * 32, 9, datetime.now(UTC))
    resized = Checkpoint(8, cp.root_hash, cp.last_position, cp.sealed_at, cp.key_id, cp.signature)
    rerooted = Checkpoint(7, b"\xac" * 32, cp.last_position, cp.sealed_at, cp.key_id, cp.signature)

    assert not resized.signed_by(key.public)
    assert not rerooted.signed_by(key.public)
    assert not cp.signed_by(SigningKey.generate().public)


def test_the_key_id_is_sha256_of_the_raw_public_key_truncated_to_16_hex_digits() -> None:
    key = SigningKey.generate()
    raw = raw_public(key.private_key.public_key())

    assert key.key_id == hashlib.sha256(raw).hexdigest()[:16]
    assert load_verify_key(base64.b64encode(raw).decode()).key_id == key.key_id
    assert load_verify_key(key.public.pem).key_id == key.key_id


def test_a_signing_key_loads_from_pem_or_raw_base64() -> None:
    key = SigningKey.generate()
    raw = key.private_key.private_bytes_raw()

    assert load_signing_key(private_pem(key.private_key), "test").key_id == key.key_id
    assert load_signing_key(base64.b64encode(raw), "test").key_id == key.key_id


def test_a_broken_key_is_refused_without_echoing_it() -> None:
    with pytest.raises(SealKeyError) as excinfo:
        load_signing_key(b"c2VjcmV0LWJ1dC13cm9uZw==", "LEDGER_SEAL_KEY")

    assert "c2VjcmV0" not in str(excinfo.value)
    assert "LEDGER_SEAL_KEY" in str(excinfo.value)


@pytest.mark.parametrize(
    ("text", "position", "time"),
    [
        ("42", 42, None),
        ("2026-03-01T10:00:00+08:00", None, datetime(2026, 3, 1, 2, 0, tzinfo=UTC)),
        ("2026-03-01T02:00:00Z", None, datetime(2026, 3, 1, 2, 0, tzinfo=UTC)),
    ],
)
def test_a_replay_point_is_a_position_or_a_time_with_an_offset(
    text: str, position: int | None, time: datetime | None
) -> None:
    point = ReplayPoint.parse(text)
    assert point.position == position
    assert point.time == time


@pytest.mark.parametrize("text", ["yesterday", "2026-03-01T10:00:00", "-3"])
def test_anything_else_is_not_a_replay_point(text: str) -> None:
    with pytest.raises(ValueError, match=r"offset|neither"):
        ReplayPoint.parse(text)
