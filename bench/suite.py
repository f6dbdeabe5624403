"""The throughput benchmark suite: every figure beside a baseline measured in the same run.

    make bench          # the full suite on PostgreSQL; writes docs/benchmarks.json and a section
                        # of docs/benchmarks.md
    make bench-smoke    # the same steps, tiny and short: checks that the suite runs, not timings
    .venv/bin/python bench/suite.py --help

On a fresh PostgreSQL database (made and dropped by the suite), over loopback only:
  1. HTTP single-record appends (a delivered service case in one call, 3 events), 32 concurrent
     connections against ``sme-ledger serve --workers 2`` (uvloop + httptools): group commit,
     against (a) a parse-only endpoint served the same way and (b) one plain save per request.
  2. Bulk import (``POST /v1/service-cases:batch``, 1,000 records a request) in events/s,
     against a raw multi-row INSERT of as many rows of the same size into a table of the same
     shape.
  3. Projection rebuild of the resulting log, against a raw read of it.
  4. Point-in-time reads of a 10,000-event stream, with and without snapshots.
  5. Peak RSS of each API worker during the HTTP load (sampled from /proc), first and last.
  6. Reads on a growing log (``bench/reads.py``): appraisals, service statistics, an enterprise's
     history and the list routes, timed at 20k and 200k events (and 1M with ``--reads-1m`` or
     LEDGER_BENCH_READS_1M=1), each as a ratio of its cost at the smallest size, on a database
     of their own.
  7. Admission control under 3× overload (``bench/overload.py``): the unloaded p99 of
     single-record appends, the capacity, then an open loop offering three times the capacity
     for ``--overload-seconds``: the accepted requests' p50/p99 from their scheduled send
     times, 503s with Retry-After, any other 5xx, and the server's memory at start and end.
     ``--only overload`` runs this step alone and keeps the other figures of ``--json``.
The load generator is ``wrk`` when installed (``apt-get install wrk``), else an asyncio httpx
client (``--client httpx``), which saturates a core of its own and so understates throughput.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import orjson
import psycopg
from bulk import ENTERPRISE_USCC, bulk_import, record

# Run as a script, so bench/ is on the path: its sibling modules are imported by name.
from loadgen import REF, LoadResult, have_wrk, run_httpx, run_wrk
from overload import overload_step
from processes import RssSampler, server
from reads import read_costs
from rebuild import raw_read, rebuild
from report import targets, write_report

from ledger.application.commands.access_keys import IssueKey
from ledger.application.commands.participants import RegisterConnectedPlatform, RegisterEnterprise
from ledger.application.context import Principal, RequestContext
from ledger.domain.access_key import Role
from ledger.domain.agreement_index import AgreementIndex
from ledger.domain.envelope import Envelope
from ledger.domain.errors import NotFoundError
from ledger.domain.platform import PlatformKind
from ledger.persistence.config import StoreConfig
from ledger.persistence.migrate import migrate
from projections.catalog import ensure_view_schema
from runtime.bootstrap import build_ledger

ROOT = Path(__file__).resolve().parents[1]
WINDOW_USCC = "91640100MA7AY4CL31"


# --- the database and the network ---------------------------------------------------------------


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    dbname = f"ledger_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    try:
        url = f"{server_url.rpartition('/')[0]}/{dbname}"
        migrate(url)
        yield url
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


BENCH = RequestContext(Principal("bench"), "bench")
"""The suite's own writes: an operator's, not a key's."""


def meta(platform_id: Any = None) -> Envelope:
    return Envelope("bench", platform_id, "bench", None, datetime.now(UTC))


def prepare(url: str) -> str:
    """A connected window, an enterprise, the view tables; the window's key."""
    config = StoreConfig(url)
    ledger = build_ledger(config)
    try:
        ensure_view_schema(ledger, config)
        window = ledger.handle(
            RegisterConnectedPlatform(
                kind=PlatformKind.WINDOW, name="bench", uscc=WINDOW_USCC, region="640100"
            ),
            BENCH,
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
            BENCH,
        )
        key = ledger.handle(
            IssueKey(role=Role.WINDOW, platform_id=window.resource_id, name="bench"), BENCH
        )
    finally:
        ledger.close()
    return key.secret


# --- a server, and its workers' memory ----------------------------------------------------------


# --- 1. HTTP appends ----------------------------------------------------------------------------


def load(client: str, url: str, secret: str, connections: int, seconds: float) -> LoadResult:
    template = orjson.dumps(record(REF)).decode()
    if client == "wrk":
        return run_wrk(url, secret, template, connections, seconds)
    return run_httpx(url, secret, template, connections, seconds)


def group_commit_batches(base: str) -> dict[str, float]:
    """Transactions and commands the group committers saved (all workers, warm-up included)."""
    found = {"transactions": 0.0, "commands": 0.0}
    for line in httpx.get(f"{base}/metrics", timeout=10).text.splitlines():
        if line.startswith("ledger_group_commit_batch_commands_count"):
            found["transactions"] += float(line.split()[-1])
        elif line.startswith("ledger_group_commit_batch_commands_sum"):
            found["commands"] += float(line.split()[-1])
    found["mean_batch"] = found["commands"] / found["transactions"] if found["transactions"] else 0
    return found


def http_appends(
    url: str, secret: str, *, client: str, connections: int, seconds: float, workers: int
) -> dict[str, Any]:
    runs: dict[str, Any] = {}
    for name, group_commit, path in (
        ("parse_only", True, "/v1/_bench/parse"),
        ("plain_save", False, "/v1/service-cases"),
        ("group_commit", True, "/v1/service-cases"),
    ):
        with server(url, group_commit=group_commit, workers=workers) as (base, pid):
            load(client, base + path, secret, connections, min(2.0, seconds / 2))  # warm up
            with RssSampler(pid) as rss:
                result = load(client, base + path, secret, connections, seconds)
            runs[name] = {
                **asdict(result),
                "per_second": result.per_second,
                "rss": rss.summary(),
                "batches": group_commit_batches(base),
            }
            print(
                f"  {name:13s} {result.per_second:8.0f} req/s  p50 {result.p50_ms:6.1f} ms  "
                f"p99 {result.p99_ms:6.1f} ms  non-2xx {result.non_2xx}  "
                f"rss peak {runs[name]['rss']['peak_mib']:.0f} MiB  "
                f"commands/transaction {runs[name]['batches']['mean_batch']:.1f}"
            )
    group = runs["group_commit"]["per_second"]
    runs["vs_plain_save"] = group / max(runs["plain_save"]["per_second"], 1e-9)
    runs["vs_parse_only"] = group / max(runs["parse_only"]["per_second"], 1e-9)
    return runs


# --- 3. rebuild ---------------------------------------------------------------------------------


def rebuild_throughput(url: str) -> dict[str, Any]:
    config = StoreConfig(url)
    ledger = build_ledger(config)
    try:
        count, raw_seconds = raw_read(ledger)
        events, rebuild_seconds = rebuild(ledger, config)
    finally:
        ledger.close()
    result = {
        "events": events,
        "raw_read_per_second": count / raw_seconds,
        "rebuild_per_second": events / rebuild_seconds,
    }
    result["vs_raw_read"] = result["rebuild_per_second"] / result["raw_read_per_second"]
    print(
        f"  rebuild       {result['rebuild_per_second']:8.0f} events/s   raw read "
        f"{result['raw_read_per_second']:8.0f} events/s   ({result['vs_raw_read']:.0%})"
    )
    return result


# --- 4. point-in-time reads of a long stream ----------------------------------------------------


def long_stream(url: str, *, events: int, repeat: int) -> dict[str, Any]:
    """An agreement index between two parties with ``events`` events, read as of a time and at a
    version by a ledger with snapshots (every 100 events) and by one without."""
    writer = build_ledger(StoreConfig(url, snapshot_interval=100, aggregate_cache_size=0))
    plain = build_ledger(StoreConfig(url, snapshot_interval=0, aggregate_cache_size=0))
    try:
        index = AgreementIndex.open(uuid.uuid4(), uuid.uuid4(), meta())
        middle: datetime | None = None
        while index.version < events:
            for _ in range(min(100, events - index.version)):
                # Straight to the event: the index's duplicate check is a list scan, which
                # would make building a 10,000-event stream quadratic (reads are measured).
                index.trigger_event(
                    AgreementIndex.AgreementAdded, agreement_id=uuid.uuid4(), meta=meta()
                )
            writer.save(index)
            if middle is None and index.version >= events // 2:
                middle = index.modified_on
        assert middle is not None
        now = datetime.now(UTC)
        result: dict[str, Any] = {"events": index.version}
        for name, reader in (("with_snapshots", writer), ("without_snapshots", plain)):
            timings: dict[str, float] = {}
            for label, read in (
                (
                    "as_of_now",
                    lambda r=reader: r.get_as_of(index.id, AgreementIndex, now, NotFoundError),
                ),
                (
                    "as_of_middle",
                    lambda r=reader: r.get_as_of(index.id, AgreementIndex, middle, NotFoundError),
                ),
                ("at_version", lambda r=reader: r.repository.get(index.id, version=events - 50)),
            ):
                timings[label] = median_ms(read, repeat)
            result[name] = timings
        result["speedup_as_of_now"] = (
            result["without_snapshots"]["as_of_now"] / result["with_snapshots"]["as_of_now"]
        )
        print(
            f"  10k stream    as of now {result['with_snapshots']['as_of_now']:6.1f} ms with "
            f"snapshots, {result['without_snapshots']['as_of_now']:6.1f} ms without"
        )
        return result
    finally:
        writer.close()
        plain.close()


def median_ms(read: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        read()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


# --- the report ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "LEDGER_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--smoke", action="store_true", help="tiny and short: that it runs")
    parser.add_argument("--client", choices=["auto", "wrk", "httpx"], default="auto")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--records", type=int, default=30_000)
    parser.add_argument("--stream-events", type=int, default=10_000)
    parser.add_argument("--overload-seconds", type=float, default=20.0)
    parser.add_argument(
        "--only",
        choices=["overload"],
        help="run this step alone, on a database of its own; the other figures are kept "
        "from --json",
    )
    parser.add_argument(
        "--reads-1m",
        action="store_true",
        default=os.environ.get("LEDGER_BENCH_READS_1M", "") not in ("", "0"),
        help="time the reads at 1,000,000 events too (seeding takes a few minutes)",
    )
    parser.add_argument("--json", type=Path, default=ROOT / "docs" / "benchmarks.json")
    parser.add_argument("--markdown", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    repeat, phase_seconds = 20, 10.0
    read_steps, read_repeat, read_scale = [20_000, 200_000], 9, 0.05
    if args.reads_1m:
        read_steps.append(1_000_000)
    if args.smoke:
        args.seconds, args.connections, args.records, args.stream_events = 1.0, 4, 300, 250
        repeat, phase_seconds, args.overload_seconds = 3, 1.0, 2.0
        read_steps, read_repeat, read_scale = [1, 6_000], 2, 0.02

    def overload(url: str, secret: str, running: tuple[str, int] | None = None) -> dict[str, Any]:
        return overload_step(
            url,
            secret,
            workers=args.workers,
            connections=args.connections,
            phase_seconds=phase_seconds,
            seconds=args.overload_seconds,
            running=running,
        )

    if args.only == "overload":
        kept: dict[str, Any] = orjson.loads(args.json.read_bytes())
        with fresh_database(args.postgres) as url:
            kept["overload"] = overload(url, prepare(url))
        kept["targets"] = targets(kept)
        write_report(kept, args.json, args.markdown)
        print(f"wrote the overload step into {args.json} and {args.markdown}")
        return
    client = args.client if args.client != "auto" else ("wrk" if have_wrk() else "httpx")
    with fresh_database(args.postgres) as url:
        secret = prepare(url)
        with psycopg.connect(url) as conn:
            version = conn.execute("SHOW server_version").fetchone()
        print(f"benchmark suite on {url.split('@')[-1]} ({client}, {args.workers} workers)")
        results: dict[str, Any] = {
            "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
            "postgres": version[0] if version else "?",
            "smoke": args.smoke,
            "workers": args.workers,
            "connections": args.connections,
            "seconds": args.seconds,
            "repeat": repeat,
        }
        results["http"] = http_appends(
            url,
            secret,
            client=client,
            connections=args.connections,
            seconds=args.seconds,
            workers=args.workers,
        )
        # The bulk import and the overload step need a server of the same (default) settings.
        with server(url, group_commit=True, workers=args.workers) as (base, pid):
            results["bulk"] = bulk_import(
                url, secret, records=args.records, workers=args.workers, running=base
            )
            results["overload"] = overload(url, secret, (base, pid))
        results["stream"] = long_stream(url, events=args.stream_events, repeat=repeat)
        results["rebuild"] = rebuild_throughput(url)
    with fresh_database(args.postgres) as url:
        results["reads"] = read_costs(url, steps=read_steps, repeat=read_repeat, scale=read_scale)
    results["targets"] = targets(results)
    write_report(results, args.json, args.markdown)
    print(f"wrote {args.json} and a section of {args.markdown}")


if __name__ == "__main__":
    main()
