"""Go's ``golang.org/x/mod/sumdb/note`` and ``sumdb/tlog`` as a test's verifier: a small program
(tests/unit/go/notecheck) built offline from Debian's packages (``golang-go``,
``golang-golang-x-mod-dev``, whose sources are in /usr/share/gocode); skipped where Go is not
installed, required in CI (.ci/run installs both)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PROGRAM = Path(__file__).resolve().parent / "unit" / "go" / "notecheck"
GOPATH = Path("/usr/share/gocode")


def build_notecheck(out: Path) -> Path:
    """The program, built into ``out``; skips (fails in CI) without Go."""
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


def notecheck(
    program: Path, verifier_key: str, note: Path, records: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Open ``note`` with ``verifier_key``; with ``records`` (hex, one a line), check its root."""
    args = [str(program), verifier_key, str(note)] + ([str(records)] if records else [])
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)
