"""The faults of the suite, one at a time on a schedule, each recorded with when it began, when
the service answered again and what it did."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from torture_procs import Api, Cluster, Daemon
from torture_proxy import Proxy

KILL = "kill"  # kill -9 of every process of the API, then start it again
KILL_WORKER = "kill_worker"  # kill -9 of one API worker process; its supervisor replaces it
DB_RESTART = "db_restart"  # pg_ctl stop -m immediate, then start
TERMINATE = "terminate"  # pg_terminate_backend of every service connection
PAUSE = "pause"  # SIGSTOP of the API's processes, SIGCONT a few seconds later
KILL_PROJECTOR = "kill_projector"  # kill -9 of `sme-ledger project`, started again
KILL_SEALER = "kill_sealer"  # kill -9 of `sme-ledger seal`, started again
CUT = "cut"  # the network to PostgreSQL: every connection reset, new ones refused, for a while
BLACKHOLE = "blackhole"  # the network to PostgreSQL: nothing goes through, for a while
KINDS = (
    KILL, KILL_WORKER, DB_RESTART, TERMINATE, PAUSE, KILL_PROJECTOR, KILL_SEALER, CUT, BLACKHOLE,
)  # fmt: skip


@dataclass
class Nemesis:
    """Breaks the service every ``interval`` seconds until ``stop`` is set."""

    api: Api
    cluster: Cluster
    proxy: Proxy
    projector: Daemon
    sealer: Daemon
    clock: Callable[[], float]
    kinds: tuple[str, ...] = KINDS
    interval: float = 6.0
    down_seconds: float = 2.0
    blackhole_seconds: float = 5.0
    seed: int = 0
    limit: int | None = None  # at most this many faults (the smoke run's one of each)
    events: list[dict[str, Any]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while a fault is injected: whoever supervises the workers waits for it."""
    error: str | None = None
    """Why the faults stopped early (the service did not come back from one), if they did."""

    def run(self) -> None:
        try:
            self._run()
        except (Exception, SystemExit) as e:  # the run's report says so: not a silent end
            self.error = f"{type(e).__name__}: {e}"

    def _run(self) -> None:
        rng = random.Random(self.seed)
        order: list[str] = []
        while not self.stop.wait(self.interval * rng.uniform(0.7, 1.3)):
            if self.limit is not None and len(self.events) >= self.limit:
                return
            if not order:
                # Each kind once per round, in a shuffled order: no fault starved by chance.
                order = rng.sample(self.kinds, len(self.kinds))
            self.inject(order.pop())

    def inject(self, kind: str) -> None:
        if kind not in KINDS:
            raise ValueError(f"no fault named {kind!r}; the faults are {', '.join(KINDS)}")
        with self.lock:
            began = self.clock()
            detail = self._inject(kind)
            self.events.append({"kind": kind, "start": began, "end": self.clock(), **detail})

    def _inject(self, kind: str) -> dict[str, Any]:
        detail: dict[str, Any] = {}
        if kind == KILL:
            self.api.kill()
            self.api.start()
        elif kind == KILL_WORKER:
            ready = self.api.ready_workers()
            detail["pid"] = self.api.kill_worker()
            if detail["pid"] is None:  # one worker: killing it is killing the API
                self.api.kill()
                self.api.start()
            # Over once the supervisor's replacement serves.
            elif not self.api.wait_for_workers(ready=ready + 1):
                raise SystemExit("the API's supervisor did not replace the worker killed")
        elif kind == DB_RESTART:
            self.cluster.crash()
            time.sleep(self.down_seconds)
            self.cluster.start()
        elif kind == TERMINATE:
            detail["backends"] = self.cluster.terminate_backends()
        elif kind == PAUSE:
            self.api.pause()
            time.sleep(self.down_seconds * 2)
            self.api.resume()
        elif kind == KILL_PROJECTOR:
            self.projector.kill()
        elif kind == KILL_SEALER:
            self.sealer.kill()
        elif kind == CUT:
            detail["connections"] = self.proxy.cut()
            time.sleep(self.down_seconds)
            self.proxy.heal()
        elif kind == BLACKHOLE:
            detail["connections"] = self.proxy.blackhole()
            time.sleep(self.blackhole_seconds)
            self.proxy.heal()
        return detail

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(self.kinds, 0)
        for event in self.events:
            found[event["kind"]] += 1
        return found
