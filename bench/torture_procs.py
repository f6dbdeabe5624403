"""The real processes the fault suite breaks: a throwaway PostgreSQL cluster of its own (initdb
and pg_ctl in a temporary directory, on a free port; the shared server is never touched), the
``sme-ledger serve`` process on a fixed port, restarted after every kill, and the CLI."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx
import psycopg

CLI = Path(sys.executable).parent / "sme-ledger"
START_TIMEOUT_SECONDS = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        raise SystemExit(f"{name} not found: install PostgreSQL's server package")
    return found[-1]


def _as_postgres(*args: str) -> list[str]:
    # initdb and postgres refuse to run as root: run them as the postgres user then.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


@dataclass
class Cluster:
    """A PostgreSQL cluster in ``directory``, listening on loopback ``port``."""

    directory: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run(
            _as_postgres(_pg_bin("pg_ctl"), "-D", str(self.directory / "data"), *args),
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self._pg_ctl("-o", options, "-l", str(self.directory / "log"), "-w", "start")

    def crash(self) -> None:
        """Stop at once, as a crash would: no checkpoint, every client cut off."""
        self._pg_ctl("-m", "immediate", "-w", "stop")

    def terminate_backends(self) -> int:
        """``pg_terminate_backend`` every client connection but this one; how many it ended."""
        with psycopg.connect(self.url, autocommit=True, connect_timeout=5) as conn:
            row = conn.execute(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'"
            ).fetchone()
        return int(row[0]) if row else 0


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    directory = Path(tempfile.mkdtemp(prefix="ledger-torture-pg-", dir="/tmp"))
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(directory, owner.pw_uid, owner.pw_gid)
    cluster = Cluster(directory, free_port())
    try:
        subprocess.run(
            _as_postgres(_pg_bin("initdb"), "-D", str(directory / "data"), "-A", "trust",
                         "-U", "postgres", "--no-sync"),
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        cluster.start()
        yield cluster
    finally:
        subprocess.run(
            _as_postgres(_pg_bin("pg_ctl"), "-D", str(directory / "data"), "-m", "immediate",
                         "stop"),
            check=False, capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(directory, ignore_errors=True)


def cli_env(database_url: str, **extra: str) -> dict[str, str]:
    """Our environment less any LEDGER_* setting of the machine's, pointed at ``database_url``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEDGER_")}
    env.update(LEDGER_DATABASE_URL=database_url, PYTHONUNBUFFERED="1", **extra)
    return env


def run_cli(database_url: str, *args: str, **env: str) -> str:
    """``sme-ledger ARGS`` to completion; its stdout, or exit with its stderr."""
    done = subprocess.run(
        [str(CLI), *args], env=cli_env(database_url, **env),
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"sme-ledger {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


@dataclass
class Api:
    """``sme-ledger serve`` on one port for the whole run, started again after every kill."""

    database_url: str
    directory: Path
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0
    _files: list[IO[bytes]] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, attempts: int = 5) -> None:
        """Start it and return once it answers ``/healthz``."""
        for _ in range(attempts):
            self.starts += 1
            log = (self.directory / f"api-{self.starts}.log").open("wb")
            self._files.append(log)
            self.process = subprocess.Popen(
                [str(CLI), "serve"],
                env=cli_env(
                    self.database_url,
                    LEDGER_HOST="127.0.0.1",
                    LEDGER_PORT=str(self.port),
                    **self.env,
                ),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            if self._healthy():
                return
            # It exited: the port can be held for a moment by the process just killed, or the
            # database is still starting.
            time.sleep(1.0)
        raise SystemExit(f"sme-ledger serve did not start in {attempts} attempts")

    def _healthy(self) -> bool:
        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=1.0).status_code == 200:
                    return True
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"sme-ledger serve did not answer within {START_TIMEOUT_SECONDS} s")

    def kill(self) -> None:
        """``kill -9``: no shutdown, no flush, requests in flight cut off."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(30)

    def pause(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        for f in self._files:
            f.close()
