"""Each worker serves its own Prometheus series on ``--metrics-host``/``--metrics-port``:
`sme-ledger project` the head of the log and each view's position, lag, events projected and a
stalled flag; `sme-ledger seal` its checkpoint lag, the age of the latest checkpoint and the
checkpoints written; both their database reconnects and build info, and nothing of the API's."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import psycopg
from prometheus_client.parser import text_string_to_metric_families

from ledger.application.app import LedgerApplication
from ledger.audit.keys import SigningKey, write_private_key
from ledger.persistence.audit_store import audit_store_for
from projections.catalog import all_projections
from tests._audit import append_events
from tests.e2e._server import cli_env, free_port
from tests.integration.test_workers_reconnect import stop_cleanly, terminate_backends, worker
from tests.integration.test_workers_reconnect import wait_for as wait_for_worker

MakeLedger = Callable[[str], LedgerApplication]
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]
VIEWS = sorted(p.name for p in all_projections())


def wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen[bytes]) -> None:
    """As the workers' test waits, also while the metrics are not served yet."""

    def answered() -> bool:
        try:
            return condition()
        except (httpx.TransportError, KeyError):
            return False

    wait_for_worker(answered, what, process)


def scrape(port: int) -> Samples:
    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10.0).text
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples[(name, tuple(sorted(labels.items())))]


def names(samples: Samples) -> set[str]:
    return {name for name, _ in samples}


def checked_for_drift(port: int) -> bool:
    samples = scrape(port)
    return all(
        value(samples, "ledger_view_drift_checks_total", projection=v, outcome="ok") == 1
        for v in VIEWS
    )


def build_info(samples: Samples) -> dict[str, str]:
    ((labels, _),) = [(dict(k[1]), v) for k, v in samples.items() if k[0] == "ledger_build_info"]
    return labels


def test_the_projection_worker_exports_each_views_position_lag_progress_and_stall(
    make_small_ledger: MakeLedger, postgres_url: str, tmp_path: Path
) -> None:
    ledger = make_small_ledger(postgres_url)
    append_events(ledger, 4)
    port = free_port()
    env = cli_env(postgres_url, LEDGER_PROJECTION_STALL_SECONDS="1")

    def caught_up() -> bool:
        samples = scrape(port)
        head = ledger.head_position()
        return all(
            value(samples, "ledger_projection_position", projection=v) == head for v in VIEWS
        )

    args = ["project", "--poll", "0.3", "--metrics-port", str(port)]
    with worker(args, env, tmp_path / "project.err") as projector:
        wait_for(caught_up, "the views to catch up", projector)
        head = ledger.head_position()
        first = scrape(port)
        # No view was ever checked for drift: each is checked as the worker starts.
        wait_for(lambda: checked_for_drift(port), "the first drift checks", projector)
        checked = scrape(port)

        # Hold the views' tracking rows: the worker waits for the lock and cannot move.
        with psycopg.connect(postgres_url) as blocker:
            blocker.execute("SELECT * FROM ledger_projection_tracking FOR UPDATE")
            append_events(ledger, 2)

            def stalled() -> bool:
                return value(scrape(port), "ledger_projection_stalled", projection=VIEWS[0]) == 1

            wait_for(stalled, "the view to be reported stalled", projector)
            held = scrape(port)
            blocker.rollback()

        wait_for(caught_up, "the views to catch up after the lock", projector)
        terminate_backends(postgres_url)
        ledger = make_small_ledger(postgres_url)
        append_events(ledger, 1)
        wait_for(caught_up, "the views to catch up after the termination", projector)
        last = scrape(port)
        assert stop_cleanly(projector) == 0

    for view in VIEWS:
        assert value(first, "ledger_projection_lag_events", projection=view) == 0
        assert value(first, "ledger_projection_stalled", projection=view) == 0
        assert value(first, "ledger_projection_events_total", projection=view) == head
        assert value(held, "ledger_projection_lag_events", projection=view) == 2
        assert value(held, "ledger_projection_stalled", projection=view) == 1
        assert value(last, "ledger_projection_stalled", projection=view) == 0
        assert value(last, "ledger_projection_events_total", projection=view) == head + 3
        assert value(checked, "ledger_view_drift", projection=view) == 0
        assert (
            value(checked, "ledger_view_drift_checks_total", projection=view, outcome="drift") == 0
        )
    assert value(first, "ledger_log_head_position") == head
    assert value(held, "ledger_log_head_position") == head + 2
    assert value(first, "ledger_database_reconnects_total") == 0
    assert value(last, "ledger_database_reconnects_total") >= 1
    assert value(last, "ledger_database_up") == 1
    assert build_info(last)["worker"] == "project"
    assert not any(name.startswith("ledger_http_") for name in names(last))


def test_the_sealer_exports_its_checkpoint_lag_age_and_count(
    make_small_ledger: MakeLedger, postgres_url: str, tmp_path: Path
) -> None:
    key = SigningKey.generate()
    write_private_key(tmp_path / "seal.pem", key)
    ledger = make_small_ledger(postgres_url)
    append_events(ledger, 3)
    port = free_port()
    env = cli_env(
        postgres_url,
        LEDGER_SEAL_KEY_FILE=str(tmp_path / "seal.pem"),
        LEDGER_SEAL_EVERY_EVENTS="1000",
        LEDGER_SEAL_INTERVAL_SECONDS="0.2",
        LEDGER_SEAL_POLL_SECONDS="0.3",
    )

    def checkpointed() -> bool:
        latest = audit_store_for(ledger.recorder).latest_checkpoint()
        return latest is not None and latest.last_position == ledger.head_position()

    args = ["seal", "--metrics-host", "127.0.0.1", "--metrics-port", str(port)]
    with worker(args, env, tmp_path / "seal.err") as sealer:
        wait_for(checkpointed, "the first checkpoint", sealer)
        wait_for(
            lambda: value(scrape(port), "ledger_checkpoints_written_total") >= 1,
            "the checkpoint to be counted",
            sealer,
        )
        first = scrape(port)
        append_events(ledger, 2)
        wait_for(checkpointed, "a second checkpoint", sealer)
        wait_for(
            lambda: (
                value(scrape(port), "ledger_checkpoint_lag_events") == 0
                and value(scrape(port), "ledger_checkpoints_written_total") >= 2
            ),
            "the second checkpoint to be counted",
            sealer,
        )
        time.sleep(0.5)
        last = scrape(port)
        assert stop_cleanly(sealer) == 0

    assert value(first, "ledger_checkpoint_lag_events") == 0
    assert value(last, "ledger_checkpoints_written_total") >= 2
    assert 0 < value(last, "ledger_checkpoint_age_seconds") < 30
    assert value(last, "ledger_database_reconnects_total") == 0
    assert value(last, "ledger_database_up") == 1
    info = build_info(last)
    assert info["worker"] == "seal"
    assert info["version"]
    assert not any(name.startswith(("ledger_http_", "ledger_projection_")) for name in names(last))


def outward_address() -> str | None:
    """This machine's address on its default route (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
        except OSError:
            return None
        address: str = s.getsockname()[0]
    return None if address.startswith("127.") else address


def test_worker_metrics_listen_on_loopback_unless_told_otherwise(
    postgres_url: str, tmp_path: Path
) -> None:
    port = free_port()
    env = cli_env(postgres_url)
    outward = outward_address()
    with worker(["project", "--metrics-port", str(port)], env, tmp_path / "p.err") as projector:
        wait_for(lambda: bool(scrape(port)), "the metrics to be served", projector)
        if outward is not None:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.settimeout(2)
                assert s.connect_ex((outward, port)) != 0, f"answered on {outward}"
        assert stop_cleanly(projector) == 0
    log = (tmp_path / "p.err").read_text(encoding="utf-8")
    assert f"project: metrics on http://127.0.0.1:{port}/metrics" in log
