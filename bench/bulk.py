"""Bulk import (``POST /v1/service-cases:batch``, 1,000 records a request) against a raw
multi-row INSERT of as many rows of the same size: step 2 of the suite (``bench/suite.py``)."""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from typing import Any

import httpx
import orjson
import psycopg

# Run as a script, so bench/ is on the path: its sibling modules are imported by name.
from processes import server

from ledger.domain.time import CST

ENTERPRISE_USCC = "91640104MA71TJ3Y8G"


def record(ref: str) -> dict[str, Any]:
    """One delivered service, as a window's system sends it (3 events)."""
    return {
        "external_ref": ref,
        "uscc": ENTERPRISE_USCC,
        "category": "100200",
        "channel": "online",
        "description": "咨询2026年中小企业技术改造补助政策，并对接融资服务",
        "assignment": {"provider_kind": "expert", "provider_name": "王教授"},
        "delivery": {
            "delivered_on": datetime.now(CST).date().isoformat(),
            "mode": "online",
            "fee_type": "free",
        },
    }


def bulk_import(
    url: str, secret: str, *, records: int, workers: int, running: str | None = None
) -> dict[str, Any]:
    """``running``: the base URL of a server already serving ``url`` (default: one started
    for the import)."""
    prefix = uuid.uuid4().hex[:8]
    batches = [
        orjson.dumps(
            {"records": [record(f"BULK-{prefix}-{i}") for i in range(s, min(s + 1000, records))]}
        )
        for s in range(0, records, 1000)
    ]
    with psycopg.connect(url) as conn:
        before = conn.execute(
            "SELECT coalesce(max(notification_id), 0) FROM ledger_events"
        ).fetchone()
    head_before = before[0] if before else 0
    served: AbstractContextManager[tuple[str, int]] = (
        server(url, group_commit=True, workers=workers)
        if running is None
        else nullcontext((running, 0))
    )
    with served as (base, _):
        headers = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
        with httpx.Client(base_url=base, timeout=120) as warm:
            warm.post(
                "/v1/service-cases:batch",
                content=orjson.dumps({"records": [record(f"W-{prefix}")]}),
                headers=headers,
            )
        queue = list(batches)
        lock = threading.Lock()
        created = [0]

        def send() -> None:
            with httpx.Client(base_url=base, timeout=120) as client:
                while True:
                    with lock:
                        if not queue:
                            return
                        body = queue.pop()
                    response = client.post("/v1/service-cases:batch", content=body, headers=headers)
                    response.raise_for_status()
                    with lock:
                        created[0] += response.json()["created"]

        started = time.perf_counter()
        threads = [threading.Thread(target=send) for _ in range(workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT topic, state FROM ledger_events WHERE notification_id > %s", (head_before,)
        ).fetchall()
    events = len(rows) - 3  # the warm-up record
    raw_rows, raw_seconds = raw_insert(url, [(t, bytes(s)) for t, s in rows])
    result = {
        "records": records,
        "created": created[0],
        "events": events,
        "seconds": elapsed,
        "events_per_second": events / elapsed,
        "raw_rows": raw_rows,
        "raw_seconds": raw_seconds,
        "raw_rows_per_second": raw_rows / raw_seconds,
        "mean_event_bytes": statistics.fmean(len(s) for _, s in rows) if rows else 0,
    }
    result["vs_raw"] = result["events_per_second"] / result["raw_rows_per_second"]
    print(
        f"  bulk import   {result['events_per_second']:8.0f} events/s   raw INSERT "
        f"{result['raw_rows_per_second']:8.0f} rows/s   ({result['vs_raw']:.0%})"
    )
    return result


def raw_insert(url: str, rows: list[tuple[str, bytes]]) -> tuple[int, float]:
    """The same rows (new ids) into a table of the events table's shape: multi-row INSERTs of
    1,000 rows, one transaction each, from one client: the floor of what PostgreSQL takes."""
    with psycopg.connect(url) as conn:
        conn.execute(
            "CREATE TABLE bench_raw_events (originator_id uuid NOT NULL, originator_version "
            "bigint NOT NULL, topic text NOT NULL, state bytea NOT NULL, notification_id "
            "bigserial NOT NULL, PRIMARY KEY (originator_id, originator_version))"
        )
        conn.execute("CREATE UNIQUE INDEX ON bench_raw_events (notification_id)")
        conn.commit()
        started = time.perf_counter()
        for s in range(0, len(rows), 1000):
            chunk = rows[s : s + 1000]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
            params: list[Any] = []
            for topic, state in chunk:
                params.extend((uuid.uuid4(), 1, topic, state))
            conn.execute(
                "INSERT INTO bench_raw_events (originator_id, originator_version, topic, state) "
                f"VALUES {values} RETURNING notification_id",
                params,
            ).fetchall()
            conn.commit()
        elapsed = time.perf_counter() - started
        conn.execute("DROP TABLE bench_raw_events")
        conn.commit()
    return len(rows), elapsed
