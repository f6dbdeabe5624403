"""Schemathesis against a running ``sme-ledger serve``: every operation of the OpenAPI document,
in every phase (examples, coverage, fuzzing and stateful), once with a hub's key and once with a
window's; any failure fails the run.

    make fuzz-server            # also run by `make torture`, after the fault suite (~2 minutes)
    .venv/bin/python bench/fuzz_server.py --help

A fresh SQLite ledger in a temporary directory is seeded as ``tests/api`` seeds its network (a
hub, two connected windows, an enterprise, an institution, a key for each role), then served on
a free loopback port with ``LEDGER_VIEW_WAIT_SECONDS=0`` (a view behind the ``min_position``
asked for answers ``503`` at once, not after waiting). Each role's run is the ``schemathesis
run`` command with the OpenAPI document's own checks and two of ours (``bench/fuzz_checks.py``:
no 5xx but a ``503`` with ``Retry-After``, and every error a problem+json). The stateful phase
chains operations through the document's links (from each collection's ``201`` to the
operations on what it created, ``api/openapi.py``) and those schemathesis infers from the
``Location`` of every ``201`` seen in the earlier phases; ``bench/fuzz_server.toml`` gives it
schema-valid bodies only and more scenarios than the other phases. Reports
(JUnit, and the requests as a VCR cassette) go to ``--out``, where ``schemathesis replay ID``
(run there) replays a failure.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import httpx
from processes import free_port

from ledger.application.commands.access_keys import InitialiseLedger, IssueKey
from ledger.application.commands.participants import (
    RegisterConnectedPlatform,
    RegisterEnterprise,
    RegisterInstitution,
)
from ledger.application.context import Principal, RequestContext
from ledger.domain.access_key import Role
from ledger.domain.platform import PlatformKind
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEED = RequestContext(Principal("fuzz"), "fuzz")
PHASES = "examples,coverage,fuzzing,stateful"
# The document's own checks; 5xx and problem+json are ours (fuzz_checks.py). Schemathesis's
# heuristics that a valid body must be accepted, or a resource found after it was created,
# do not hold for a ledger whose rules refuse most generated bodies (422) and whose views
# trail the log: they are not run.
CHECKS = (
    "status_code_conformance,content_type_conformance,response_headers_conformance,"
    "response_schema_conformance,no_server_error,errors_are_problems"
)
# Endpoints that answer in their own formats and are checked by their own tests.
SKIPPED = ("/metrics", "/docs", "/redoc")


def seed(url: str) -> dict[str, str]:
    """The network of ``tests/api``; the keys of the hub and of window A, by role name."""
    ledger = build_ledger(StoreConfig(url))
    try:
        ledger.handle(InitialiseLedger(), SEED)

        def platform(kind: PlatformKind, uscc: str, region: str) -> UUID:
            registered = RegisterConnectedPlatform(
                kind=kind, name=f"fuzz {kind.value}", uscc=uscc, region=region
            )
            return ledger.handle(registered, SEED).resource_id

        hub = platform(PlatformKind.HUB, "91350200776049653A", "640000")
        window = platform(PlatformKind.WINDOW, "9144030071526726XG", "640100")
        platform(PlatformKind.WINDOW, "91330100716105852F", "640500")
        # tests/api's enterprise, and the one the document's examples name, so that the
        # examples create cases whose links the stateful phase then follows.
        for uscc in ("91440101MA5CJQ4N59", "91640104MA71TJ3Y8G"):
            enterprise = RegisterEnterprise(
                uscc=uscc,
                name="宁夏兴庆精密机械有限公司",
                region="640104",
                industry="industry",
                employees=86,
                revenue_wan=Decimal("4200.00"),
            )
            ledger.handle(enterprise, SEED)
        institution = RegisterInstitution(
            uscc="91640500MA7272HDX6", name="宁夏中卫科技咨询服务中心", region="640500",
            categories=("14",),
        )  # fmt: skip
        ledger.handle(institution, SEED)
        return {
            role: ledger.handle(IssueKey(role=r, platform_id=p, name=role), SEED).secret
            for role, r, p in (("hub", Role.HUB, hub), ("window", Role.WINDOW, window))
        }
    finally:
        ledger.close()


def serve(url: str, out: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEDGER_")}
    env.update(
        LEDGER_DATABASE_URL=url,
        LEDGER_HOST="127.0.0.1",
        LEDGER_PORT=str(port),
        LEDGER_VIEW_WAIT_SECONDS="0",
    )
    with (out / "server.log").open("wb") as log:
        process = subprocess.Popen(
            [str(BIN / "sme-ledger"), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise SystemExit(f"the server did not start; see {out / 'server.log'}")
        time.sleep(0.2)


def fuzz(base: str, role: str, key: str, args: argparse.Namespace) -> int:
    """One ``schemathesis run`` with ``key``; its exit code."""
    reports = args.out / role
    command = [
        str(BIN / "schemathesis"),
        "--config-file",
        str(ROOT / "bench" / "fuzz_server.toml"),
        "run",
        f"{base}/openapi.json",
        "--phases",
        PHASES,
        "--checks",
        CHECKS,
        "--header",
        f"Authorization: Bearer {key}",
        "--max-examples",
        str(args.examples),
        "--seed",
        str(args.seed),
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--generation-database",
        "none",
        "--continue-on-failure",
        "--report",
        "junit,vcr",
        "--report-dir",
        str(reports),
        "--no-color",
        *(a for path in SKIPPED for a in ("--exclude-path", path)),
    ]
    if args.max_time:
        command += ["--max-time", str(args.max_time)]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), os.environ.get("PYTHONPATH", "")]),
        "SCHEMATHESIS_HOOKS": "fuzz_checks",
    }
    print(f"== schemathesis with the {role} key ({PHASES}; reports in {reports})", flush=True)
    # From --out, where schemathesis keeps its cache of crashes (`schemathesis replay ID`).
    return subprocess.run(command, env=env, cwd=args.out, check=False).returncode


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--examples", type=int, default=10, help="per operation and phase (10)")
    parser.add_argument("--seed", type=int, default=1, help="the generated data (1)")
    parser.add_argument("--max-time", type=float, default=None, help="seconds, per role")
    parser.add_argument("--roles", default="hub,window", help="whose keys (hub,window)")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "fuzz-server")
    args = parser.parse_args()
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sme-ledger-fuzz-") as directory:
        url = f"sqlite:///{directory}/ledger.sqlite"
        keys = seed(url)
        process, base = serve(url, args.out)
        try:
            started = datetime.now(UTC)
            codes = {role: fuzz(base, role, keys[role], args) for role in args.roles.split(",")}
        finally:
            process.terminate()
            process.wait(30)
    seconds = (datetime.now(UTC) - started).total_seconds()
    failed = [role for role, code in codes.items() if code != 0]
    print(
        f"fuzz-server: {', '.join(f'{r} exit {c}' for r, c in codes.items())} in {seconds:.0f} s"
        + (f"; FAILED: {', '.join(failed)}" if failed else "; no failures")
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
