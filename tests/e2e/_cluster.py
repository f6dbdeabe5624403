"""A throwaway PostgreSQL cluster of a test's own, to crash and restart as it likes (the shared
server on 5432 is never stopped), and a streaming hot standby of one."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

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


# What a primary needs for a streaming standby (PostgreSQL's defaults, stated so a changed
# default does not silently break the standby tests).
REPLICATION = "-c wal_level=replica -c max_wal_senders=5 -c hot_standby=on"


@dataclass
class Cluster:
    directory: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def execute(self, statement: str) -> list[tuple[Any, ...]]:
        """Run one statement as the superuser (autocommit); its rows, if it returns any."""
        with psycopg.connect(self.url, autocommit=True, connect_timeout=5) as conn:
            cursor = conn.execute(statement)
            return cursor.fetchall() if cursor.description else []

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 {REPLICATION}"
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


def _new_directory() -> Path:
    directory = Path(tempfile.mkdtemp(prefix="ledger-pg-", dir="/tmp"))
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(directory, owner.pw_uid, owner.pw_gid)
    return directory


def _discard(cluster: Cluster) -> None:
    subprocess.run(
        _as_postgres(_bin("pg_ctl"), "-D", str(cluster.directory / "data"), "-m", "immediate",
                     "stop"),
        check=False, capture_output=True, timeout=60,
    )  # fmt: skip
    shutil.rmtree(cluster.directory, ignore_errors=True)


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    directory = _new_directory()
    cluster = Cluster(directory, free_port())
    try:
        subprocess.run(
            _as_postgres(_bin("initdb"), "-D", str(directory / "data"), "-A", "trust",
                         "-U", "postgres", "--no-sync"),
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        cluster.start()
        yield cluster
    finally:
        _discard(cluster)


@contextmanager
def streaming_standby(primary: Cluster) -> Iterator[Cluster]:
    """A hot standby of ``primary`` on a port of its own, streaming its changes: a base backup
    (``pg_basebackup -R`` writes the connection to the primary and ``standby.signal``), started
    with ``hot_standby=on``, so it answers read-only queries a replay lag behind."""
    directory = _new_directory()
    standby = Cluster(directory, free_port())
    try:
        subprocess.run(
            _as_postgres(_bin("pg_basebackup"), "-D", str(directory / "data"), "-R",
                         "-X", "stream", "-c", "fast", "--no-sync",
                         "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"),
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        standby.start()
        yield standby
    finally:
        _discard(standby)


def wait_for_replay(primary: Cluster, standby: Cluster, seconds: float = 10.0) -> None:
    """Return once ``standby`` has replayed everything ``primary`` had written when called."""
    [(lsn,)] = primary.execute("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + seconds
    while True:
        [(caught_up,)] = standby.execute(f"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn")
        if caught_up:
            return
        if time.monotonic() > deadline:
            msg = f"the standby did not replay up to {lsn} within {seconds} s"
            raise TimeoutError(msg)
        time.sleep(0.02)
