"""The service while PostgreSQL is away: every request fails fast with a 503 and Retry-After,
readiness says so at once, and the service is ready again within seconds of the database; a
worker process that dies meanwhile is replaced by one that waits for the database, and the API
never stops."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api._support import new_uscc
from tests.e2e._cluster import Cluster, throwaway_cluster
from tests.e2e._server import create_key, run_cli, start_server
from tests.e2e.conftest import StartServer

FAIL_FAST_SECONDS = 3.0  # the stated bound is ~2 s (the pool's wait); a margin for a busy machine
READY_AGAIN_SECONDS = 5.0


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with throwaway_cluster() as cluster:
        yield cluster


def _platform(n: int) -> dict[str, str]:
    return {"kind": "window", "name": f"窗口{n}", "uscc": new_uscc(), "region": "640100"}


def timed(call: httpx.Request, client: httpx.Client) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = client.send(call)
    return response, time.monotonic() - started


def test_an_outage_is_503_within_seconds_and_ends_within_seconds(
    cluster: Cluster, serve: StartServer
) -> None:
    assert run_cli(cluster.url, "migrate").returncode == 0
    admin = create_key(cluster.url, "--role", "admin").secret
    server = serve(cluster.url)
    auth = {"Authorization": f"Bearer {admin}"}
    with httpx.Client(base_url=server.base_url, timeout=90.0, headers=auth) as client:
        first = client.post("/v1/platforms", json=_platform(0))
        assert first.status_code == 201, first.text

        cluster.crash()
        requests = [
            client.build_request("POST", "/v1/enterprises", json={"uscc": "x"}),  # refused: 422
            client.build_request("GET", f"/v1/platforms/{first.json()['id']}"),
            client.build_request("GET", "/v1/views/participants"),
            client.build_request("GET", "/readyz"),
        ]
        for _ in range(3):
            for request in requests[1:]:
                response, seconds = timed(request, client)
                assert response.status_code == 503, (request.url, response.text)
                assert response.headers["retry-after"]
                assert seconds < FAIL_FAST_SECONDS, (request.url, seconds)
            write, seconds = timed(
                client.build_request("POST", "/v1/platforms", json=_platform(1)), client
            )
            assert write.status_code == 503, write.text
            assert write.headers["content-type"] == "application/problem+json"
            assert seconds < FAIL_FAST_SECONDS
        ready, seconds = timed(client.build_request("GET", "/readyz"), client)
        assert ready.status_code == 503
        assert seconds < 1.0

        cluster.start()
        back = time.monotonic()
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() - back < READY_AGAIN_SECONDS, "not ready again in time"
            time.sleep(0.1)
        written = client.post("/v1/platforms", json=_platform(2))
        read = client.get(f"/v1/platforms/{written.json()['id']}")

    assert written.status_code == 201, written.text
    assert read.status_code == 200
    assert read.json()["name"] == "窗口2"


def _workers(supervisor: int) -> list[int]:
    """The worker processes of ``sme-ledger serve --workers N`` (uvicorn spawns them)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if parent == supervisor and b"spawn_main" in command:
            found.append(int(stat.parent.name))
    return sorted(found)


def test_a_worker_that_dies_while_the_database_is_away_is_replaced_and_the_api_stays_up(
    cluster: Cluster, tmp_path: Path
) -> None:
    assert run_cli(cluster.url, "migrate").returncode == 0
    admin = create_key(cluster.url, "--role", "admin").secret
    server = start_server(cluster.url, tmp_path, "workers", LEDGER_WORKERS="2")
    try:
        # Both workers serving (started is not enough: the one killed must leave another).
        deadline = time.monotonic() + READY_AGAIN_SECONDS * 4
        while server.stderr_path.read_text().count("Application startup complete") < 2:
            assert time.monotonic() < deadline, "the two workers did not start"
            time.sleep(0.1)
        workers = _workers(server.process.pid)
        assert len(workers) == 2, workers
        auth = {"Authorization": f"Bearer {admin}"}
        with httpx.Client(base_url=server.base_url, timeout=10.0, headers=auth) as client:
            cluster.crash()
            os.kill(workers[0], signal.SIGKILL)
            # The supervisor starts another, which finds no database: the other worker answers.
            away = time.monotonic() + 4.0
            while time.monotonic() < away:
                assert server.process.poll() is None, server.output()
                assert client.get("/readyz").status_code == 503
                time.sleep(0.2)
            cluster.start()
            back = time.monotonic() + READY_AGAIN_SECONDS * 4
            while len(_workers(server.process.pid)) < 2 or client.get("/readyz").status_code != 200:
                assert server.process.poll() is None, server.output()
                assert time.monotonic() < back, "not two ready workers again in time"
                time.sleep(0.2)
            written = [client.post("/v1/platforms", json=_platform(n)) for n in range(4)]
        assert [w.status_code for w in written] == [201] * 4, [w.text for w in written]
        assert workers[0] not in _workers(server.process.pid)
        assert "waiting for the database" in server.output() + server.stderr_path.read_text()
    finally:
        server.stop()
