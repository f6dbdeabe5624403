"""Admission control under overload: what the accepted requests get when three times the
server's capacity is offered (the suite's step 7).

On one running ``sme-ledger serve``, single-record appends (``POST /v1/service-cases``, a
delivered service: 3 events), after a warm-up of half a phase, in four phases:
  1. unloaded: a closed loop of ``unloaded_connections`` clients; its p99 is the reference;
  2. capacity: a closed loop of ``capacity_connections`` clients, enough to saturate the
     workers; the rate of 2xx answers is the capacity;
  3. moderate: an open loop offering ``MODERATE`` × the capacity for a phase: what a bound
     that is too tight costs, since it refuses requests the server had room for;
  4. overload: an open loop offering ``factor`` × the capacity for ``seconds``, on schedule.
     Latency is counted from each request's scheduled send time (``bench/openloop.py``).
The target (issue 15): the accepted requests' p99 within 2× the unloaded p99, no 5xx but
``503`` with ``Retry-After``, and the server's memory flat: the resident memory of all its
processes together at the end of the overload within ``RSS_BOUND`` of what it was at the start.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import orjson
from bulk import record
from loadgen import REF
from openloop import closed_loop, open_loop
from processes import RssSampler, rss_bytes, server, worker_pids

from runtime.settings import Settings

P99_BOUND = 2.0
"""Accepted p99 under overload ÷ unloaded p99, at most."""
RSS_BOUND = 1.10
"""The server's resident memory at the end of the overload ÷ at its start, at most."""
MODERATE = 0.7
"""The load of the moderate phase, as a share of the capacity."""
MIB = 1024 * 1024


def server_rss(parent: int) -> dict[str, float]:
    """Resident memory of ``sme-ledger serve`` and its worker processes, in MiB."""
    found: dict[str, float] = {}
    for pid in [parent, *worker_pids(parent)]:
        try:
            found[str(pid)] = rss_bytes(pid) / MIB
        except OSError:
            continue
    return found


def shed_total(base: str) -> float:
    """Requests the server itself counted as shed (``ledger_http_requests_shed_total``)."""
    for line in httpx.get(f"{base}/metrics", timeout=10).text.splitlines():
        if line.startswith("ledger_http_requests_shed_total"):
            return float(line.split()[-1])
    return 0.0


def overload(
    base: str,
    pid: int,
    secret: str,
    *,
    unloaded_connections: int,
    capacity_connections: int,
    phase_seconds: float,
    seconds: float,
    factor: float = 3.0,
    settings: dict[str, str] | None = None,
    rate: float | None = None,
) -> dict[str, Any]:
    """The four phases against the server at ``base`` (process ``pid``); ``settings`` are the
    LEDGER_ variables it was started with beyond the defaults, reported with the figures;
    ``rate`` fixes the overload's rate (requests/s) instead of ``factor`` × the capacity, to
    compare settings at one load."""
    url = base + "/v1/service-cases"
    template = orjson.dumps(record(REF)).decode()
    closed_loop(url, secret, template, connections=capacity_connections, seconds=phase_seconds / 2)
    unloaded = closed_loop(
        url, secret, template, connections=unloaded_connections, seconds=phase_seconds
    )
    capacity = closed_loop(
        url, secret, template, connections=capacity_connections, seconds=phase_seconds
    )
    measured = float(capacity["accepted_per_second"])
    rate = rate or factor * measured
    moderate = open_loop(url, secret, template, rate=MODERATE * measured, seconds=phase_seconds)
    shed_before = shed_total(base)
    rss_start = server_rss(pid)
    with RssSampler(pid) as sampler:
        loaded = open_loop(url, secret, template, rate=rate, seconds=seconds)
    rss_end = server_rss(pid)
    start_mib, end_mib = sum(rss_start.values()), sum(rss_end.values())
    ratio = float(loaded["p99_ms"]) / max(float(unloaded["p99_ms"]), 1e-9)
    defaults = Settings.model_fields
    result: dict[str, Any] = {
        "settings": settings or {},
        "max_in_flight": int(
            (settings or {}).get("LEDGER_MAX_IN_FLIGHT", defaults["max_in_flight"].default)
        ),
        "max_queue_wait_ms": float(
            (settings or {}).get("LEDGER_MAX_QUEUE_WAIT_MS", defaults["max_queue_wait_ms"].default)
        ),
        "factor": factor,
        "unloaded_connections": unloaded_connections,
        "capacity_connections": capacity_connections,
        "unloaded": unloaded,
        "capacity": capacity,
        "capacity_per_second": capacity["accepted_per_second"],
        "moderate": moderate,
        "moderate_share": MODERATE,
        "moderate_shed_share": moderate["shed_503_with_retry_after"] / max(moderate["sent"], 1),
        "offered_per_second": rate,
        "overload": loaded,
        "server_shed": shed_total(base) - shed_before,
        "rss": {
            "start_mib": start_mib,
            "end_mib": end_mib,
            "ratio": end_mib / max(start_mib, 1e-9),
            "bound": RSS_BOUND,
            "processes": len(rss_end),
            "worker_peak_mib": sampler.summary()["peak_mib"],
        },
        "p99_ratio": ratio,
        "p99_bound": P99_BOUND,
    }
    result["targets"] = {
        "p99_within_2x": ratio <= P99_BOUND,
        "no_other_5xx": loaded["other_5xx"] == 0 and loaded["shed_503_without_retry_after"] == 0,
        "rss_flat": result["rss"]["ratio"] <= RSS_BOUND,
    }
    print(
        f"  overload      unloaded p99 {unloaded['p99_ms']:.1f} ms ({unloaded_connections} "
        f"clients); capacity {measured:.0f} req/s; offered {loaded['offered_per_second']:.0f}"
        f" req/s: accepted {loaded['accepted_per_second']:.0f}/s p50 {loaded['p50_ms']:.1f} ms "
        f"p99 {loaded['p99_ms']:.1f} ms ({ratio:.1f}× unloaded), 503 "
        f"{loaded['shed_503_with_retry_after']}, other 5xx {loaded['other_5xx']}, errors "
        f"{loaded['errors']}, rss {start_mib:.0f} → {end_mib:.0f} MiB"
    )
    return result


def overload_step(
    url: str,
    secret: str,
    *,
    workers: int,
    connections: int,
    phase_seconds: float,
    seconds: float,
    running: tuple[str, int] | None = None,
) -> dict[str, Any]:
    """The step as the suite runs it: a server of the default settings (``running``: the base
    URL and process id of one already serving ``url``), ``2 × connections`` clients to find
    its capacity."""
    served: AbstractContextManager[tuple[str, int]] = (
        server(url, group_commit=True, workers=workers) if running is None else nullcontext(running)
    )
    with served as (base, pid):
        result = overload(
            base,
            pid,
            secret,
            unloaded_connections=2,
            capacity_connections=2 * connections,
            phase_seconds=phase_seconds,
            seconds=seconds,
        )
    result["when"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    result["workers"] = workers
    return result


def main() -> None:
    """Run the step alone, on a fresh database, and print its figures as JSON."""
    import argparse
    import os

    from suite import fresh_database, prepare

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "LEDGER_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--phase-seconds", type=float, default=10.0)
    parser.add_argument("--unloaded-connections", type=int, default=2)
    parser.add_argument("--capacity-connections", type=int, default=64)
    parser.add_argument("--factor", type=float, default=3.0)
    parser.add_argument("--rate", type=float, default=None, help="overload at this rate")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="a LEDGER_ setting"
    )
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    settings = dict(s.split("=", 1) for s in args.set)
    with (
        fresh_database(args.postgres) as url,
        server(url, group_commit=True, workers=args.workers, **settings) as (base, pid),
    ):
        result = overload(
            base,
            pid,
            prepare(url),
            unloaded_connections=args.unloaded_connections,
            capacity_connections=args.capacity_connections,
            phase_seconds=args.phase_seconds,
            seconds=args.seconds,
            factor=args.factor,
            settings=settings,
            rate=args.rate,
        )
    text = orjson.dumps(result, option=orjson.OPT_INDENT_2).decode()
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
