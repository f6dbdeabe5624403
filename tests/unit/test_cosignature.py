"""Witness cosignatures (C2SP ``tlog-cosignature``, Ed25519 ``cosignature/v1``), checked against
the spec's formulas computed here with ``cryptography``, and against the spec's own example."""

from __future__ import annotations

import base64
import hashlib
import re
import struct
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import DEFAULT_ORIGIN, TreeHead, sign_checkpoint_note
from evidence.cosignature import (
    CosignerKey,
    cosignature_line,
    cosigned_message,
    parse_cosigner_key,
    verify_cosignatures,
    verify_witnessed_checkpoint,
)
from evidence.keys import VerifyKey, raw_public
from evidence.merkle import leaf_hash, root_of
from evidence.note import NoteError, NoteVerifier, parse_verifier_key, sign_note, split_note
from ledger.audit.keys import SigningKey
from witness.keys import WitnessKey

# The checkpoint and the cosigned message of the spec's "Ed25519 signed message" section.
SPEC_BODY = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
SPEC_MESSAGE = (
    b"cosignature/v1\ntime 1679315147\n"
    b"example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
)
# The spec's example of a checkpoint with a cosignature (its "Format" section).
SPEC_COSIGNED = (
    SPEC_BODY + "\n"
    "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5"
    "/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
    "\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dl"
    "rDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n"
).encode()
SEED = bytes(range(32))
SEED_2 = bytes(range(32, 64))
WITNESS = "witness.example/w1"
LOG = "example.com/behind-the-sofa"


def test_the_cosigned_message_is_the_spec_example_byte_for_byte() -> None:
    assert cosigned_message(SPEC_BODY, 1679315147) == SPEC_MESSAGE


def test_the_spec_example_line_is_key_id_then_a_big_endian_time_then_64_signature_bytes() -> None:
    _, signatures = split_note(SPEC_COSIGNED)
    witness = signatures[1]

    assert witness.name == "witness.example.com/w1"
    assert witness.key_hash == bytes.fromhex("8d66cf3f")
    assert len(witness.signature) == 8 + 64
    # The time of the spec's example message, as the spec's example line carries it.
    assert struct.unpack(">Q", witness.signature[:8]) == (1679315147,)


def test_the_key_id_is_sha256_of_name_newline_0x04_and_the_public_key() -> None:
    public = Ed25519PrivateKey.from_private_bytes(SEED).public_key()
    cosigner = CosignerKey(WITNESS, VerifyKey(public))
    expected = hashlib.sha256(WITNESS.encode() + b"\n\x04" + raw_public(public)).digest()[:4]

    assert cosigner.key_hash == expected
    # The same key as a note-signing key (type 0x01) has another ID.
    assert NoteVerifier(WITNESS, VerifyKey(public)).key_hash != expected
    key_data = base64.b64encode(b"\x04" + raw_public(public)).decode()
    vkey = f"{WITNESS}+{expected.hex()}+{key_data}"
    assert str(cosigner) == vkey
    assert parse_cosigner_key(vkey) == cosigner


def test_a_fixed_key_and_time_give_the_line_the_spec_formula_gives() -> None:
    private = Ed25519PrivateKey.from_private_bytes(SEED)
    public = private.public_key()
    timestamp = 1679315147
    key_id = hashlib.sha256(WITNESS.encode() + b"\n\x04" + raw_public(public)).digest()[:4]
    signed = b"cosignature/v1\ntime 1679315147\n" + SPEC_BODY.encode()
    signature = private.sign(signed)  # Ed25519 is deterministic: one signature per message
    expected = (
        f"\u2014 {WITNESS} "
        f"{base64.b64encode(key_id + timestamp.to_bytes(8, 'big') + signature).decode()}\n"
    )

    line = cosignature_line(SPEC_BODY, WITNESS, public, timestamp, private.sign)

    assert line == expected
    assert WitnessKey(WITNESS, private).cosign(SPEC_BODY, timestamp) == expected
    assert len(base64.b64decode(line.split(" ")[-1])) == 4 + 8 + 64


def test_a_log_key_and_a_witness_key_are_not_taken_for_each_other() -> None:
    public = VerifyKey(Ed25519PrivateKey.from_private_bytes(SEED).public_key())

    with pytest.raises(NoteError, match="key type is 01, not 04"):
        parse_cosigner_key(str(NoteVerifier(WITNESS, public)))
    with pytest.raises(NoteError, match="key type is 04, not 01"):
        parse_verifier_key(str(CosignerKey(WITNESS, public)))
    hash_hex = str(CosignerKey(WITNESS, public)).split("+")[1]
    with pytest.raises(NoteError, match="does not match"):
        parse_cosigner_key(str(CosignerKey(WITNESS, public)).replace(hash_hex, "00000000"))


def _cosigned(count: int = 2) -> tuple[bytes, NoteVerifier, list[WitnessKey]]:
    log_key = Ed25519PrivateKey.generate()
    text = TreeHead(LOG, 7, hashlib.sha256(b"root").digest()).text
    note = sign_note(text, LOG, log_key.public_key(), log_key.sign)
    witnesses = [WitnessKey.generate(f"witness.example/w{i}") for i in range(count)]
    lines = "".join(w.cosign(text, 1_700_000_000 + i) for i, w in enumerate(witnesses))
    return note + lines.encode(), NoteVerifier(LOG, VerifyKey(log_key.public_key())), witnesses


def test_cosignatures_of_trusted_witnesses_are_found_and_others_ignored() -> None:
    note, log_key, witnesses = _cosigned(3)
    stranger = WitnessKey.generate("witness.example/w9").cosigner

    found = verify_cosignatures(note, [witnesses[0].cosigner, witnesses[2].cosigner, stranger])

    assert [(c.witness, c.timestamp) for c in found] == [
        (witnesses[0].cosigner, 1_700_000_000),
        (witnesses[2].cosigner, 1_700_000_002),
    ]
    # The log's own signature still verifies with the extra lines present.
    head = verify_witnessed_checkpoint(note, [log_key], [w.cosigner for w in witnesses], 3).head
    assert head.tree_size == 7


def test_fewer_cosignatures_than_required_fail_and_say_who_did_cosign() -> None:
    note, log_key, witnesses = _cosigned(2)
    keys = [w.cosigner for w in witnesses]
    other = WitnessKey.generate("witness.example/w1").cosigner  # the name of w1, another key

    assert len(verify_witnessed_checkpoint(note, [log_key], keys, 2).cosignatures) == 2
    with pytest.raises(NoteError, match=r"2 of the trusted witnesses must cosign.*1 did"):
        verify_witnessed_checkpoint(note, [log_key], [keys[0], other], 2)
    with pytest.raises(NoteError, match="cannot come from 2 trusted"):
        verify_witnessed_checkpoint(note, [log_key], keys, 3)


def test_one_witness_signing_twice_counts_once() -> None:
    note, log_key, witnesses = _cosigned(1)
    text = split_note(note)[0]
    twice = note + witnesses[0].cosign(text, 1_800_000_000).encode()

    found = verify_cosignatures(twice, [witnesses[0].cosigner])

    assert [c.timestamp for c in found] == [1_700_000_000]
    assert (
        len(verify_witnessed_checkpoint(twice, [log_key], [witnesses[0].cosigner], 1).cosignatures)
        == 1
    )
    with pytest.raises(NoteError, match="cannot come from 1 trusted"):
        verify_witnessed_checkpoint(twice, [log_key], [witnesses[0].cosigner] * 2, 2)


@pytest.mark.parametrize("change", ["text", "time", "signature"])
def test_a_cosignature_that_does_not_verify_makes_the_note_fail(change: str) -> None:
    note, _, witnesses = _cosigned(1)
    text, sep, block = note.decode().rpartition("\n\n")
    log_line, witness_line = block.splitlines()
    raw = bytearray(base64.b64decode(witness_line.split(" ")[-1]))
    if change == "text":
        altered = note.replace(b"\n7\n", b"\n8\n")  # the log's signature fails too: no matter
        with pytest.raises(
            NoteError, match=re.escape(f"cosignature of {witnesses[0].cosigner.label} does")
        ):
            verify_cosignatures(altered, [witnesses[0].cosigner])
        return
    raw[11 if change == "time" else 40] ^= 1
    prefix = witness_line.rpartition(" ")[0]
    forged = f"{text}{sep}{log_line}\n{prefix} {base64.b64encode(bytes(raw)).decode()}\n"

    with pytest.raises(NoteError, match="does not verify"):
        verify_cosignatures(forged.encode(), [witnesses[0].cosigner])


def test_the_example_in_the_audit_docs_is_what_the_witness_writes() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "audit.md").read_text()
    log_key = SigningKey(Ed25519PrivateKey.from_private_bytes(bytes(range(32))))
    root = root_of([leaf_hash(bytes([i])) for i in range(3)])
    cp = Checkpoint.sign(log_key, 3, root, 3, datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    note = sign_checkpoint_note(DEFAULT_ORIGIN, cp, log_key.public.public_key, log_key.sign)
    witness = WitnessKey("audit.nx/witness", Ed25519PrivateKey.from_private_bytes(SEED_2))
    line = witness.cosign(TreeHead.of(DEFAULT_ORIGIN, cp).text, 1772416805)

    assert f"```\n{note.decode()}{line}```\n" in docs
    assert f"`{witness.cosigner}`" in docs
