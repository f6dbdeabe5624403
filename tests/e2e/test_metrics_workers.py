"""`sme-ledger serve` with two workers on PostgreSQL: one scrape shows both workers' process
series by pid, their pools summed and one build, a killed worker's live gauges are dropped once
the supervisor replaces it while its counts stay in the totals, and every line the service
writes is one JSON object."""

from __future__ import annotations

import json
import os
import re
import signal
import time
from pathlib import Path

import httpx

from tests.e2e._server import start_server

_WORKER = re.compile(r'^ledger_api_worker_up\{pid="(\d+)"\} 1\.0$', re.MULTILINE)
_REQUESTS = re.compile(
    r'^ledger_http_requests_total\{method="GET",route="/healthz",status="200"\} (\S+)$',
    re.MULTILINE,
)
_BUILD = re.compile(r"^ledger_build_info\{(.*)\} (\S+)$", re.MULTILINE)
WAIT_SECONDS = 20.0
# Each worker's pools at their defaults: the ledger's 5 + 10 overflow, the view store's 4.
POOL_MAX = {"write": 15, "views": 4}


def _scrape(client: httpx.Client) -> str:
    response = client.get("/metrics")
    assert response.status_code == 200
    return response.text


def _workers(text: str) -> set[int]:
    return {int(pid) for pid in _WORKER.findall(text)}


def _pids_of(series: str, text: str) -> set[int]:
    return {int(p) for p in re.findall(rf'^{series}\{{pid="(\d+)"\}} ', text, re.MULTILINE)}


def _sample(text: str, series: str) -> float | None:
    found = re.search(rf"^{re.escape(series)} (\S+)$", text, re.MULTILINE)
    return float(found[1]) if found else None


def _pools_of_two_workers(text: str) -> bool:
    return all(
        _sample(text, f'ledger_db_pool_connections_max{{pool="{pool}"}}') == 2 * size
        for pool, size in POOL_MAX.items()
    )


def _healthz_answered(text: str) -> float:
    found = _REQUESTS.search(text)
    return float(found[1]) if found else 0.0


def _until(condition_text: str, client: httpx.Client, check: object) -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            text = _scrape(client)
        except httpx.TransportError:
            text = ""
        if text and check(text):  # type: ignore[operator]
            return text
        time.sleep(0.2)
    raise AssertionError(f"not within {WAIT_SECONDS} s: {condition_text}")


def test_a_dead_worker_leaves_the_live_series_and_its_counts_stay(
    postgres_url: str, tmp_path: Path
) -> None:
    server = start_server(
        postgres_url, tmp_path, "workers", LEDGER_WORKERS="2", LEDGER_LOG_FORMAT="json"
    )
    try:
        with server.client() as client:
            # Until both workers have measured their pools, one may not be up yet.
            text = _until(
                "two live workers, each with its pools",
                client,
                lambda t: len(_workers(t)) == 2 and _pools_of_two_workers(t),
            )
            workers = _workers(text)
            for series in ("process_cpu_seconds_total", "process_resident_memory_bytes"):
                assert _pids_of(series, text) == workers, series
            (build,) = _BUILD.findall(text)
            assert 'worker="api"' in build[0]
            assert float(build[1]) == 1
            head = client.get("/readyz").json()["head"]
            assert head > 0, "serve initialised the ledger"
            assert _sample(_scrape(client), "ledger_log_head_position") == head
            assert _sample(text, "ledger_group_commit_refused_commands_total") == 0
            for _ in range(20):
                assert client.get("/healthz").status_code == 200
            answered = _healthz_answered(_scrape(client))
            assert answered >= 20

            dead = min(workers)
            os.kill(dead, signal.SIGKILL)
            text = _until(
                "the dead worker replaced",
                client,
                lambda t: (
                    dead not in _workers(t) and len(_workers(t)) == 2 and _pools_of_two_workers(t)
                ),
            )

            assert dead not in _pids_of("process_cpu_seconds_total", text)
            assert _pids_of("process_open_fds", text) == _workers(text)
            # Counters are summed over every worker that ever ran, the dead one's too.
            assert _healthz_answered(text) >= answered
    finally:
        server.stop()

    lines = server.stderr_path.read_text("utf-8").splitlines()
    assert lines
    records = [json.loads(line) for line in lines]
    assert {"time", "level", "logger", "message"} <= set(records[0])
    assert any(r["logger"] == "ledger.http" and r["route"] == "/healthz" for r in records)
    assert not any(r["logger"] == "uvicorn.access" for r in records)
