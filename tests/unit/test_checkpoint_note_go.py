"""Go's own verifiers accept our checkpoint notes: ``golang.org/x/mod/sumdb/note`` opens them
with our verifier key, and ``sumdb/tlog`` computes the same root from the same records.

Built offline from Debian's packages (``golang-go``, ``golang-golang-x-mod-dev``, whose sources
are in /usr/share/gocode); skipped where Go is not installed, required in CI (.ci/run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import sign_checkpoint_note
from evidence.merkle import Frontier, leaf_hash
from evidence.note import NoteVerifier
from ledger.audit.keys import SigningKey

PROGRAM = Path(__file__).resolve().parent / "go" / "notecheck"
GOPATH = Path("/usr/share/gocode")
ORIGIN = "sme-ledger.nx/go-check"


@pytest.fixture(scope="module")
def notecheck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go = shutil.which("go")
    if go is None or not (GOPATH / "src/golang.org/x/mod/sumdb/note").is_dir():
        if os.environ.get("CI"):
            pytest.fail("Go is missing: .ci/run installs golang-go and golang-golang-x-mod-dev")
        pytest.skip("Go is not installed (apt-get install golang-go golang-golang-x-mod-dev)")
    out = tmp_path_factory.mktemp("notecheck")
    # GOPATH mode against Debian's sources: no module download, no network.
    env = {
        **os.environ,
        "GO111MODULE": "off",
        "GOPATH": str(GOPATH),
        "GOCACHE": str(out / "cache"),
        "GOFLAGS": "",
    }
    done = subprocess.run(
        [go, "build", "-o", str(out / "notecheck"), "."],
        cwd=PROGRAM,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out / "notecheck"


def signed_tree(key: SigningKey, records: list[bytes]) -> tuple[Checkpoint, bytes]:
    frontier = Frontier()
    for record in records:
        frontier.append(leaf_hash(record))
    cp = Checkpoint.sign(
        key, frontier.size, frontier.root(), len(records) + 3, datetime(2026, 3, 2, tzinfo=UTC)
    )
    return cp, sign_checkpoint_note(ORIGIN, cp, key.public.public_key, key.sign)


def run(program: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize("count", [1, 2, 7, 33])
def test_go_opens_our_checkpoint_note_and_computes_the_same_root(
    notecheck: Path, tmp_path: Path, count: int
) -> None:
    key = SigningKey.generate()
    records = [f"record {i}".encode() * (i % 3 + 1) for i in range(count)]
    cp, note = signed_tree(key, records)
    (tmp_path / "checkpoint").write_bytes(note)
    (tmp_path / "records").write_text("".join(r.hex() + "\n" for r in records))

    done = run(
        notecheck,
        str(NoteVerifier(ORIGIN, key.public)),
        str(tmp_path / "checkpoint"),
        str(tmp_path / "records"),
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout == note.decode().partition("\n\n")[0] + "\nroot ok\n"
    assert done.stdout.splitlines()[1] == str(cp.tree_size)


def test_go_refuses_a_tampered_note_and_a_wrong_key(notecheck: Path, tmp_path: Path) -> None:
    key = SigningKey.generate()
    _, note = signed_tree(key, [b"a", b"b", b"c"])
    (tmp_path / "tampered").write_bytes(note.replace(b"\n3\n", b"\n4\n"))
    (tmp_path / "checkpoint").write_bytes(note)

    tampered = run(notecheck, str(NoteVerifier(ORIGIN, key.public)), str(tmp_path / "tampered"))
    wrong_key = run(
        notecheck,
        str(NoteVerifier(ORIGIN, SigningKey.generate().public)),
        str(tmp_path / "checkpoint"),
    )

    assert tampered.returncode == 1
    assert "invalid signature" in tampered.stderr
    assert wrong_key.returncode == 1
    assert "no verifiable signatures" in wrong_key.stderr
