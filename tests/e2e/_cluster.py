"""A throwaway PostgreSQL cluster of a test's own, to crash and restart as it likes (the shared
server on 5432 is never stopped)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.e2e._server import free_port


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        msg = f"{name} not found: install PostgreSQL's server package"
        raise RuntimeError(msg)
    return found[-1]


def _as_postgres(*args: str) -> list[str]:
    # initdb and postgres refuse to run as root: run them as the postgres user then.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


@dataclass
class Cluster:
    directory: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        subprocess.run(
            _as_postgres(_bin("pg_ctl"), "-D", str(self.directory / "data"), "-o", options,
                         "-l", str(self.directory / "log"), "-w", "start"),
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def crash(self) -> None:
        """Stop at once, as a crash would (no checkpoint, clients cut off)."""
        subprocess.run(
            _as_postgres(_bin("pg_ctl"), "-D", str(self.directory / "data"), "-m", "immediate",
                         "-w", "stop"),
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip


@contextmanager
def throwaway_cluster(
    port: int | None = None, initdb_options: tuple[str, ...] = ()
) -> Iterator[Cluster]:
    """A new cluster, trusted on every connection unless ``initdb_options`` say otherwise
    (``--auth-host=scram-sha-256``: passwords over TCP, trust on the local socket)."""
    directory = Path(tempfile.mkdtemp(prefix="ledger-pg-", dir="/tmp"))
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(directory, owner.pw_uid, owner.pw_gid)
    cluster = Cluster(directory, port or free_port())
    try:
        subprocess.run(
            _as_postgres(_bin("initdb"), "-D", str(directory / "data"), "-A", "trust",
                         "-U", "postgres", "--no-sync", *initdb_options),
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        cluster.start()
        yield cluster
    finally:
        subprocess.run(
            _as_postgres(_bin("pg_ctl"), "-D", str(directory / "data"), "-m", "immediate", "stop"),
            check=False,
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(directory, ignore_errors=True)
