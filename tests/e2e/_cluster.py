"""A throwaway PostgreSQL cluster of a test's own, to crash and restart as it likes (the shared
server on 5432 is never stopped); clusters restored from its base backups and archived WAL; and
a streaming hot standby of one."""

from __future__ import annotations

import glob
import os
import pwd
import shlex
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from tests.e2e._server import free_port

# What a primary needs for a streaming standby (PostgreSQL's defaults, stated so a changed
# default does not silently break the standby tests).
REPLICATION = {"wal_level": "replica", "max_wal_senders": "5", "hot_standby": "on"}
# Replaying WAL to a target and promoting takes a second or two; a margin for a busy machine.
RECOVERY_TIMEOUT_SECONDS = 60.0


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        msg = f"{name} not found: install PostgreSQL's server package"
        raise RuntimeError(msg)
    return found[-1]


def _as_postgres(*args: str) -> list[str]:
    # initdb and postgres refuse to run as root: run them as the postgres user then.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


def _give_to_postgres(path: Path) -> None:
    """Make ``path`` (and everything under it) the postgres user's, when we run as root."""
    if os.geteuid() != 0:
        return
    owner = pwd.getpwnam("postgres")
    os.chown(path, owner.pw_uid, owner.pw_gid)
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            os.chown(Path(root) / name, owner.pw_uid, owner.pw_gid, follow_symlinks=False)


@dataclass
class Cluster:
    directory: Path
    port: int
    # Server settings given as ``-c name=value`` at every start (never written to its files, so a
    # base backup of this cluster does not inherit them).
    settings: Mapping[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    @property
    def data(self) -> Path:
        return self.directory / "data"

    @property
    def archive(self) -> Path:
        """Where ``archive_command`` copies WAL segments, when the cluster archives."""
        return self.directory / "archive"

    def log(self) -> str:
        path = self.directory / "log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def execute(self, statement: str) -> list[tuple[Any, ...]]:
        """Run one statement as the superuser (autocommit); its rows, if it returns any."""
        with psycopg.connect(self.url, autocommit=True, connect_timeout=5) as conn:
            cursor = conn.execute(statement.encode("utf-8"))
            return cursor.fetchall() if cursor.description else []

    def start(self) -> None:
        options = " ".join(
            [f"-p {self.port} -k {shlex.quote(str(self.directory))}"]
            + [f"-c {shlex.quote(f'{k}={v}')}" for k, v in
               {"listen_addresses": "127.0.0.1", **REPLICATION, **self.settings}.items()]
        )  # fmt: skip
        subprocess.run(
            _as_postgres(_bin("pg_ctl"), "-D", str(self.data), "-o", options,
                         "-l", str(self.directory / "log"), "-w", "start"),
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def crash(self) -> None:
        """Stop at once, as a crash would (no checkpoint, clients cut off)."""
        subprocess.run(
            _as_postgres(_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"),
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def base_backup(self, name: str) -> Path:
        """``pg_basebackup`` of the running cluster (plain format, with the WAL it needs)."""
        target = self.directory / name
        subprocess.run(
            _as_postgres(_bin("pg_basebackup"), "-h", "127.0.0.1", "-p", str(self.port),
                         "-U", "postgres", "-D", str(target), "-X", "stream",
                         "--checkpoint=fast", "--no-sync"),
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        return target

    def archive_wal(self) -> None:
        """Switch to a new WAL segment and wait until the one left is in the archive."""
        with psycopg.connect(self.url, autocommit=True) as conn:
            row = conn.execute("SELECT pg_walfile_name(pg_switch_wal())").fetchone()
            assert row is not None
            deadline = time.monotonic() + RECOVERY_TIMEOUT_SECONDS
            while not (self.archive / row[0]).exists():
                assert time.monotonic() < deadline, f"{row[0]} was not archived in time"
                time.sleep(0.05)


def _wait_until_promoted(cluster: Cluster) -> None:
    deadline = time.monotonic() + RECOVERY_TIMEOUT_SECONDS
    while True:
        with psycopg.connect(cluster.url, autocommit=True) as conn:
            row = conn.execute("SELECT pg_is_in_recovery()").fetchone()
        if row is not None and not row[0]:
            return
        assert time.monotonic() < deadline, "the restored cluster was not promoted in time"
        time.sleep(0.1)


def _new_directory() -> Path:
    directory = Path(tempfile.mkdtemp(prefix="ledger-pg-", dir="/tmp"))
    _give_to_postgres(directory)
    return directory


def _stop_and_remove(cluster: Cluster) -> None:
    subprocess.run(
        _as_postgres(_bin("pg_ctl"), "-D", str(cluster.data), "-m", "immediate", "stop"),
        check=False,
        capture_output=True,
        timeout=60,
    )
    shutil.rmtree(cluster.directory, ignore_errors=True)


@contextmanager
def throwaway_cluster(
    settings: Mapping[str, str] | None = None,
    *,
    archive: bool = False,
    port: int | None = None,
    initdb_options: tuple[str, ...] = (),
) -> Iterator[Cluster]:
    """A new cluster, started; with ``archive``, every finished WAL segment is copied to
    :attr:`Cluster.archive` (``archive_mode=on``), as point-in-time recovery needs. Every
    connection is trusted unless ``initdb_options`` say otherwise
    (``--auth-host=scram-sha-256``: passwords over TCP, trust on the local socket)."""
    directory = _new_directory()
    cluster = Cluster(directory, port or free_port(), dict(settings or {}))
    if archive:
        cluster.archive.mkdir()
        _give_to_postgres(cluster.archive)
        cluster.settings = {
            "wal_level": "replica",
            "archive_mode": "on",
            "archive_command": f"test ! -f {cluster.archive}/%f && cp %p {cluster.archive}/%f",
            **cluster.settings,
        }
    try:
        subprocess.run(
            _as_postgres(_bin("initdb"), "-D", str(cluster.data), "-A", "trust",
                         "-U", "postgres", "--no-sync", *initdb_options),
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        cluster.start()
        yield cluster
    finally:
        _stop_and_remove(cluster)


@contextmanager
def restored_cluster(
    backup: Path, recovery: Mapping[str, str], settings: Mapping[str, str] | None = None
) -> Iterator[Cluster]:
    """A new cluster made from the base backup ``backup``: the ``recovery`` settings
    (``restore_command``, ``recovery_target_*``) are appended to its ``postgresql.auto.conf``,
    ``recovery.signal`` is made, and it is started; returns once recovery has ended and the
    server was promoted (so ``recovery_target_action`` must be ``promote``)."""
    cluster = Cluster(_new_directory(), free_port(), dict(settings or {}))
    try:
        shutil.copytree(backup, cluster.data)
        with (cluster.data / "postgresql.auto.conf").open("a", encoding="utf-8") as conf:
            for name, value in recovery.items():
                quoted = value.replace("'", "''")
                conf.write(f"{name} = '{quoted}'\n")
        (cluster.data / "recovery.signal").touch()
        _give_to_postgres(cluster.data)
        try:
            cluster.start()
            _wait_until_promoted(cluster)
        except (subprocess.CalledProcessError, psycopg.Error, AssertionError) as e:
            raise AssertionError(f"{e}; the restored server's log:\n{cluster.log()}") from None
        yield cluster
    finally:
        _stop_and_remove(cluster)


@contextmanager
def streaming_standby(primary: Cluster) -> Iterator[Cluster]:
    """A hot standby of ``primary`` on a port of its own, streaming its changes: a base backup
    (``pg_basebackup -R`` writes the connection to the primary and ``standby.signal``), started
    with ``hot_standby=on``, so it answers read-only queries a replay lag behind."""
    standby = Cluster(_new_directory(), free_port())
    try:
        subprocess.run(
            _as_postgres(_bin("pg_basebackup"), "-D", str(standby.data), "-R",
                         "-X", "stream", "-c", "fast", "--no-sync",
                         "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"),
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        standby.start()
        yield standby
    finally:
        _stop_and_remove(standby)


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
