"""Go's ``golang.org/x/mod/sumdb/note`` and ``sumdb/tlog`` as a test's verifier: small programs
(tests/unit/go/notecheck for notes, tests/unit/go/tilecheck for tiles) built offline from
Debian's packages (``golang-go``, ``golang-golang-x-mod-dev``, whose sources are in
/usr/share/gocode); skipped where Go is not installed, required in CI (.ci/run installs both)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

PROGRAMS = Path(__file__).resolve().parent / "unit" / "go"
GOPATH = Path("/usr/share/gocode")


def build_notecheck(out: Path) -> Path:
    """The note checker, built into ``out``; skips (fails in CI) without Go."""
    return _build("notecheck", out)


def build_tilecheck(out: Path) -> Path:
    """The tile checker, built into ``out``; skips (fails in CI) without Go."""
    return _build("tilecheck", out)


def _build(name: str, out: Path) -> Path:
    go = shutil.which("go")
    if go is None or not (GOPATH / "src/golang.org/x/mod/sumdb/note").is_dir():
        if os.environ.get("CI"):
            pytest.fail("Go is missing: .ci/run installs golang-go and golang-golang-x-mod-dev")
        pytest.skip("Go is not installed (apt-get install golang-go golang-golang-x-mod-dev)")
    # GOPATH mode against Debian's sources: no module download, no network.
    env = {
        **os.environ,
        "GO111MODULE": "off",
        "GOPATH": str(GOPATH),
        "GOCACHE": str(out / "cache"),
        "GOFLAGS": "",
    }
    done = subprocess.run(
        [go, "build", "-o", str(out / name), "."],
        cwd=PROGRAMS / name,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out / name


def notecheck(
    program: Path,
    verifier_key: str,
    note: Path,
    records: Path | None = None,
    cosigners: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Open ``note`` with ``verifier_key``; with ``records`` (hex, one a line), check its root;
    with ``cosigners`` (witness verifier keys, type 0x04), check their cosignatures too."""
    flags = [arg for key in cosigners for arg in ("-cosigner", key)]
    args = [str(program), *flags, verifier_key, str(note)] + ([str(records)] if records else [])
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


def tilecheck(program: Path, verifier_key: str, served: Path) -> subprocess.CompletedProcess[str]:
    """Check the log served under ``served`` (its checkpoint, tiles and bundles, at their
    paths) with ``sumdb/tlog``'s tile reader, proving every record of every bundle."""
    args = [str(program), verifier_key, str(served)]
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)
