"""Go's own verifiers accept our checkpoint notes: ``golang.org/x/mod/sumdb/note`` opens them
with our verifier key, and ``sumdb/tlog`` computes the same root from the same records
(tests/_notecheck.py: skipped where Go is not installed, required in CI)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import sign_checkpoint_note
from evidence.merkle import Frontier, leaf_hash
from evidence.note import NoteVerifier
from ledger.audit.keys import SigningKey
from tests._notecheck import build_notecheck, notecheck

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
