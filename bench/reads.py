"""Reads on a growing log: each read's cost at several log sizes, as ratios within one run.

A demonstration network (hub, windows, institutions, experts, agreements, onboarding, reports,
budgets, a few hundred cases) is seeded through the application, then the log is grown with
delivered service cases of the same year — batched imports through the application, 1,000
records (3,000 events) a transaction, for enterprises other than the one whose history is read
— to each size in turn. At each size the views are caught up, a server with one worker is
started (the tables vacuumed and analysed first, as autovacuum would have by then), and each
read is timed sequentially (median of ``repeat``) while the worker's RSS is
sampled:

- ``POST /v1/appraisals`` (every window of the year, figures read at the head of the log);
- ``GET /v1/views/service-statistics`` (the year, by month) and the enterprise's history
  (``GET /v1/views/enterprises/{uscc}/services``);
- the list routes: platforms, institutions, experts, agreements, onboarding applications.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import httpx
import psycopg
from processes import RssSampler, server

from demo import seed_demo
from demo.names import uscc
from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import Assign, Deliver, GiveFeedback, ImportCases, OpenCase
from ledger.application.commands.participants import RegisterEnterprise
from ledger.application.commands.periods import AllowPostCloseEntries
from ledger.application.context import Principal, RequestContext
from ledger.domain.ids import period_id
from ledger.domain.service_case import (
    Channel,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
)
from ledger.domain.time import CST
from ledger.persistence.config import StoreConfig
from projections.catalog import all_projections, ensure_view_schema
from projections.registry import PARTICIPANTS
from projections.runner import ProjectionRunner
from projections.service_cases import CASE_FACTS
from projections.store import open_view_store
from runtime.bootstrap import build_ledger

YEAR = 2025
GROWTH_ENTERPRISES = 200
RECORDS_PER_BATCH = 1000

READS: dict[str, tuple[str, str, str]] = {
    # name → (method, path, key)
    "appraisal": ("POST", "/v1/appraisals", "hub"),
    "service_statistics": ("GET", f"/v1/views/service-statistics?year={YEAR}&period=month", "hub"),
    "enterprise_services": ("GET", "/v1/views/enterprises/{uscc}/services", "bureau"),
    "platforms": ("GET", "/v1/platforms", "hub"),
    "institutions": ("GET", "/v1/institutions", "hub"),
    "experts": ("GET", "/v1/experts", "hub"),
    "agreements": ("GET", "/v1/agreements", "hub"),
    "onboarding_applications": ("GET", "/v1/onboarding-applications", "hub"),
}


def _growth_records(rng: random.Random, usccs: list[str], start: int, n: int) -> list[OpenCase]:
    """``n`` services delivered (and rated) during the year, for the growth enterprises:
    spread over the whole year from the first, so that every size has the same mix."""
    records = []
    for i in range(start, start + n):
        opened = datetime(YEAR, 1, 2, 2, tzinfo=UTC) + timedelta(minutes=(i * 7919) % 480_000)
        delivered_at = opened + timedelta(days=i % 9, hours=1)
        day = delivered_at.astimezone(CST).date()
        fee = FeeType.FREE if i % 3 else FeeType.PAID
        delivery = Delivery(day, DeliveryMode.ONLINE, fee, Decimal(0) if i % 3 else Decimal(200))
        records.append(
            OpenCase(
                external_ref=f"GROW-{i}",
                uscc=usccs[i % len(usccs)],
                category=("100200", "120600", "140300")[i % 3],
                channel=(Channel.ONLINE, Channel.OFFLINE)[i % 2],
                description="咨询技术改造补助政策",
                then=(
                    Assign(provider_kind=ProviderKind.EXPERT, provider_name="王教授"),
                    Deliver(delivery=delivery, occurred_at=delivered_at),
                    GiveFeedback(feedback=Feedback(1 + i % 5, ""), occurred_at=delivered_at),
                ),
                occurred_at=opened,
            )
        )
    return records


class GrowingLog:
    """The demonstration network, and the cases that grow its log."""

    def __init__(self, url: str, *, scale: float) -> None:
        self.config = StoreConfig(url)
        self.ledger: LedgerApplication = build_ledger(self.config)
        ensure_view_schema(self.ledger, self.config)
        report = seed_demo(self.ledger, seed=2026, year=YEAR, scale=scale)
        self.keys = {"hub": report.keys["hub"], "bureau": report.keys["bureau"]}
        self.views = ProjectionRunner(
            self.ledger, open_view_store(self.config), all_projections(), batch_size=5000
        )
        self.views.catch_up()
        with self.views.store.read() as tx:
            row = tx.fetchone(
                f"SELECT id FROM {PARTICIPANTS} WHERE kind = 'window' ORDER BY entered_on, id"
            )
            assert row is not None
            self.window = UUID(row[0])
            # The enterprise whose history is read: the demo's most served.
            found = tx.fetchone(
                f"SELECT uscc, COUNT(*) FROM {CASE_FACTS} GROUP BY uscc ORDER BY 2 DESC, 1"
            )
            assert found is not None
            self.uscc, self.its_cases = str(found[0]), int(found[1])
        rng = random.Random(19)
        # The demonstration closed its year: the hub allows what the log grows by.
        assert report.hub_id is not None
        hub = RequestContext(Principal("system:bench", platform_id=report.hub_id), "bench-reads")
        for platform in (self.window, None):
            self.ledger.handle(
                AllowPostCloseEntries(
                    period_id=period_id(str(YEAR)), platform_id=platform,
                    until=date.today() + timedelta(days=30), reason="benchmark growth",
                ),
                hub,
            )  # fmt: skip
        system = RequestContext(Principal("system:bench"), "bench-reads")
        self.usccs = [uscc(rng, "640104") for _ in range(GROWTH_ENTERPRISES)]
        for code in self.usccs:
            self.ledger.handle(
                RegisterEnterprise(
                    uscc=code, name=f"企业{code[-6:]}", region="640104", industry="industry",
                    employees=40, revenue_wan=Decimal(600),
                    occurred_at=datetime(YEAR, 1, 1, 2, tzinfo=UTC),
                ),
                system,
            )  # fmt: skip
        self.rng = rng
        self.grown = 0
        self.context = RequestContext(
            Principal("system:bench", platform_id=self.window), "bench-reads"
        )

    def grow_to(self, events: int) -> float:
        """Append delivered cases until the log holds at least ``events``; the seconds taken."""
        started = time.perf_counter()
        while (head := self.ledger.head_position()) < events:
            n = min(RECORDS_PER_BATCH, max(1, (events - head + 2) // 3))
            records = _growth_records(self.rng, self.usccs, self.grown, n)
            results = self.ledger.handle(ImportCases(records=tuple(records)), self.context)
            refused = [r for r in results if r.status != "created"]
            if refused:
                raise SystemExit(f"growing the log: {refused[0]}")
            self.grown += n
        return time.perf_counter() - started

    def close(self) -> None:
        self.views.store.close()
        self.ledger.close()


def _request(client: httpx.Client, method: str, path: str, key: str) -> float:
    body = {"year": YEAR, "subject_kind": "window"} if method == "POST" else None
    started = time.perf_counter()
    response = client.request(method, path, json=body, headers={"Authorization": f"Bearer {key}"})
    elapsed = time.perf_counter() - started
    if response.status_code >= 300:
        msg = f"{method} {path}: {response.status_code} {response.text[:300]}"
        raise SystemExit(msg)
    return elapsed


def _vacuum(url: str) -> None:
    """What autovacuum does in the background of a running service, done now: a log grown in
    seconds leaves the views' tables full of dead row versions and without statistics."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")


def read_costs(url: str, *, steps: list[int], repeat: int, scale: float) -> dict[str, Any]:
    log = GrowingLog(url, scale=scale)
    try:
        runs: list[dict[str, Any]] = []
        for step in steps:
            seconds = log.grow_to(step)
            started = time.perf_counter()
            log.views.catch_up()
            caught_up = time.perf_counter() - started
            _vacuum(url)
            events = log.ledger.head_position()
            stop = threading.Event()  # the views' daemon (``sme-ledger project``'s job)
            daemon = threading.Thread(target=log.views.run, args=(stop, 0.2), daemon=True)
            daemon.start()
            with (
                server(url, group_commit=True, workers=1) as (base, pid),
                httpx.Client(base_url=base, timeout=300) as client,
            ):
                reads = {
                    name: (method, path.format(uscc=log.uscc), log.keys[key])
                    for name, (method, path, key) in READS.items()
                }
                for read in reads.values():
                    _request(client, *read)  # warm up (the appraisals are recorded here)
                samples: dict[str, list[float]] = {name: [] for name in reads}
                with RssSampler(pid, interval=0.05) as sampler:
                    for _ in range(repeat):  # round robin: a disturbance hits every read
                        for name, read in reads.items():
                            samples[name].append(_request(client, *read))
                rss = sampler.summary()
                timings = {n: statistics.median(s) * 1000 for n, s in samples.items()}
            stop.set()
            daemon.join(30)
            run = {
                "events": events,
                "seed_seconds": seconds,
                "catch_up_seconds": caught_up,
                "ms": timings,
                "rss": rss,
            }
            runs.append(run)
            print(
                f"  reads at {events:>9,} events (seeded in {seconds:5.1f} s): "
                + "  ".join(f"{n} {ms:.1f} ms" for n, ms in timings.items())
                + f"  rss peak {rss['peak_mib']:.0f} MiB"
            )
        first, last = runs[0], runs[-1]
        ratios = {name: last["ms"][name] / max(first["ms"][name], 1e-9) for name in READS}
        return {
            "runs": runs,
            "repeat": repeat,
            "enterprise_cases": log.its_cases,
            "ratios": ratios,
            "rss_ratio": last["rss"]["peak_mib"] / max(first["rss"]["peak_mib"], 1e-9),
            "appraisal_ms_largest": last["ms"]["appraisal"],
        }
    finally:
        log.close()
