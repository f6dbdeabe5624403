"""Verification throughput of an evidence pack, against plain SHA-256 over the same bytes.

    .venv/bin/python bench/verify_throughput.py [--events N] [--postgres URL]

Generating 200,000 events through the application would take most of an hour, so this
bulk-inserts synthetic stored events (JSON states of realistic size, real topics) straight
into the events table of a fresh store, then times, in one run:

- sealing the log (leaves, interior nodes and checkpoints written to the store);
- exporting a full evidence pack;
- 200 inclusion and 200 consistency proofs served from the store;
- ``verify_pack`` on that pack (every part's SHA-256, every leaf recomputed from the stored
  bytes, every root and signature);
- the baselines: plain SHA-256 of every event's stored state bytes in memory, and SHA-256 of
  the same canonical records read from the pack.

Verification and the baselines run three times each, interleaved; the fastest of each counts.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import tempfile
import time
import uuid
import zipfile
from pathlib import Path
from typing import Any

import orjson
import psycopg

from evidence.pack_reader import records
from evidence.verify import verify_pack
from ledger.audit.keys import SigningKey
from ledger.audit.pack import export_pack
from ledger.audit.proofs import AuditProofs
from ledger.audit.sealer import Sealer, SealPolicy
from ledger.persistence.audit_store import audit_store_for
from ledger.persistence.config import StoreConfig
from ledger.persistence.migrate import migrate
from runtime.bootstrap import build_ledger

PROOFS = 200
REPEAT = 3
TOPICS = [
    "ledger.domain.service_case:ServiceCase.Opened",
    "ledger.domain.service_case:ServiceCase.Assigned",
    "ledger.domain.service_case:ServiceCase.Delivered",
    "ledger.domain.enterprise:Enterprise.Registered",
]


def synthetic_state(rng: random.Random, i: int) -> bytes:
    """An event state shaped like the ledger's (orjson, envelope + a few fields)."""
    return orjson.dumps(
        {
            "timestamp": f"2026-03-02T02:{i % 60:02d}:00.{i % 1000000:06d}+00:00",
            "meta": {
                "actor": f"key:{uuid.UUID(int=rng.getrandbits(128))}",
                "platform_id": str(uuid.UUID(int=rng.getrandbits(128))),
                "correlation_id": f"{rng.getrandbits(64):016x}",
                "causation_id": f"{rng.getrandbits(64):016x}",
                "occurred_at": "2026-03-02T10:00:00+08:00",
            },
            "external_ref": f"YC-{i:08d}",
            "category": rng.choice(["100100", "100200", "110300"]),
            "description": "融资对接咨询与政策解读服务" * rng.randint(1, 4),
            "fee": f"{rng.randint(0, 99999)}.00",
        }
    )


def fill(url: str, count: int) -> list[bytes]:
    """Insert ``count`` stored events directly; returns their states (the baseline's bytes)."""
    rng = random.Random(2026)
    states = [synthetic_state(rng, i) for i in range(count)]
    rows = [
        (uuid.UUID(int=rng.getrandbits(128)), 1, TOPICS[i % len(TOPICS)], state)
        for i, state in enumerate(states)
    ]
    if url.startswith("sqlite:///"):
        import sqlite3

        ledger = build_ledger(StoreConfig(url))
        table = ledger.recorder.events_table_name  # type: ignore[attr-defined]
        ledger.close()
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            db.executemany(
                f"INSERT INTO {table} (originator_id, originator_version, topic, state) "
                "VALUES (?, ?, ?, ?)",
                [(r[0].hex, r[1], r[2], r[3]) for r in rows],
            )
    else:
        with (
            psycopg.connect(url) as conn,
            conn.cursor() as cur,
            cur.copy(
                "COPY ledger_events (originator_id, originator_version, topic, state) FROM STDIN"
            ) as copy,
        ):
            for row in rows:
                copy.write_row(row)
    return states


def timed(label: str, results: dict[str, float], fn: Any, repeat: int = 1) -> Any:
    """Run ``fn`` ``repeat`` times; keep the fastest time (the least disturbed run)."""
    for _ in range(repeat):
        started = time.perf_counter()
        value = fn()
        elapsed = time.perf_counter() - started
        results[label] = min(results.get(label, elapsed), elapsed)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--postgres", help="server URL: a fresh database is made on it")
    args = parser.parse_args()
    n = args.events
    with tempfile.TemporaryDirectory(prefix="sme-verify-bench-") as tmp:
        if args.postgres:
            dbname = f"ledger_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{dbname}"')
            url = f"{args.postgres.rpartition('/')[0]}/{dbname}"
            migrate(url)
        else:
            url = f"sqlite:///{tmp}/bench.sqlite"
        try:
            run(url, n, Path(tmp))
        finally:
            if args.postgres:
                with psycopg.connect(args.postgres, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def run(url: str, n: int, tmp: Path) -> None:
    t: dict[str, float] = {}
    states = timed("insert", t, lambda: fill(url, n))
    ledger = build_ledger(StoreConfig(url))
    key = SigningKey.generate()
    store = audit_store_for(ledger.recorder)
    sealer = Sealer(ledger.recorder, store, key, SealPolicy(every_events=10_000, batch=5000))
    timed("seal", t, lambda: sealer.seal(force_checkpoint=True))
    proofs = AuditProofs(store)
    checkpoints = [cp.tree_size for cp in store.checkpoints()]
    rng = random.Random(7)
    asked = [rng.randint(1, n) for _ in range(PROOFS)]
    timed("inclusion", t, lambda: [proofs.inclusion(p) for p in asked])
    pairs = [sorted(rng.sample(checkpoints, 2)) for _ in range(PROOFS)]
    timed("consistency", t, lambda: [proofs.consistency(a, b) for a, b in pairs])
    pack = tmp / "pack.zip"
    timed("export", t, lambda: export_pack(ledger.log_source, store, pack))
    ledger.close()

    def plain_sha256() -> None:
        sha = hashlib.sha256
        for state in states:
            sha(state).digest()

    def records_sha256() -> None:
        sha = hashlib.sha256
        with zipfile.ZipFile(pack) as zf, zf.open("events.bin") as f:
            for _, record in records(f):
                sha(record).digest()

    # Verification and its baselines: best of three runs each, interleaved.
    for _ in range(REPEAT):
        report = timed("verify", t, lambda: verify_pack(pack, [key.public]))
        timed("plain", t, plain_sha256)
        timed("records", t, records_sha256)
    assert report.ok, report.failure
    assert report.events == n
    state_bytes = sum(len(s) for s in states)
    print(f"store: {url.split('@')[-1].split('?')[0]}")
    pack_mb = os.path.getsize(pack) / 1e6
    print(f"events: {n:,}, stored state bytes: {state_bytes / 1e6:.1f} MB, pack {pack_mb:.1f} MB")
    for label in ("insert", "seal", "export", "verify", "plain", "records"):
        print(f"{label:>8}: {t[label]:7.2f} s  {n / t[label]:>12,.0f} events/s")
    for label in ("inclusion", "consistency"):
        print(f"{label:>12} proof: {t[label] / PROOFS * 1000:6.2f} ms each (from the store)")
    plain, records_ = t["plain"] / t["verify"], t["records"] / t["verify"]
    print(f"verify / plain SHA-256 of the stored bytes (in memory): {plain:.0%}")
    print(f"verify / SHA-256 of the same records read from the pack: {records_:.0%}")


if __name__ == "__main__":
    main()
