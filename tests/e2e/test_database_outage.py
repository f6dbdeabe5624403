"""The service while PostgreSQL is away: every request fails fast with a 503 and Retry-After,
readiness says so at once, and the service is ready again within seconds of the database."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from tests.api._support import new_uscc
from tests.e2e._cluster import Cluster, throwaway_cluster
from tests.e2e._server import create_key, run_cli
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
