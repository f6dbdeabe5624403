"""Latency of one write over real HTTP, against a trivial GET in the same run.

    .venv/bin/python bench/post_latency.py [--database-url URL] [--requests N]

Starts ``sme-ledger serve`` on a free port against a fresh store, then sends sequential
requests from one client: ``GET /healthz`` (the floor: HTTP + framework), ``POST
/v1/service-cases`` recording a delivered service (3 events), and ``GET`` of that case.
Prints p50/p90/p99 in milliseconds and the ratio of each to the floor.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import httpx
import psycopg

from ledger.domain.time import CST
from ledger.persistence.config import StoreConfig
from ledger.persistence.migrate import migrate
from runtime.bootstrap import build_ledger

WINDOW_USCC = "91640100MA7AY4CL31"
ENTERPRISE_USCC = "91640104MA71TJ3Y8G"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentiles(samples: list[float]) -> dict[str, float]:
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": q[49] * 1000, "p90": q[89] * 1000, "p99": q[98] * 1000}


def prepare(url: str) -> tuple[str, str]:
    """A window, an enterprise and a window key in a fresh store."""
    from ledger.application.commands.access_keys import IssueKey
    from ledger.application.commands.participants import (
        RegisterConnectedPlatform,
        RegisterEnterprise,
    )
    from ledger.application.context import Principal, RequestContext
    from ledger.domain.access_key import Role
    from ledger.domain.platform import PlatformKind

    ledger = build_ledger(StoreConfig(url))
    bench = RequestContext(Principal("bench"), "bench")
    window = ledger.handle(
        RegisterConnectedPlatform(
            kind=PlatformKind.WINDOW, name="bench window", uscc=WINDOW_USCC, region="640100"
        ),
        bench,
    )
    ledger.handle(
        RegisterEnterprise(
            uscc=ENTERPRISE_USCC,
            name="bench enterprise",
            region="640104",
            industry="industry",
            employees=50,
            revenue_wan=Decimal("800"),
        ),
        bench,
    )
    key = ledger.handle(
        IssueKey(role=Role.WINDOW, platform_id=window.resource_id, name="bench"), bench
    )
    ledger.close()
    return key.secret, str(window.resource_id)


def run(url: str, requests: int) -> dict[str, dict[str, float]]:
    secret, _ = prepare(url)
    port = free_port()
    env = {**os.environ, "LEDGER_DATABASE_URL": url, "LEDGER_PORT": str(port)}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "sme-ledger"), "serve"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            for _ in range(100):
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            headers = {"Authorization": f"Bearer {secret}"}
            timings: dict[str, list[float]] = {"GET /healthz": [], "POST case": [], "GET case": []}
            case_id = ""
            for i in range(requests):
                t = time.perf_counter()
                client.get("/healthz")
                timings["GET /healthz"].append(time.perf_counter() - t)
                body = {
                    "external_ref": f"B-{uuid.uuid4().hex}",
                    "uscc": ENTERPRISE_USCC,
                    "category": "100200",
                    "channel": "online",
                    "assignment": {"provider_kind": "expert", "provider_name": "bench"},
                    "delivery": {
                        "delivered_on": datetime.now(CST).date().isoformat(),
                        "mode": "online",
                        "fee_type": "free",
                    },
                }
                t = time.perf_counter()
                response = client.post("/v1/service-cases", json=body, headers=headers)
                timings["POST case"].append(time.perf_counter() - t)
                if response.status_code != 201:
                    raise SystemExit(f"request {i}: {response.status_code} {response.text}")
                case_id = response.json()["id"]
                t = time.perf_counter()
                client.get(f"/v1/service-cases/{case_id}", headers=headers)
                timings["GET case"].append(time.perf_counter() - t)
    finally:
        server.terminate()
        server.wait(10)
    return {name: percentiles(samples) for name, samples in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--postgres", default=None, help="server URL: bench on a fresh database")
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    dbname: str | None = None
    if args.postgres:
        dbname = f"ledger_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        url = f"{args.postgres.rpartition('/')[0]}/{dbname}"
        migrate(url)
    else:
        url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"
    try:
        results = run(url, args.requests)
    finally:
        if dbname is not None:
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
    floor = results["GET /healthz"]["p50"]
    print(f"store: {url.split('@')[-1]}  requests: {args.requests} sequential, one client")
    for name, p in results.items():
        print(
            f"{name:14s} p50 {p['p50']:6.2f} ms  p90 {p['p90']:6.2f} ms  p99 {p['p99']:6.2f} ms"
            f"  (p50 = {p['p50'] / floor:4.1f}x healthz)"
        )


if __name__ == "__main__":
    main()
