"""`sme-ledger seal` and `sme-ledger project` survive losing their database connections: their
backends are terminated (``pg_terminate_backend``) several times while they run, and they still
seal and project what is appended afterwards, say once when the database went and came back,
and stop cleanly."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import psycopg
from prometheus_client.parser import text_string_to_metric_families

from ledger.application.app import LedgerApplication
from ledger.audit.keys import SigningKey, write_private_key
from ledger.persistence.audit_store import audit_store_for
from tests._audit import append_events
from tests.e2e._server import CLI, cli_env, free_port

WAIT_SECONDS = 30.0
TERMINATIONS = 3


def terminate_backends(url: str) -> int:
    """Terminate every other connection to the database of ``url``; how many there were."""
    dbname = urlsplit(url).path.lstrip("/")
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (dbname,),
        ).fetchall()
    return len(rows)


MakeLedger = Callable[[str], LedgerApplication]


def wait_for(condition: Callable[[], bool], what: str, worker: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        assert worker.poll() is None, f"the worker exited ({worker.returncode}) waiting for {what}"
        try:
            if condition():
                return
        except psycopg.OperationalError:
            pass  # this test's own connection met a termination; ask again
        time.sleep(0.1)
    raise AssertionError(f"not within {WAIT_SECONDS} s: {what}")


@contextmanager
def worker(args: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A worker process whose stderr goes to ``log``; stopped (SIGTERM, then kill) on exit."""
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [str(CLI), *args], env=env, stdout=subprocess.DEVNULL, stderr=stderr
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=WAIT_SECONDS)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def reconnects(port: int) -> float:
    """The worker's ``ledger_database_reconnects_total``, scraped."""
    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10.0).text
    (value,) = [
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "ledger_database_reconnects_total"
    ]
    return value


def stop_cleanly(process: subprocess.Popen[bytes]) -> int:
    assert process.poll() is None, "the worker died"
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=WAIT_SECONDS)


def assert_reported_the_outage(log: Path) -> str:
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text, text
    assert text.count("lost the database") >= 1, text
    assert text.count("lost the database") == text.count("the database is back"), text
    for line in text.splitlines():
        if "lost the database" in line or "the database is back" in line:
            assert len(line) < 400, line
    return text


def test_the_sealer_keeps_sealing_across_terminated_connections(
    make_small_ledger: MakeLedger, service_url: str, postgres_url: str, tmp_path: Path
) -> None:
    key = SigningKey.generate()
    write_private_key(tmp_path / "seal.pem", key)
    # The test's own connections are terminated too: it reads and writes through a new
    # ledger after each termination.
    current = [make_small_ledger(service_url)]
    append_events(current[0], 3)
    env = cli_env(
        service_url,
        LEDGER_SEAL_KEY_FILE=str(tmp_path / "seal.pem"),
        LEDGER_SEAL_EVERY_EVENTS="2",
        LEDGER_SEAL_INTERVAL_SECONDS="0.2",
        LEDGER_SEAL_POLL_SECONDS="0.5",
        LEDGER_RECONNECT_MAX_SECONDS="1",
    )

    def sealed_to_head() -> bool:
        latest = audit_store_for(current[0].recorder).latest_checkpoint()
        return latest is not None and latest.last_position == current[0].head_position()

    log = tmp_path / "seal.err"
    port = free_port()
    with worker(["seal", "--metrics-port", str(port)], env, log) as sealer:
        wait_for(sealed_to_head, "the first checkpoint", sealer)
        for _ in range(TERMINATIONS):
            assert terminate_backends(postgres_url) >= 1
            current[0] = make_small_ledger(service_url)
            append_events(current[0], 2)
            wait_for(sealed_to_head, "a checkpoint after the termination", sealer)
        counted = reconnects(port)
        assert stop_cleanly(sealer) == 0

    text = assert_reported_the_outage(log)
    assert counted == text.count("the database is back") >= TERMINATIONS
    assert "Sealer stopped." in text
    latest = audit_store_for(current[0].recorder).latest_checkpoint()
    assert latest is not None
    assert latest.key_id == key.key_id


def test_the_projection_worker_keeps_projecting_across_terminated_connections(
    make_small_ledger: MakeLedger, postgres_url: str, tmp_path: Path
) -> None:
    current = [make_small_ledger(postgres_url)]
    append_events(current[0], 3)
    env = cli_env(postgres_url, LEDGER_RECONNECT_MAX_SECONDS="1")

    def projected_to_head() -> bool:
        head = current[0].head_position()
        with psycopg.connect(postgres_url) as conn:
            positions = [
                row[0] for row in conn.execute("SELECT position FROM ledger_projection_tracking")
            ]
        return bool(positions) and all(p == head for p in positions)

    log = tmp_path / "project.err"
    with worker(["project", "--poll", "0.5"], env, log) as projector:
        wait_for(projected_to_head, "the views to catch up", projector)
        for _ in range(TERMINATIONS):
            assert terminate_backends(postgres_url) >= 1
            current[0] = make_small_ledger(postgres_url)
            append_events(current[0], 2)
            wait_for(projected_to_head, "the views after the termination", projector)
        assert stop_cleanly(projector) == 0

    assert_reported_the_outage(log)
