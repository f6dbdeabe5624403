"""Admission control: a worker answers a bounded number of requests at once and refuses the
rest at once with 503 + Retry-After, instead of queueing them where nothing measures the wait."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx

from tests.e2e._server import create_key, start_server


def test_beyond_the_bound_a_request_is_refused_at_once_and_health_still_answers(
    sqlite_url: str, tmp_path: Path
) -> None:
    auditor = create_key(sqlite_url, "--role", "auditor").secret
    server = start_server(
        sqlite_url, tmp_path, "admission", LEDGER_MAX_IN_FLIGHT="1", LEDGER_VIEW_WAIT_SECONDS="3"
    )
    auth = {"Authorization": f"Bearer {auditor}"}
    try:
        with httpx.Client(base_url=server.base_url, timeout=30.0, headers=auth) as client:
            # A view read asking for a position the log never reaches waits its bounded 3 s.
            slow: list[httpx.Response] = []
            holder = threading.Thread(
                target=lambda: slow.append(
                    client.get("/v1/views/participants", params={"min_position": 10**9})
                )
            )
            holder.start()
            time.sleep(1.0)

            started = time.monotonic()
            refused = client.get("/v1/platforms")
            refused_in = time.monotonic() - started
            health = client.get("/healthz")
            metrics = client.get("/metrics").text
            holder.join(30)
            admitted = client.get("/v1/platforms")
    finally:
        server.stop()

    assert refused.status_code == 503, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "overloaded"
    assert refused.headers["retry-after"] == "1"
    assert refused_in < 0.5
    assert health.status_code == 200
    assert "ledger_http_requests_shed_total 1.0" in metrics
    assert slow[0].status_code == 503
    assert slow[0].json()["code"] == "view_behind"
    assert admitted.status_code == 200, admitted.text
