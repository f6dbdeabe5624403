"""The fault suite: writers against a real ``sme-ledger serve`` (two worker processes), the
projection daemon and the sealer, on a throwaway PostgreSQL cluster reached through a proxy the
suite controls, while the API and its workers are killed and paused, the daemon and the sealer
killed, the database crashed and its connections terminated, and the network to it cut and
blackholed; then a check that every acknowledged write is in the log once, none twice, every
unknown outcome was settled, no answer was a 500, no request outlived its bound, the views equal
a fresh fold of the log, every checkpoint seen verifies and stays consistent, and the evidence
pack of the final log verifies (docs/reliability.md).

    make torture                                   # 16 writers, 120 s, every fault (~3 minutes)
    .venv/bin/python bench/torture.py --help
    .venv/bin/python bench/torture.py --check var/torture   # check a run's files again

Each run leaves in ``--out`` (default ``var/torture``): ``history.jsonl`` (every request: op,
key, outcome ok/fail/unknown, status, Retry-After, case id and position), ``log.jsonl`` (every
case opening in the final log, read as an auditor), ``nemesis.jsonl`` (every fault),
``report.json``, the evidence pack, and every process's output. Exit 1 on any violation.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson

# Run as a script, so bench/ is on the path: its sibling modules are imported by name.
from torture_audit import CheckpointWatcher, check_checkpoints, compare_views, wait_for_views
from torture_check import check, summary_lines
from torture_nemesis import KINDS, Nemesis
from torture_procs import CLI, Api, Cluster, Daemon, cli_env, run_cli, throwaway_cluster
from torture_proxy import Proxy
from torture_writers import History, Writer

ROOT = Path(__file__).resolve().parents[1]
WINDOW_USCC = "91640100MA7AY4CL31"
ENTERPRISE_USCC = "91640104MA71TJ3Y8G"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writers", type=int, default=16, help="concurrent writers (16)")
    parser.add_argument("--api-workers", type=int, default=2, help="serve --workers (2)")
    parser.add_argument("--seconds", type=float, default=120.0, help="how long faults go on (120)")
    parser.add_argument("--interval", type=float, default=6.0, help="seconds between faults (6)")
    parser.add_argument(
        "--faults", default=",".join(KINDS), help=f"which, comma-separated ({','.join(KINDS)})"
    )
    parser.add_argument(
        "--limit", type=int, help="this many faults, even if it takes longer than --seconds"
    )
    parser.add_argument("--seed", type=int, default=1, help="the faults' order and timing (1)")
    parser.add_argument("--timeout", type=float, default=3.0, help="a request's timeout (3 s)")
    parser.add_argument(
        "--blackhole-seconds", type=float, default=5.0, help="how long a blackhole lasts (5 s)"
    )
    parser.add_argument(
        "--settle-seconds", type=float, default=60.0, help="time to settle unknowns after (60)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "torture", help="run files")
    parser.add_argument("--check", type=Path, metavar="DIR", help="only check DIR's files")
    args = parser.parse_args()
    unknown = sorted(set(args.faults.split(",")) - set(KINDS))
    if unknown:
        parser.error(f"no fault named {', '.join(unknown)}; the faults are {', '.join(KINDS)}")
    return args


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def _post(base: str, secret: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    answer = httpx.post(
        f"{base}{path}", json=body, headers={"Authorization": f"Bearer {secret}"}, timeout=30
    )
    if answer.status_code >= 300:
        raise SystemExit(f"POST {path}: {answer.status_code} {answer.text}")
    found: dict[str, Any] = answer.json()
    return found


def _prepare(cluster: Cluster, api: Api, out: Path) -> tuple[str, str, str]:
    """Migrate, make the keys, a window and an enterprise; the window's and auditor's keys and
    the sealing key's file."""
    run_cli(cluster.url, "migrate")
    admin = run_cli(cluster.url, "keys", "create", "--role", "admin").strip()
    auditor = run_cli(cluster.url, "keys", "create", "--role", "auditor").strip()
    seal_key = out / "seal.pem"
    run_cli(cluster.url, "audit", "keygen", str(seal_key))
    api.start()
    platform = _post(
        api.base_url, admin, "/v1/platforms",
        {"kind": "window", "name": "故障测试窗口", "uscc": WINDOW_USCC, "region": "640100"},
    )  # fmt: skip
    window = run_cli(
        cluster.url, "keys", "create", "--role", "window", "--platform", platform["id"]
    ).strip()
    _post(
        api.base_url, window, "/v1/enterprises",
        {"uscc": ENTERPRISE_USCC, "name": "宁夏兴庆精密机械有限公司", "region": "640104",
         "industry": "industry", "employees": 86, "revenue_wan": "4200.00"},
    )  # fmt: skip
    return window, auditor, str(seal_key)


def _latest(base: str, auditor: str) -> dict[str, Any]:
    answer = httpx.get(
        f"{base}/v1/audit/checkpoints/latest",
        headers={"Authorization": f"Bearer {auditor}"}, timeout=30,
    )  # fmt: skip
    answer.raise_for_status()
    found: dict[str, Any] = answer.json()
    return found


def _public(seal_key: str) -> str:
    return Path(f"{seal_key}.pub").read_text(encoding="utf-8")


def _openings(base: str, auditor: str) -> list[dict[str, Any]]:
    """Every case opening in the log, read through the API as an auditor reads it."""
    found: list[dict[str, Any]] = []
    after = 0
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {auditor}"}) as client:
        while True:
            page = client.get(
                "/v1/events",
                params={"after": after, "limit": 1000, "type": "ServiceCase.Opened"},
                timeout=60,
            )
            page.raise_for_status()
            events = page.json()["events"]
            if not events:
                return found
            found += [
                {"position": e["position"], "stream_id": e["stream_id"],
                 "external_ref": e["data"]["external_ref"]}
                for e in events
            ]  # fmt: skip
            after = page.json()["next_after"]


def _audit(cluster: Cluster, out: Path, seal_key: str) -> dict[str, Any]:
    """Seal what the sealer has not, export the evidence pack and verify it offline."""
    run_cli(cluster.url, "seal", "--once", LEDGER_SEAL_KEY_FILE=seal_key)
    pack = out / "pack.zip"
    pack.unlink(missing_ok=True)
    run_cli(cluster.url, "audit", "export", str(pack))
    done = subprocess.run(
        [str(CLI), "audit", "verify", str(pack), "--public-key", f"{seal_key}.pub", "--json"],
        env=cli_env(cluster.url), capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    try:
        verified: dict[str, Any] = json.loads(done.stdout)
    except ValueError:
        verified = {"ok": False, "output": done.stdout + done.stderr}
    return {"ok": done.returncode == 0 and verified.get("ok") is True, **verified}


@dataclass
class Service:
    """The processes of a run, each connected to PostgreSQL through ``proxy``."""

    proxy: Proxy
    api: Api
    projector: Daemon
    sealer: Daemon
    stop: threading.Event = field(default_factory=threading.Event)

    def supervise(self, nemesis: Nemesis) -> None:
        """Start again any worker that ended unasked, as a supervisor would (and keep count)."""
        while not self.stop.wait(0.5):
            with nemesis.lock:
                for daemon in (self.projector, self.sealer):
                    daemon.supervise()
                if self.api.process is not None and self.api.process.poll() is not None:
                    self.api.exits.append(self.api.process.returncode)
                    self.api.start()

    def exits(self) -> dict[str, list[int]]:
        return {"api": self.api.exits, "projector": self.projector.exits,
                "sealer": self.sealer.exits}  # fmt: skip


def _run(args: argparse.Namespace, cluster: Cluster, service: Service) -> dict[str, Any]:
    """Writers and faults, then the checks that need the service up; the run's figures."""
    out: Path = args.out
    api = service.api
    phases: dict[str, float] = {}
    mark = time.monotonic()

    def phase(name: str) -> None:
        nonlocal mark
        phases[name] = round(time.monotonic() - mark, 1)
        mark = time.monotonic()

    window, auditor, seal_key = _prepare(cluster, api, out)
    service.sealer.env["LEDGER_SEAL_KEY_FILE"] = seal_key
    for daemon in (service.projector, service.sealer):
        daemon.start()
    history = History()
    nemesis = Nemesis(
        api, cluster, service.proxy, service.projector, service.sealer, history.now,
        kinds=tuple(args.faults.split(",")), interval=args.interval,
        blackhole_seconds=args.blackhole_seconds, seed=args.seed, limit=args.limit,
    )  # fmt: skip
    watcher = CheckpointWatcher(api.base_url, auditor)
    stop_writing, give_up_at = threading.Event(), list[float]()
    run_id = uuid.uuid4().hex[:8]
    writers = [
        Writer(n, api.base_url, window, ENTERPRISE_USCC, run_id, history, stop_writing,
               give_up_at, timeout=args.timeout)
        for n in range(args.writers)
    ]  # fmt: skip
    threads = [threading.Thread(target=w.run, daemon=True) for w in writers]
    faults = threading.Thread(target=nemesis.run, daemon=True)
    helpers = [
        threading.Thread(target=watcher.run, daemon=True),
        threading.Thread(target=service.supervise, args=(nemesis,), daemon=True),
    ]
    for thread in [*threads, faults, *helpers]:
        thread.start()
    phase("start")
    time.sleep(args.seconds)
    # A run with a number of faults goes on until it has had them all (bounded).
    deadline = time.monotonic() + 120
    while args.limit and len(nemesis.events) < args.limit and time.monotonic() < deadline:
        time.sleep(0.2)
    nemesis.stop.set()
    faults.join()
    phase("faults")
    give_up_at.append(time.monotonic() + args.settle_seconds)
    stop_writing.set()
    for thread in threads:
        thread.join()
    service.stop.set()
    watcher.stop.set()
    for thread in helpers:
        thread.join()
    phase("settle")
    _write_jsonl(out / "history.jsonl", history.entries)
    _write_jsonl(out / "nemesis.jsonl", nemesis.events)
    log = _openings(api.base_url, auditor)
    _write_jsonl(out / "log.jsonl", log)
    caught_up = wait_for_views(cluster.url, args.settle_seconds)
    service.sealer.stop()
    audit = _audit(cluster, out, seal_key)
    checkpoints, checkpoint_problems = (
        check_checkpoints(
            watcher, _latest(api.base_url, auditor), _public(seal_key), out / "pack.zip"
        )
        if audit["ok"]
        else ({"ok": False}, [])
    )
    phase("checks")
    report = check(history.entries, log, nemesis.events, args.timeout)
    report.update(
        writers=args.writers,
        api_workers=args.api_workers,
        seconds=args.seconds,
        nemesis=nemesis.counts(),
        api_starts=api.starts,
        starts={"projector": service.projector.starts, "sealer": service.sealer.starts},
        exits=service.exits(),
        audit={k: audit.get(k) for k in ("ok", "events", "checkpoints", "warnings", "output")},
        checkpoints=checkpoints,
        caught_up=caught_up,
        phases=phases,
    )
    report["violations"] += checkpoint_problems
    if nemesis.error is not None:
        report["violations"].append({"kind": "nemesis", "ref": "-", "detail": nemesis.error})
    if not audit["ok"]:
        report["violations"].append({"kind": "audit", "ref": "-", "detail": str(audit)})
    for name, codes in service.exits().items():
        if codes:
            detail = f"ended unasked {len(codes)} time(s) (exit codes {codes}), started again"
            report["violations"].append({"kind": "exited", "ref": name, "detail": detail})
    return report


def torture(args: argparse.Namespace) -> dict[str, Any]:
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with throwaway_cluster() as cluster:
        proxy = Proxy(cluster.port)
        proxy.start()
        service = Service(
            proxy,
            Api(proxy.url(), out, env={}, workers=args.api_workers),
            Daemon("projector", ("project",), proxy.url(), out, env={}),
            Daemon("sealer", ("seal",), proxy.url(), out, env={}),
        )
        try:
            report = _run(args, cluster, service)
        finally:
            service.stop.set()
            for process in (service.api, service.projector, service.sealer):
                process.stop()
            proxy.stop()
        folding = time.monotonic()
        views, problems = compare_views(cluster, report["caught_up"])
        report["phases"]["fold"] = round(time.monotonic() - folding, 1)
    report["views"] = views
    report["violations"] += problems
    return report


def _headline(report: dict[str, Any]) -> str:
    faults = ", ".join(f"{k} ×{n}" for k, n in report["nemesis"].items())
    views, checkpoints = report["views"], report["checkpoints"]
    return (
        f"{report['writers']} writers, {report['api_workers']} API worker(s), for "
        f"{report['seconds']:.0f} s; faults: {faults}; the API started {report['api_starts']} "
        f"time(s), the projection daemon {report['starts']['projector']}, the sealer "
        f"{report['starts']['sealer']}\n"
        f"evidence pack {'verified' if report['audit']['ok'] else 'FAILED'} "
        f"({report['audit'].get('events')} events); checkpoints seen "
        f"{checkpoints.get('seen')}, {checkpoints.get('consistency_proofs')} consistency "
        f"proof(s) checked, {'all held' if checkpoints.get('ok') else 'NOT ALL HELD'}; views "
        f"{'equal' if views['equal'] else 'NOT EQUAL'} to a fresh fold ({views['tables']} "
        f"tables, {views['rows']} rows, at position {views['head']})"
    )


def main() -> None:
    args = _arguments()
    if args.check is not None:
        faults = args.check / "nemesis.jsonl"
        report = check(
            _read_jsonl(args.check / "history.jsonl"),
            _read_jsonl(args.check / "log.jsonl"),
            _read_jsonl(faults) if faults.exists() else [],
            args.timeout,
        )
    else:
        started = time.monotonic()
        report = torture(args)
        report["wall_seconds"] = round(time.monotonic() - started, 1)
        (args.out / "report.json").write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
        print(_headline(report))
    for line in summary_lines(report):
        print(line)
    sys.exit(1 if report["violations"] else 0)


if __name__ == "__main__":
    main()
