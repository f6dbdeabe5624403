"""Backup and point-in-time recovery of the log, done as docs/operations.md tells an operator to do
it: a base backup and the archived WAL bring the database back to a named restore point, and
the restored log is checked against every checkpoint an auditor kept. A restore to a point
before a published checkpoint is refused by that check, so published records cannot be lost
without anyone noticing."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import orjson
import psycopg
import pytest

from tests.api._support import new_uscc
from tests.e2e._cluster import Cluster, restored_cluster, throwaway_cluster
from tests.e2e._server import CLI, CLI_TIMEOUT_SECONDS, cli_env, create_key, start_server

BEFORE_SECOND_CHECKPOINT = "before-second-checkpoint"
BEFORE_THE_MISTAKE = "before-the-mistake"


def run(database_url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *args],
        env=cli_env(database_url, **env),
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_SECONDS,
        check=False,
    )


@dataclass(frozen=True)
class History:
    """What was done to the original database, in order, and what the auditor kept of it."""

    cluster: Cluster
    backup: Path
    seal_key: Path
    admin: str
    public_key: Path  # the sealing key's public half, as the auditor was given it
    first_checkpoint: Path  # GET /v1/audit/checkpoints/latest, saved by the auditor
    second_checkpoint: Path
    before_backup: list[str]  # platform ids, by when they were written
    after_backup: list[str]
    after_second_point: list[str]
    after_second_checkpoint: list[str]
    after_the_mistake: list[str]


def _write(client: httpx.Client, count: int) -> list[str]:
    ids = []
    for n in range(count):
        body = {"kind": "window", "name": f"窗口{n}", "uscc": new_uscc(), "region": "640100"}
        answer = client.post("/v1/platforms", json=body)
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["id"])
    return ids


def _seal_and_publish(
    database_url: str, key: Path, client: httpx.Client, auditor: str, kept: Path
) -> Path:
    sealed = run(database_url, "seal", "--once", LEDGER_SEAL_KEY_FILE=str(key))
    assert sealed.returncode == 0, sealed.stderr
    latest = client.get(
        "/v1/audit/checkpoints/latest", headers={"Authorization": f"Bearer {auditor}"}
    )
    assert latest.status_code == 200, latest.text
    path = kept / f"checkpoint-{latest.json()['tree_size']}.json"
    path.write_bytes(latest.content)
    return path


def _restore_point(cluster: Cluster, name: str) -> None:
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute("SELECT pg_create_restore_point(%s)", (name,))


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[History]:
    work = tmp_path_factory.mktemp("pitr")
    kept = work / "auditor"
    kept.mkdir()
    # fsync off: a throwaway cluster on a shared machine; WAL is archived and replayed all the same.
    with throwaway_cluster({"fsync": "off"}, archive=True) as cluster:
        url = cluster.url
        assert run(url, "migrate").returncode == 0
        admin = create_key(url, "--role", "admin").secret
        auditor = create_key(url, "--role", "auditor", "--name", "audit office").secret
        key = work / "seal.pem"
        made = run(url, "audit", "keygen", str(key))
        assert made.returncode == 0, made.stderr
        public_key = kept / "seal.pub"
        public_key.write_text(made.stdout, encoding="ascii")

        server = start_server(url, work, "original")
        try:
            with httpx.Client(
                base_url=server.base_url, timeout=30.0, headers={"Authorization": f"Bearer {admin}"}
            ) as client:
                before_backup = _write(client, 3)
                first = _seal_and_publish(url, key, client, auditor, kept)
                backup = cluster.base_backup("base")
                after_backup = _write(client, 3)
                _restore_point(cluster, BEFORE_SECOND_CHECKPOINT)
                after_second_point = _write(client, 3)
                second = _seal_and_publish(url, key, client, auditor, kept)
                after_second_checkpoint = _write(client, 3)
                _restore_point(cluster, BEFORE_THE_MISTAKE)
                after_the_mistake = _write(client, 3)
        finally:
            server.stop()
        cluster.archive_wal()
        yield History(
            cluster, backup, key, admin, public_key, first, second, before_backup,
            after_backup, after_second_point, after_second_checkpoint, after_the_mistake,
        )  # fmt: skip


def _recovery(history: History, point: str) -> dict[str, str]:
    return {
        "restore_command": f"cp {history.cluster.archive}/%f %p",
        "recovery_target_name": point,
        "recovery_target_action": "promote",
    }


def _platforms_in_log(database_url: str) -> set[str]:
    with psycopg.connect(database_url) as conn:
        rows = conn.execute("SELECT DISTINCT originator_id::text FROM ledger_events").fetchall()
    return {row[0] for row in rows}


def _verify_against(
    database_url: str, history: History, pack: Path, checkpoint: Path
) -> subprocess.CompletedProcess[str]:
    return run(
        database_url, "audit", "verify", str(pack),
        "--public-key", str(history.public_key), "--trusted-checkpoint", str(checkpoint),
    )  # fmt: skip


def test_a_restore_to_a_point_keeps_what_came_before_it_and_verifies_against_each_checkpoint(
    history: History, tmp_path: Path
) -> None:
    with restored_cluster(history.backup, _recovery(history, BEFORE_THE_MISTAKE)) as restored:
        url = restored.url
        in_log = _platforms_in_log(url)
        # The restored ledger takes writes and seals on from where it was.
        server = start_server(url, tmp_path, "restored")
        try:
            with httpx.Client(
                base_url=server.base_url,
                timeout=30.0,
                headers={"Authorization": f"Bearer {history.admin}"},
            ) as client:
                lost = client.get(f"/v1/platforms/{history.after_the_mistake[0]}")
                kept = client.get(f"/v1/platforms/{history.after_second_checkpoint[-1]}")
                _write(client, 1)
        finally:
            server.stop()
        sealed = run(url, "seal", "--once", LEDGER_SEAL_KEY_FILE=str(history.seal_key))
        pack = tmp_path / "restored.zip"
        exported = run(url, "audit", "export", str(pack))
        first = _verify_against(url, history, pack, history.first_checkpoint)
        second = _verify_against(url, history, pack, history.second_checkpoint)

    before = (
        history.before_backup
        + history.after_backup
        + history.after_second_point
        + history.after_second_checkpoint
    )
    assert set(before) <= in_log
    assert not set(history.after_the_mistake) & in_log
    assert (kept.status_code, lost.status_code) == (200, 404)
    assert sealed.returncode == 0, sealed.stderr
    assert exported.returncode == 0, exported.stderr
    assert "not covered" not in exported.stdout  # the pack reaches the restored log's head
    assert first.returncode == 0, first.stdout + first.stderr
    assert second.returncode == 0, second.stdout + second.stderr
    assert first.stdout.startswith("OK full pack")
    assert first.stdout == second.stdout


def test_a_restore_to_before_a_published_checkpoint_is_refused_by_verification_against_it(
    history: History, tmp_path: Path
) -> None:
    kept = orjson.loads(history.second_checkpoint.read_bytes())
    with restored_cluster(history.backup, _recovery(history, BEFORE_SECOND_CHECKPOINT)) as restored:
        url = restored.url
        in_log = _platforms_in_log(url)
        pack = tmp_path / "restored.zip"
        exported = run(url, "audit", "export", str(pack))
        first = _verify_against(url, history, pack, history.first_checkpoint)
        second = _verify_against(url, history, pack, history.second_checkpoint)

    assert set(history.before_backup + history.after_backup) <= in_log
    lost = history.after_second_point + history.after_second_checkpoint + history.after_the_mistake
    assert not set(lost) & in_log
    assert exported.returncode == 0, exported.stderr
    assert first.returncode == 0, first.stdout + first.stderr
    assert second.returncode == 1, second.stdout + second.stderr
    (line,) = second.stdout.splitlines()
    assert line.startswith("FAILED at position ")
    assert "(trusted_ahead)" in line
    assert f"Your trusted checkpoint has tree size {kept['tree_size']}" in line
