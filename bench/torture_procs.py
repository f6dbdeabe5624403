"""The real processes the fault suite breaks: a throwaway PostgreSQL cluster of its own (initdb
and pg_ctl in a temporary directory, on a free port; the shared server is never touched), the
``sme-ledger serve`` process (and its workers) on a fixed port, restarted after every kill, the
projection daemon and the sealer, each started again whenever it is gone, and the CLI."""

from __future__ import annotations

import contextlib
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
READY = b"Application startup complete"  # what uvicorn logs once a worker serves


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


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended meanwhile
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


def _cmdline(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@dataclass
class Api:
    """``sme-ledger serve`` on one port for the whole run, started again after every kill.

    With ``workers`` above one, uvicorn's supervisor and its worker processes: the supervisor
    starts a worker again when one dies. The whole is started in a process group of its own, so
    that a kill takes every process of it, as a container's or a unit's end would."""

    database_url: str
    directory: Path
    env: dict[str, str]
    workers: int = 1
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0
    exits: list[int] = field(default_factory=list)
    """The exit codes of the times it ended unasked (a supervisor started it again)."""
    _files: list[IO[bytes]] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, attempts: int = 5) -> None:
        """Start it and return once it answers ``/healthz`` (every worker of it up)."""
        for _ in range(attempts):
            self.starts += 1
            log = (self.directory / f"api-{self.starts}.log").open("wb")
            self._files.append(log)
            self.process = subprocess.Popen(
                [str(CLI), "serve", "--workers", str(self.workers)],
                env=cli_env(
                    self.database_url,
                    LEDGER_HOST="127.0.0.1",
                    LEDGER_PORT=str(self.port),
                    **self.env,
                ),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            if self._healthy() and self.wait_for_workers():
                return
            # It exited: the port can be held for a moment by the process just killed, or the
            # database is still starting.
            self._signal_group(signal.SIGKILL)
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

    def worker_pids(self) -> list[int]:
        """The worker processes serving requests (the process itself, with one worker)."""
        if self.process is None:
            return []
        if self.workers == 1:
            return [self.process.pid]
        children = _children(self.process.pid)
        return [pid for pid in children if "spawn_main" in _cmdline(pid)]

    def ready_workers(self) -> int:
        """How many worker processes of the current start have finished their startup (each
        logs it once), the replacements of killed ones included."""
        log = self.directory / f"api-{self.starts}.log"
        return log.read_bytes().count(READY) if log.exists() else 0

    def wait_for_workers(self, ready: int = 0, seconds: float = START_TIMEOUT_SECONDS) -> bool:
        """Whether every worker is up within ``seconds``, and at least ``ready`` have finished
        their startup (the supervisor replaces a dead one, which then starts)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                return False
            up = len(self.worker_pids()) >= self.workers
            if up and self.ready_workers() >= max(ready, self.workers):
                return True
            time.sleep(0.1)
        return False

    def kill(self) -> None:
        """``kill -9`` of every process of it: no shutdown, no flush, requests cut off."""
        self._signal_group(signal.SIGKILL)
        if self.process is not None:
            self.process.wait(30)

    def kill_worker(self) -> int | None:
        """``kill -9`` of one worker process; its pid (``None`` if there is no other to serve
        meanwhile, with one worker: then it is :meth:`kill`)."""
        pids = self.worker_pids()
        if self.workers == 1 or not pids:
            return None
        os.kill(pids[0], signal.SIGKILL)
        return pids[0]

    def pause(self) -> None:
        self._signal_group(signal.SIGSTOP)

    def resume(self) -> None:
        self._signal_group(signal.SIGCONT)

    def _signal_group(self, sig: int) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self._signal_group(signal.SIGCONT)
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.process.wait(30)
        self._signal_group(signal.SIGKILL)  # any worker left behind
        for f in self._files:
            f.close()


@dataclass
class Daemon:
    """A long-running worker (``sme-ledger project``, ``sme-ledger seal``) under a supervisor
    that starts it again whenever it is gone, as systemd's ``Restart=always`` or compose's
    ``restart: unless-stopped`` would. ``exits`` counts the times it ended unasked."""

    name: str
    args: tuple[str, ...]
    database_url: str
    directory: Path
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0
    exits: list[int] = field(default_factory=list)
    _files: list[IO[bytes]] = field(default_factory=list)

    def start(self) -> None:
        self.starts += 1
        log = (self.directory / f"{self.name}-{self.starts}.log").open("wb")
        self._files.append(log)
        self.process = subprocess.Popen(
            [str(CLI), *self.args], env=cli_env(self.database_url, **self.env),
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def kill(self) -> None:
        """``kill -9``, then started again at once."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(30)
        self.start()

    def supervise(self) -> None:
        """Start it again if it ended on its own (the exit code is kept)."""
        if self.process is not None and (code := self.process.poll()) is not None:
            self.exits.append(code)
            self.start()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        for f in self._files:
            f.close()
