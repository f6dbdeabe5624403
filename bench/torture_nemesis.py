"""The faults of the suite, one at a time on a schedule, each recorded with when it began, when
the service answered again and what it did."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from torture_procs import Api, Cluster

KILL = "kill"  # kill -9 of the API process, then start it again
DB_RESTART = "db_restart"  # pg_ctl stop -m immediate, then start
TERMINATE = "terminate"  # pg_terminate_backend of every service connection
PAUSE = "pause"  # SIGSTOP of the API process, SIGCONT a few seconds later
KINDS = (KILL, DB_RESTART, TERMINATE, PAUSE)


@dataclass
class Nemesis:
    """Breaks ``api`` and ``cluster`` every ``interval`` seconds until ``stop`` is set."""

    api: Api
    cluster: Cluster
    clock: Callable[[], float]
    kinds: tuple[str, ...] = KINDS
    interval: float = 6.0
    down_seconds: float = 2.0
    seed: int = 0
    limit: int | None = None  # at most this many faults (the smoke run's one of each)
    events: list[dict[str, Any]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
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
        began = self.clock()
        detail: dict[str, Any] = {}
        if kind == KILL:
            self.api.kill()
            self.api.start()
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
        else:
            raise ValueError(f"no fault named {kind!r}; the faults are {', '.join(KINDS)}")
        self.events.append({"kind": kind, "start": began, "end": self.clock(), **detail})

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(self.kinds, 0)
        for event in self.events:
            found[event["kind"]] += 1
        return found
