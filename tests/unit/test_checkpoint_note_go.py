"""Go's own verifiers accept our checkpoint notes: ``golang.org/x/mod/sumdb/note`` opens them
with our verifier key, and ``sumdb/tlog`` computes the same root from the same records
(tests/_notecheck.py: skipped where Go is not installed, required in CI).

``sumdb/note`` knows only its own key type (0x01), so with witnesses' cosignatures on a note it
checks the log's signature and passes the cosignature lines over as unknown; the witnesses'
``cosignature/v1`` signatures are checked by a ``note.Verifier`` of the Go program's own, with
Go's ``crypto/ed25519``."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path

import pytest

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import sign_checkpoint_note
from evidence.merkle import Frontier, leaf_hash
from evidence.note import NoteVerifier
from ledger.audit.keys import SigningKey
from tests._notecheck import build_notecheck, notecheck
from witness import WitnessKey

ORIGIN = "sme-ledger.nx/go-check"


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_notecheck(tmp_path_factory.mktemp("notecheck"))


def signed_tree(key: SigningKey, records: list[bytes]) -> tuple[Checkpoint, bytes]:
    frontier = Frontier()
    for record in records:
        frontier.append(leaf_hash(record))
    cp = Checkpoint.sign(
        key, frontier.size, frontier.root(), len(records) + 3, datetime(2026, 3, 2, tzinfo=UTC)
    )
    return cp, sign_checkpoint_note(ORIGIN, cp, key.public.public_key, key.sign)


@pytest.mark.parametrize("count", [1, 2, 7, 33])
def test_go_opens_our_checkpoint_note_and_computes_the_same_root(
    program: Path, tmp_path: Path, count: int
) -> None:
    key = SigningKey.generate()
    records = [f"record {i}".encode() * (i % 3 + 1) for i in range(count)]
    cp, note = signed_tree(key, records)
    (tmp_path / "checkpoint").write_bytes(note)
    (tmp_path / "records").write_text("".join(r.hex() + "\n" for r in records))

    done = notecheck(
        program,
        str(NoteVerifier(ORIGIN, key.public)),
        tmp_path / "checkpoint",
        tmp_path / "records",
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout == note.decode().partition("\n\n")[0] + "\nroot ok\n"
    assert done.stdout.splitlines()[1] == str(cp.tree_size)


def test_go_refuses_a_tampered_note_and_a_wrong_key(program: Path, tmp_path: Path) -> None:
    key = SigningKey.generate()
    _, note = signed_tree(key, [b"a", b"b", b"c"])
    (tmp_path / "tampered").write_bytes(note.replace(b"\n3\n", b"\n4\n"))
    (tmp_path / "checkpoint").write_bytes(note)

    tampered = notecheck(program, str(NoteVerifier(ORIGIN, key.public)), tmp_path / "tampered")
    wrong_key = notecheck(
        program, str(NoteVerifier(ORIGIN, SigningKey.generate().public)), tmp_path / "checkpoint"
    )

    assert tampered.returncode == 1
    assert "invalid signature" in tampered.stderr
    assert wrong_key.returncode == 1
    assert "no verifiable signatures" in wrong_key.stderr


def test_go_opens_a_cosigned_note_with_the_log_key_and_checks_each_cosignature(
    program: Path, tmp_path: Path
) -> None:
    key = SigningKey.generate()
    records = [b"a", b"b", b"c", b"d", b"e"]
    _, note = signed_tree(key, records)
    text = note.decode().partition("\n\n")[0] + "\n"
    witnesses = [WitnessKey.generate(f"witness.example/w{i}") for i in range(2)]
    lines = "".join(w.cosign(text, 1_772_416_800 + i) for i, w in enumerate(witnesses))
    cosigned = note + lines.encode()
    (tmp_path / "checkpoint").write_bytes(cosigned)
    (tmp_path / "records").write_text("".join(r.hex() + "\n" for r in records))
    log_key = str(NoteVerifier(ORIGIN, key.public))
    cosigners = [str(w.cosigner) for w in witnesses]

    log_only = notecheck(program, log_key, tmp_path / "checkpoint", tmp_path / "records")
    both = notecheck(program, log_key, tmp_path / "checkpoint", cosigners=cosigners)

    assert log_only.returncode == 0, log_only.stderr
    assert log_only.stdout == text + "root ok\n"
    assert both.returncode == 0, both.stderr
    assert both.stdout == text + (
        "cosigned by witness.example/w0 at 1772416800\n"
        "cosigned by witness.example/w1 at 1772416801\n"
    )


def test_go_refuses_a_forged_cosignature_of_a_witness_it_is_given(
    program: Path, tmp_path: Path
) -> None:
    key = SigningKey.generate()
    _, note = signed_tree(key, [b"a", b"b"])
    text = note.decode().partition("\n\n")[0] + "\n"
    witness = WitnessKey.generate("witness.example/w0")
    prefix, _, encoded = witness.cosign(text, 1_772_416_800).rpartition(" ")
    forged = bytearray(base64.b64decode(encoded))
    forged[5] ^= 1  # the time it claims, no longer the time it signed
    line = f"{prefix} {base64.b64encode(bytes(forged)).decode()}\n"
    (tmp_path / "checkpoint").write_bytes(note + line.encode())
    log_key = str(NoteVerifier(ORIGIN, key.public))

    ignored = notecheck(program, log_key, tmp_path / "checkpoint")
    checked = notecheck(
        program, log_key, tmp_path / "checkpoint", cosigners=[str(witness.cosigner)]
    )

    assert ignored.returncode == 0, ignored.stderr  # an unknown key's line is ignored
    assert checked.returncode == 1
    assert "invalid signature" in checked.stderr
