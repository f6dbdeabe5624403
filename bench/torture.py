"""The fault suite: writers against a real ``sme-ledger serve`` on a throwaway PostgreSQL cluster,
while the API is killed and paused and the database crashed and its connections cut; then a
check that every acknowledged write is in the log once, none twice, every unknown outcome was
settled, and the evidence pack of the final log verifies.

    make torture                                   # 16 writers, 60 s, every fault (~2 minutes)
    .venv/bin/python bench/torture.py --help
    .venv/bin/python bench/torture.py --check var/torture   # check a run's files again

Each run leaves in ``--out`` (default ``var/torture``): ``history.jsonl`` (every request: op,
key, outcome ok/fail/unknown, status, case id and position), ``log.jsonl`` (every case opening
in the final log, read as an auditor), ``nemesis.jsonl`` (every fault), ``report.json``, and the
server's and the sealer's output. Exit 1 on any violation or a pack that does not verify.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import orjson

# Run as a script, so bench/ is on the path: its sibling modules are imported by name.
from torture_check import check, summary_lines
from torture_nemesis import KINDS, Nemesis
from torture_procs import CLI, Api, Cluster, cli_env, run_cli, throwaway_cluster
from torture_writers import History, Writer

ROOT = Path(__file__).resolve().parents[1]
WINDOW_USCC = "91640100MA7AY4CL31"
ENTERPRISE_USCC = "91640104MA71TJ3Y8G"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writers", type=int, default=16, help="concurrent writers (16)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long faults go on (60)")
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
        "--settle-seconds", type=float, default=60.0, help="time to settle unknowns after (60)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "torture", help="run files")
    parser.add_argument("--check", type=Path, metavar="DIR", help="only check DIR's files")
    return parser.parse_args()


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


def torture(args: argparse.Namespace) -> dict[str, Any]:
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with throwaway_cluster() as cluster:
        api = Api(cluster.url, out, env={})
        try:
            window, auditor, seal_key = _prepare(cluster, api, out)
            sealer_log = (out / "sealer.log").open("wb")
            sealer = subprocess.Popen(
                [str(CLI), "seal"], env=cli_env(cluster.url, LEDGER_SEAL_KEY_FILE=seal_key),
                stdout=sealer_log, stderr=subprocess.STDOUT,
            )  # fmt: skip
            history = History()
            nemesis = Nemesis(
                api, cluster, history.now, kinds=tuple(args.faults.split(",")),
                interval=args.interval, seed=args.seed, limit=args.limit,
            )  # fmt: skip
            stop_writing, give_up_at = threading.Event(), list[float]()
            run_id = uuid.uuid4().hex[:8]
            writers = [
                Writer(n, api.base_url, window, ENTERPRISE_USCC, run_id, history, stop_writing,
                       give_up_at, timeout=args.timeout)
                for n in range(args.writers)
            ]  # fmt: skip
            threads = [threading.Thread(target=w.run, daemon=True) for w in writers]
            faults = threading.Thread(target=nemesis.run, daemon=True)
            for thread in [*threads, faults]:
                thread.start()
            time.sleep(args.seconds)
            # A run with a number of faults goes on until it has had them all (bounded).
            deadline = time.monotonic() + 120
            while args.limit and len(nemesis.events) < args.limit:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.2)
            nemesis.stop.set()
            faults.join()
            give_up_at.append(time.monotonic() + args.settle_seconds)
            stop_writing.set()
            for thread in threads:
                thread.join()
            log = _openings(api.base_url, auditor)
            sealer_survived = sealer.poll() is None
            sealer.terminate()
            sealer.wait(30)
            sealer_log.close()
        finally:
            api.stop()
        audit = _audit(cluster, out, seal_key)
    _write_jsonl(out / "history.jsonl", history.entries)
    _write_jsonl(out / "log.jsonl", log)
    _write_jsonl(out / "nemesis.jsonl", nemesis.events)
    report = check(history.entries, log)
    report.update(
        writers=args.writers,
        seconds=args.seconds,
        nemesis=nemesis.counts(),
        api_starts=api.starts,
        sealer_survived=sealer_survived,
        audit={k: audit.get(k) for k in ("ok", "events", "checkpoints", "warnings", "output")},
    )
    if not audit["ok"]:
        report["violations"].append({"kind": "audit", "ref": "-", "detail": str(audit)})
    return report


def main() -> None:
    args = _arguments()
    if args.check is not None:
        report = check(
            _read_jsonl(args.check / "history.jsonl"), _read_jsonl(args.check / "log.jsonl")
        )
    else:
        report = torture(args)
        (args.out / "report.json").write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
        faults = ", ".join(f"{k} ×{n}" for k, n in report["nemesis"].items())
        print(
            f"{report['writers']} writers for {report['seconds']:.0f} s; faults: {faults}; "
            f"the API started {report['api_starts']} time(s); the sealer "
            f"{'outlived every fault' if report['sealer_survived'] else 'DID NOT survive'}; "
            f"evidence pack {'verified' if report['audit']['ok'] else 'FAILED'} "
            f"({report['audit'].get('events')} events)"
        )
    for line in summary_lines(report):
        print(line)
    sys.exit(1 if report["violations"] else 0)


if __name__ == "__main__":
    main()
