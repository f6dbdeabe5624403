"""A real ``sme-ledger`` process: started on a free port, waited for, always stopped."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

CLI = Path(sys.executable).parent / "sme-ledger"
# Every wait is bounded: a server that does not come up fails the test, never hangs it. The
# bounds guard against hangs, not speed: e2e tests share the machine with the other tests.
START_TIMEOUT_SECONDS = 45.0
STOP_TIMEOUT_SECONDS = 10.0
CLI_TIMEOUT_SECONDS = 60.0

KEY = re.compile(r"\bsml_[A-Za-z0-9_\-]{20,}")
KEY_ID = re.compile(r"\(id ([0-9a-f\-]{36})\)")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def cli_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment for a command: ours, minus any LEDGER_* setting of the machine's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEDGER_")}
    env.pop("COLUMNS", None)
    env.update(LEDGER_DATABASE_URL=database_url, PYTHONUNBUFFERED="1", **extra)
    return env


def run_cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``sme-ledger ARGS`` to completion against ``database_url``."""
    return subprocess.run(
        [str(CLI), *args],
        env=cli_env(database_url),
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_SECONDS,
        check=False,
    )


@dataclass(frozen=True)
class CreatedKey:
    secret: str
    key_id: str


def create_key(database_url: str, *args: str) -> CreatedKey:
    """``sme-ledger keys create ARGS``: the key alone on stdout, its id on stderr."""
    done = run_cli(database_url, "keys", "create", *args)
    assert done.returncode == 0, done.stderr
    assert KEY.fullmatch(done.stdout.strip()), done.stdout
    found = KEY_ID.search(done.stderr)
    assert found is not None, done.stderr
    return CreatedKey(done.stdout.strip(), found[1])


def listed_row(listing: str, secret: str) -> str:
    """The one row of ``keys list`` for the key ``secret``, found by its hint."""
    (row,) = [line for line in listing.splitlines() if secret[:8] in line]
    return row


@dataclass
class Server:
    """One ``sme-ledger serve`` process and where its output goes."""

    process: subprocess.Popen[bytes]
    base_url: str
    stdout_path: Path
    stderr_path: Path
    files: tuple[IO[bytes], ...]

    def output(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8")

    def admin_keys(self) -> list[str]:
        """Every key the server printed (the one-time admin key, on a new ledger)."""
        return KEY.findall(self.output())

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=10.0)

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"sme-ledger serve exited with {self.process.returncode}:\n"
                    f"{self.stderr_path.read_text(encoding='utf-8')}"
                )
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"sme-ledger serve was not healthy within {START_TIMEOUT_SECONDS} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
        for f in self.files:
            f.close()


def start_server(database_url: str, directory: Path, name: str, **env: str) -> Server:
    """Start ``sme-ledger serve`` on a free port; returns once it answers /healthz.

    Output goes to files rather than pipes, so a chatty server can never block on a full pipe.
    """
    port = free_port()
    stdout_path, stderr_path = directory / f"{name}.out", directory / f"{name}.err"
    stdout, stderr = stdout_path.open("wb"), stderr_path.open("wb")
    process = subprocess.Popen(
        [str(CLI), "serve"],
        env=cli_env(database_url, LEDGER_HOST="127.0.0.1", LEDGER_PORT=str(port), **env),
        stdout=stdout,
        stderr=stderr,
    )
    server = Server(process, f"http://127.0.0.1:{port}", stdout_path, stderr_path, (stdout, stderr))
    try:
        server.wait_until_healthy()
    except BaseException:
        server.stop()
        raise
    return server
