"""The fault suite's checks of what the workers made of the log, once the writers are done:

- the views equal a fresh fold of the same log (``views``): views live in the log's own
  database, so the database is copied once nothing writes to it (``CREATE DATABASE …
  TEMPLATE``), ``sme-ledger project rebuild --all`` rebuilds every view of the copy from the
  first event, and every view table of the two databases has the same rows (a SHA-256 over
  them, ordered by every column); every view of the run's database is at the head of the log
  and none is stalled;
- every checkpoint seen during the run verifies and stays consistent (``checkpoints``): each one
  a watcher read from ``GET /v1/audit/checkpoints/latest`` while the faults went on is signed by
  the sealing key, is in the final evidence pack unchanged (so the pack's verification, which
  recomputes every root from the events, covers it), and is extended by the next one seen and
  by the final one, by the service's consistency proof checked here with ``evidence.merkle``.
"""

from __future__ import annotations

import hashlib
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson
import psycopg
from psycopg import sql
from torture_procs import Cluster, run_cli

from evidence.checkpoint import Checkpoint
from evidence.keys import load_verify_key
from evidence.merkle import ProofError, verify_consistency
from projections.catalog import all_projections
from projections.failures import FAILURES_TABLE
from projections.tracking import TRACKING_TABLE

FOLD_DATABASE = "torture_fold"
Problem = dict[str, Any]


def view_tables() -> list[str]:
    return sorted(t for p in all_projections() for t in p.tables)


def head(url: str) -> int:
    with psycopg.connect(url, connect_timeout=5) as conn:
        row = conn.execute("SELECT COALESCE(MAX(notification_id), 0) FROM ledger_events").fetchone()
    return int(row[0]) if row else 0


def _positions(url: str) -> tuple[dict[str, int], list[str]]:
    """Each view's position, and the views recorded as stalled."""
    with psycopg.connect(url, connect_timeout=5) as conn:
        rows = conn.execute(f"SELECT name, position FROM {TRACKING_TABLE}").fetchall()
        stalled = [r[0] for r in conn.execute(f"SELECT name FROM {FAILURES_TABLE}").fetchall()]
    return {str(k): int(v) for k, v in rows}, sorted(stalled)


def wait_for_views(url: str, seconds: float) -> dict[str, Any]:
    """Wait until every view is at the head of the log (the daemon caught up), at most
    ``seconds``; where they are then."""
    deadline = time.monotonic() + seconds
    while True:
        positions, stalled = _positions(url)
        at = head(url)
        behind = {n: p for n, p in positions.items() if p < at}
        if not behind or stalled or time.monotonic() > deadline:
            return {"head": at, "positions": positions, "behind": behind, "stalled": stalled}
        time.sleep(0.5)


def digests(url: str) -> dict[str, dict[str, Any]]:
    """Per view table: its row count and a SHA-256 of its rows in the order of every column."""
    found: dict[str, dict[str, Any]] = {}
    with psycopg.connect(url, connect_timeout=5) as conn:
        for table in view_tables():
            columns = [
                r[0]
                for r in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "ORDER BY ordinal_position",
                    (table,),
                ).fetchall()
            ]
            order = sql.SQL(", ").join(sql.Identifier(c) for c in columns)
            query = sql.SQL("SELECT * FROM {} ORDER BY {}").format(sql.Identifier(table), order)
            sha, rows = hashlib.sha256(), 0
            for row in conn.execute(query):
                sha.update(orjson.dumps([str(v) if v is not None else None for v in row]) + b"\n")
                rows += 1
            found[table] = {"rows": rows, "sha256": sha.hexdigest()}
    return found


def fold_afresh(cluster: Cluster) -> str:
    """A copy of the run's database whose views were rebuilt from the first event by
    ``sme-ledger project rebuild --all`` (each view emptied, then the whole log folded into it);
    its URL. Nothing may be connected to the run's database (the copy needs it alone)."""
    with psycopg.connect(cluster.url, autocommit=True, connect_timeout=5) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = 'postgres' AND pid <> pg_backend_pid()"
        )
    admin = cluster.url.rsplit("/", 1)[0] + "/template1"
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {FOLD_DATABASE}")
        conn.execute(f"CREATE DATABASE {FOLD_DATABASE} TEMPLATE postgres")
    url = cluster.url.rsplit("/", 1)[0] + f"/{FOLD_DATABASE}"
    run_cli(url, "project", "rebuild", "--all")
    return url


def compare_views(
    cluster: Cluster, caught_up: dict[str, Any]
) -> tuple[dict[str, Any], list[Problem]]:
    """The views of the run against a fresh fold of its log; the figures and the problems."""
    problems: list[Problem] = []
    for name, position in caught_up["behind"].items():
        problems.append(
            {"kind": "views", "ref": name, "detail": f"at {position}, head {caught_up['head']}"}
        )
    for name in caught_up["stalled"]:
        problems.append({"kind": "views", "ref": name, "detail": "stalled"})
    live = digests(cluster.url)
    fold_url = fold_afresh(cluster)
    fresh = digests(fold_url)
    fresh_positions, _ = _positions(fold_url)
    for table in view_tables():
        if live[table] != fresh[table]:
            detail = f"live {live[table]}, folded afresh {fresh[table]}"
            problems.append({"kind": "views", "ref": table, "detail": detail})
    figures = {
        "tables": len(live),
        "rows": sum(d["rows"] for d in live.values()),
        "head": caught_up["head"],
        "fresh_positions": fresh_positions,
        "equal": not problems,
    }
    return figures, problems


SIGNED_FIELDS = ("tree_size", "root_hash", "last_position", "sealed_at", "key_id", "signature")


def signed_fields(view: dict[str, Any]) -> dict[str, Any]:
    """What a checkpoint is, of whatever JSON shows it."""
    return {k: view[k] for k in SIGNED_FIELDS}


@dataclass
class CheckpointWatcher:
    """Reads the latest checkpoint through the API every ``every`` seconds, as an auditor who
    keeps what it was shown; errors (the API is down, say) are counted and ignored."""

    base_url: str
    auditor: str
    every: float = 0.5
    seen: dict[int, dict[str, Any]] = field(default_factory=dict)
    conflicts: list[Problem] = field(default_factory=list)
    errors: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        headers = {"Authorization": f"Bearer {self.auditor}"}
        with httpx.Client(base_url=self.base_url, headers=headers, timeout=2.0) as client:
            while not self.stop.wait(self.every):
                try:
                    answer = client.get("/v1/audit/checkpoints/latest")
                except httpx.HTTPError:
                    self.errors += 1
                    continue
                if answer.status_code != 200:
                    self.errors += 1
                    continue
                self.keep(answer.json())

    def keep(self, view: dict[str, Any]) -> None:
        cp = signed_fields(view)
        before = self.seen.setdefault(cp["tree_size"], cp)
        if before != cp:
            detail = f"tree size {cp['tree_size']} was shown as {before} and as {cp}"
            self.conflicts.append({"kind": "checkpoints", "ref": "-", "detail": detail})


def check_checkpoints(
    watcher: CheckpointWatcher, final: dict[str, Any], public_key: str, pack: Path
) -> tuple[dict[str, Any], list[Problem]]:
    """Each checkpoint seen: signed, in the pack unchanged, extended by the next one seen and by
    the final one (``final``: the API's latest, after the last seal)."""
    problems = list(watcher.conflicts)
    key = load_verify_key(public_key)
    with zipfile.ZipFile(pack) as zf:
        packed = {
            row["tree_size"]: signed_fields(row)
            for row in (orjson.loads(line) for line in zf.read("checkpoints.jsonl").splitlines())
        }
    watcher.keep(final)
    seen = [watcher.seen[size] for size in sorted(watcher.seen)]
    proofs = 0
    headers = {"Authorization": f"Bearer {watcher.auditor}"}
    with httpx.Client(base_url=watcher.base_url, headers=headers, timeout=30) as client:
        for n, view in enumerate(seen):
            cp = Checkpoint.from_json(view)
            ref = f"tree size {cp.tree_size}"
            if not cp.signed_by(key):
                problems.append({"kind": "checkpoints", "ref": ref, "detail": "bad signature"})
            if packed.get(cp.tree_size) != view:
                detail = f"seen as {view}, in the pack as {packed.get(cp.tree_size)}"
                problems.append({"kind": "checkpoints", "ref": ref, "detail": detail})
            later = {seen[n + 1]["tree_size"], seen[-1]["tree_size"]} if n + 1 < len(seen) else ()
            for size in sorted(later):
                newer = Checkpoint.from_json(watcher.seen[size])
                answer = client.get(
                    "/v1/audit/proof/consistency", params={"from": cp.tree_size, "to": size}
                )
                try:
                    answer.raise_for_status()
                    path = [bytes.fromhex(h) for h in answer.json()["path"]]
                    verify_consistency(
                        cp.tree_size, size, cp.root_hash, newer.root_hash, path
                    )  # fmt: skip
                    proofs += 1
                except (httpx.HTTPError, ProofError, KeyError, ValueError) as e:
                    detail = f"not proven extended by tree size {size}: {e}"
                    problems.append({"kind": "checkpoints", "ref": ref, "detail": detail})
    figures = {
        "seen": len(seen),
        "largest": seen[-1]["tree_size"] if seen else None,
        "in_pack": len(packed),
        "consistency_proofs": proofs,
        "watch_errors": watcher.errors,
        "ok": not problems,
    }
    return figures, problems
