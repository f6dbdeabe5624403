"""Where the CPU of one write goes: thread CPU time per step, one request at a time.

    .venv/bin/python bench/request_cost.py [--postgres URL] [--requests 400] [--no-pre-ping]

Runs what ``POST /v1/service-cases`` runs for a delivered service (without HTTP), on a fresh
PostgreSQL database, and prints the CPU time of each step per request: authentication (the key
and its platform), body validation, deciding (the acting window and the enterprise are read,
three events are decided, the answer rendered) and the save alone (no group commit).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from bulk import record
from suite import fresh_database, prepare

from api.schemas.cases import CaseOpening
from ledger.application.context import Principal, RequestContext
from ledger.application.group_commit import GroupCommitConfig
from ledger.application.queries.access_keys import authenticate as find_key
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger

T = TypeVar("T")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--no-pre-ping", action="store_true")
    args = parser.parse_args()
    spent: dict[str, float] = {}

    def timed(name: str, f: Callable[..., T]) -> Callable[..., T]:
        def measured(*a: Any, **k: Any) -> T:
            started = time.thread_time()
            try:
                return f(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.thread_time() - started

        return measured

    with fresh_database(args.postgres) as url:
        secret = prepare(url)
        ledger = build_ledger(StoreConfig(url, pre_ping=not args.no_pre_ping))
        authenticate = timed("authenticate (key, its platform)", partial(find_key, ledger))
        validate = timed("validate the body", CaseOpening.model_validate)
        ledger.uow._decide = timed(  # type: ignore[method-assign]
            "decide (window, enterprise, 3 events, answer)", ledger.uow._decide
        )
        ledger.uow._save_alone = timed(  # type: ignore[method-assign]
            "save alone (one transaction)", ledger.uow._save_alone
        )

        def one(i: int) -> None:
            key = authenticate(secret)
            assert key is not None
            principal = Principal.of_key(key.id, key.role, key.platform_id, key.name)
            body = validate(record(f"COST-{i}"))
            ledger.handle(body.to_command(), RequestContext(principal, "bench"))

        for i in range(50):
            one(i)
        spent.clear()
        started = time.thread_time()
        for i in range(100, 100 + args.requests):
            one(i)
        total = time.thread_time() - started
        alone = dict(spent)

        # The same commands from 16 threads through the group committer: its thread's CPU per
        # command is what a save costs each command once saves are shared.
        committer = ledger.uow.start_group_commit(GroupCommitConfig())
        committer._commit_batch = timed("group commit", committer._commit_batch)
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(one, range(10_000, 10_000 + args.requests)))
        stats = committer.stats()
        ledger.close()
    print(f"CPU per request: {total / args.requests * 1000:.2f} ms")
    for name, seconds in alone.items():
        print(f"  {name:46s} {seconds / args.requests * 1000:.2f} ms")
    other = (total - sum(alone.values())) / args.requests * 1000
    print(f"  {'the rest (route, idempotency, response)':46s} {other:.2f} ms")
    per_command = spent["group commit"] / stats.commands_total * 1000
    print(
        f"With group commit (16 threads): {stats.commands_total / stats.batches_total:.1f} "
        f"commands per transaction, {per_command:.2f} ms of committer CPU per command"
    )


if __name__ == "__main__":
    main()
