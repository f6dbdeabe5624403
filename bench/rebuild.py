"""Projection rebuild throughput against a raw read of the same log, in the same run.

    .venv/bin/python bench/rebuild.py [--events 200000] [--database-url URL | --postgres URL]

Builds a log of at least ``--events`` events (a demonstration network, then a year of service
cases appended in large saves through the domain model), then measures, on the same store:
  raw read   every notification of the log, read page by page in log order;
  rebuild    every view rebuilt from the first event (decode, handlers, view writes, positions).
Prints events/s for each and the ratio (target: rebuild >= 30% of the raw read).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import psycopg

from demo import seed_demo
from ledger.application.app import LedgerApplication
from ledger.application.ports import Directory
from ledger.application.queries.participants import list_platforms
from ledger.domain.envelope import Envelope
from ledger.domain.service_case import (
    Assignment,
    Channel,
    Delivery,
    DeliveryMode,
    Demand,
    Feedback,
    FeeType,
    ProviderKind,
    ServiceCase,
)
from ledger.domain.time import CST
from ledger.persistence.config import StoreConfig
from ledger.persistence.migrate import migrate
from projections.catalog import all_projections, ensure_view_schema
from projections.runner import ProjectionRunner
from projections.store import open_view_store
from runtime.bootstrap import Runtime, build_ledger
from runtime.settings import Settings


def grow(ledger: LedgerApplication, directory: Directory, target: int) -> None:
    """Append delivered, rated, closed cases (5 events each) until the log holds ``target``."""
    rng = random.Random(7)
    platforms = [p for p in list_platforms(ledger, directory) if p.kind.value == "window"]
    enterprises = [ledger.lookups.enterprise(uscc) for uscc in _some_usccs(ledger, 200)]
    n = 0
    while ledger.head_position() < target:
        batch = []
        for _ in range(500):
            window = rng.choice(platforms)
            enterprise = rng.choice(enterprises)
            opened_at = datetime(2025, 1, 2, 1, tzinfo=UTC) + timedelta(
                minutes=rng.randint(0, 500_000)
            )
            meta = Envelope("bench", window.id, "bench", "bench", opened_at)
            day: date = opened_at.astimezone(CST).date()
            case = ServiceCase.open(
                window_id=window.id,
                demand=Demand(f"BENCH-{n}", enterprise.id, enterprise.uscc, "100200",
                              Channel.ONLINE, ""),
                meta=meta,
            )  # fmt: skip
            case.assign(Assignment(ProviderKind.EXPERT, "专家"), meta)
            case.deliver(Delivery(day, DeliveryMode.ONLINE, FeeType.FREE, Decimal(0)), meta)
            case.record_feedback(Feedback(rng.randint(1, 5), ""), meta)
            case.close("", meta)
            batch.append(case)
            n += 1
        ledger.save(*batch)


def _some_usccs(ledger: LedgerApplication, how_many: int) -> list[str]:
    from eventsourcing.utils import get_topic

    from ledger.domain.enterprise import Enterprise

    found = []
    for notification in ledger.scan([get_topic(Enterprise.Registered)]):
        event = ledger.mapper.to_domain_event(notification)
        found.append(vars(event)["uscc"])
        if len(found) == how_many:
            break
    return found


def raw_read(ledger: LedgerApplication) -> tuple[int, float]:
    started = time.perf_counter()
    count = 0
    after = 0
    while True:
        page = ledger.recorder.select_notifications(
            start=after, limit=1000, inclusive_of_start=False
        )
        if not page:
            break
        count += len(page)
        after = page[-1].id
    return count, time.perf_counter() - started


def rebuild(ledger: LedgerApplication, config: StoreConfig) -> tuple[int, float]:
    store = open_view_store(config)
    runner = ProjectionRunner(ledger, store, all_projections(), batch_size=2000)
    runner.ensure_schema()
    started = time.perf_counter()
    for name in runner.projections:
        runner.rebuild(name)
    elapsed = time.perf_counter() - started
    store.close()
    return ledger.head_position(), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--postgres", default=None, help="server URL: a fresh database is made")
    args = parser.parse_args()
    dbname = None
    if args.postgres:
        dbname = f"ledger_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        url = f"{args.postgres.rpartition('/')[0]}/{dbname}"
        migrate(url)
    else:
        url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"
    config = StoreConfig(url)
    ledger = build_ledger(config)
    try:
        if config.is_postgres:
            ensure_view_schema(ledger, config)
        started = time.perf_counter()
        if ledger.head_position() == 0:
            seed_demo(ledger, seed=1, year=2025)
        with Runtime(Settings(database_url=url), ledger=ledger) as runtime:
            grow(ledger, runtime.directory(), args.events)
        print(
            f"log: {ledger.head_position():,} events, built in {time.perf_counter() - started:.0f} s"
        )
        read_count, read_time = raw_read(ledger)
        built_count, build_time = rebuild(ledger, config)
        read_rate = read_count / read_time
        build_rate = built_count / build_time
        print(f"store: {url.split('@')[-1]}")
        print(
            f"raw read : {read_count:>9,} events in {read_time:6.2f} s = {read_rate:>9,.0f} events/s"
        )
        print(
            f"rebuild  : {built_count:>9,} events in {build_time:6.2f} s = {build_rate:>9,.0f} events/s"
            f" ({len(all_projections())} views)"
        )
        print(f"ratio    : {build_rate / read_rate:.1%} of the raw read (target >= 30%)")
    finally:
        ledger.close()
        if dbname is not None:
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


if __name__ == "__main__":
    main()
