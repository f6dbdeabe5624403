"""Checkpoints as C2SP signed notes (docs/audit.md), checked against the spec's own example.

The example key and note are the ones published with Go's ``golang.org/x/mod/sumdb/note``
(and in C2SP ``signed-note``): a key named ``PeterNeumann`` and a two-line note.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import (
    DEFAULT_ORIGIN,
    TreeHead,
    parse_tree_head,
    sign_checkpoint_note,
    verify_checkpoint_note,
)
from evidence.keys import VerifyKey, raw_public
from evidence.merkle import leaf_hash, root_of
from evidence.note import (
    NoteError,
    NoteVerifier,
    key_hash,
    open_note,
    parse_verifier_key,
    sign_note,
)
from ledger.audit.keys import SigningKey
from runtime.settings import Settings, SettingsError

pytestmark = pytest.mark.unit

SPEC_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
SPEC_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
SPEC_TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
SPEC_NOTE = (
    SPEC_TEXT + "\n"
    "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGU"
    "gYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
).encode()
ORIGIN = "sme-ledger.nx/test"


def spec_key() -> Ed25519PrivateKey:
    seed = base64.b64decode(SPEC_SKEY.split("+", 4)[4])
    assert seed[0] == 1
    return Ed25519PrivateKey.from_private_bytes(seed[1:])


def sealed_checkpoint(key: SigningKey, tree_size: int = 7) -> Checkpoint:
    root = hashlib.sha256(b"root").digest()
    return Checkpoint.sign(key, tree_size, root, 12, datetime(2026, 3, 2, 2, 0, tzinfo=UTC))


def test_the_key_hash_is_sha256_of_name_newline_algorithm_and_public_key() -> None:
    public = spec_key().public_key()
    expected = hashlib.sha256(b"PeterNeumann\n\x01" + raw_public(public)).digest()[:4]

    assert key_hash("PeterNeumann", public) == expected == bytes.fromhex("c74f20a3")


def test_the_verifier_key_of_the_spec_example_is_written_as_the_spec_writes_it() -> None:
    verifier = NoteVerifier("PeterNeumann", VerifyKey(spec_key().public_key()))

    assert str(verifier) == SPEC_VKEY
    assert parse_verifier_key(SPEC_VKEY) == verifier


def test_signing_the_spec_example_gives_the_published_note_byte_for_byte() -> None:
    key = spec_key()

    assert sign_note(SPEC_TEXT, "PeterNeumann", key.public_key(), key.sign) == SPEC_NOTE


def test_the_published_note_opens_with_the_published_verifier_key() -> None:
    text, verified = open_note(SPEC_NOTE, [parse_verifier_key(SPEC_VKEY)])

    assert text == SPEC_TEXT
    assert [v.name for v in verified] == ["PeterNeumann"]


@pytest.mark.parametrize(
    "vkey",
    [
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # hash
        "PeterNeumann+c74f20a3+AhpcPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # algorithm, length
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  # name
        "c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    ],
)
def test_a_malformed_verifier_key_is_refused(vkey: str) -> None:
    with pytest.raises(NoteError):
        parse_verifier_key(vkey)


def test_a_checkpoint_note_is_origin_size_base64_root_then_extension_lines() -> None:
    key = SigningKey.generate()
    cp = sealed_checkpoint(key)

    note = sign_checkpoint_note(ORIGIN, cp, key.public.public_key, key.sign)

    text, _, signature_line = note.decode().partition("\n\n")
    assert text == (
        f"{ORIGIN}\n7\n{base64.b64encode(cp.root_hash).decode()}\n"
        "last-position 12\nsealed-at 2026-03-02T02:00:00.000000Z"
    )
    verifier = NoteVerifier(ORIGIN, key.public)
    raw = base64.b64decode(signature_line.removeprefix(f"\u2014 {ORIGIN} "))
    assert raw[:4] == verifier.key_hash
    assert key.public.verify(raw[4:], (text + "\n").encode())
    head = verify_checkpoint_note(note, [parse_verifier_key(str(verifier))], ORIGIN)
    assert head == TreeHead.of(ORIGIN, cp)
    assert head.describes(cp)


def test_a_tampered_checkpoint_note_fails() -> None:
    key = SigningKey.generate()
    note = sign_checkpoint_note(ORIGIN, sealed_checkpoint(key), key.public.public_key, key.sign)
    verifier = NoteVerifier(ORIGIN, key.public)

    with pytest.raises(NoteError, match="does not verify"):
        verify_checkpoint_note(note.replace(b"\n7\n", b"\n8\n"), [verifier])


def test_a_note_signed_by_another_key_fails() -> None:
    key, other = SigningKey.generate(), SigningKey.generate()
    note = sign_checkpoint_note(ORIGIN, sealed_checkpoint(key), key.public.public_key, key.sign)

    with pytest.raises(NoteError, match="no trusted key"):
        verify_checkpoint_note(note, [NoteVerifier(ORIGIN, other.public)])


def test_a_note_signed_under_another_name_than_its_origin_fails() -> None:
    key = SigningKey.generate()
    text = TreeHead.of(ORIGIN, sealed_checkpoint(key)).text
    note = sign_note(text, "someone-else", key.public.public_key, key.sign)

    with pytest.raises(NoteError, match="origin"):
        verify_checkpoint_note(note, [NoteVerifier("someone-else", key.public)])


def test_a_checkpoint_of_another_log_fails_when_the_origin_is_expected() -> None:
    key = SigningKey.generate()
    note = sign_checkpoint_note(ORIGIN, sealed_checkpoint(key), key.public.public_key, key.sign)

    with pytest.raises(NoteError, match=r"not 'sme-ledger\.nx/other'"):
        verify_checkpoint_note(note, [NoteVerifier(ORIGIN, key.public)], "sme-ledger.nx/other")


def test_signatures_by_unknown_keys_are_ignored() -> None:
    key, witness = SigningKey.generate(), SigningKey.generate()
    note = sign_checkpoint_note(ORIGIN, sealed_checkpoint(key), key.public.public_key, key.sign)
    cosigned = (
        note
        + sign_note(
            note.decode().partition("\n\n")[0] + "\n",
            "witness",
            witness.public.public_key,
            witness.sign,
        ).partition(b"\n\n")[2]
    )

    assert verify_checkpoint_note(cosigned, [NoteVerifier(ORIGIN, key.public)]).tree_size == 7


@pytest.mark.parametrize(
    "text",
    [
        "o\n",
        "o\n07\n" + base64.b64encode(bytes(32)).decode() + "\n",
        "o\n7\n" + base64.b64encode(bytes(31)).decode() + "\n",
        "o\n-1\n" + base64.b64encode(bytes(32)).decode() + "\n",
        "o\n7\n" + base64.b64encode(bytes(32)).decode() + "\nlast-position x\n",
    ],
)
def test_a_malformed_checkpoint_text_is_refused(text: str) -> None:
    with pytest.raises(NoteError):
        parse_tree_head(text)


def test_a_checkpoint_with_unknown_extension_lines_still_parses() -> None:
    text = "o\n7\n" + base64.b64encode(bytes(32)).decode() + "\nsomething else\n"

    assert parse_tree_head(text) == TreeHead("o", 7, bytes(32))


def test_the_example_in_the_audit_docs_is_what_the_sealer_writes() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "audit.md").read_text()
    key = SigningKey(Ed25519PrivateKey.from_private_bytes(bytes(range(32))))
    root = root_of([leaf_hash(bytes([i])) for i in range(3)])
    cp = Checkpoint.sign(key, 3, root, 3, datetime(2026, 3, 2, 2, 0, tzinfo=UTC))

    note = sign_checkpoint_note(DEFAULT_ORIGIN, cp, key.public.public_key, key.sign).decode()

    assert f"```\n{note}```\n" in docs
    assert f"`{NoteVerifier(DEFAULT_ORIGIN, key.public)}`" in docs


@pytest.mark.parametrize("origin", ["", "two words", "a+b", "tab\there"])
def test_an_origin_that_cannot_name_a_note_key_is_refused_as_a_setting(origin: str) -> None:
    with pytest.raises(SettingsError, match="LEDGER_CHECKPOINT_ORIGIN"):
        Settings(checkpoint_origin=origin)


def test_the_origin_defaults_to_a_stable_name_of_this_ledger() -> None:
    assert Settings().checkpoint_origin == DEFAULT_ORIGIN == "sme-ledger.nx/service-ledger"
