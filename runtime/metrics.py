"""Prometheus metrics. Labels have bounded values: route templates, never raw paths or ids.

With several worker processes, ``PROMETHEUS_MULTIPROC_DIR`` is set by ``sme-ledger serve``
before any worker starts, and ``/metrics`` aggregates the files all workers write there.
"""

from __future__ import annotations

import glob
import logging
import os
import re
from collections.abc import Iterable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from prometheus_client.metrics_core import Metric
from prometheus_client.process_collector import ProcessCollector
from prometheus_client.registry import Collector

log = logging.getLogger("runtime.metrics")

# The *_created series double the exposition for no operational value.
disable_created_metrics()  # type: ignore[no-untyped-call]

HTTP_METHODS = frozenset({"GET", "HEAD", "POST"})
"""The methods the API serves; any other is counted as ``other`` (a scanner's PROPFIND on every
path would otherwise open series of its own on each route)."""
HTTP_REQUESTS = Counter(
    "ledger_http_requests_total",
    "HTTP requests answered, by method (GET, HEAD, POST, other), route template and status code.",
    ["method", "route", "status"],
)
# By route alone, and few buckets: labels x buckets is what makes a scrape large (one series
# per route and bucket), and the p99 recording rule sums the method away anyway.
HTTP_DURATION = Histogram(
    "ledger_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template.",
    ["route"],
    buckets=(0.005, 0.025, 0.1, 0.25, 1.0, 5.0),
)
HTTP_SHED = Counter(
    "ledger_http_requests_shed_total",
    "Requests refused with 503 at once because the process was answering as many as it may "
    "(LEDGER_MAX_IN_FLIGHT).",
)
HTTP_TIMED_OUT = Counter(
    "ledger_http_requests_timed_out_total",
    "Requests cut off because their line and headers (phase=headers, "
    "LEDGER_HEADER_TIMEOUT_SECONDS) or their body (phase=body, LEDGER_BODY_TIMEOUT_SECONDS) did "
    "not arrive in time; each connection was closed.",
    ["phase"],
)
HTTP_MALFORMED = Counter(
    "ledger_http_requests_malformed_total",
    "Requests refused before the application saw them, by code: malformed_request (not HTTP "
    "as the parser reads it) or headers_too_large (LEDGER_MAX_HEADER_BYTES).",
    ["code"],
)
EVENTS_APPENDED = Counter(
    "ledger_events_appended_total",
    "Events appended to the log, by event type.",
    ["type"],
)
CONFLICTS = Counter(
    "ledger_conflicts_total",
    "Commands refused because they collided with what is recorded, by error code.",
    ["code"],
)
IDEMPOTENT_REPLAYS = Counter(
    "ledger_idempotent_replays_total",
    "Commands answered from a stored response because the Idempotency-Key was seen before.",
)

# Set by whichever process computed it last (the sealer, or an API worker answering a scrape):
# "livemostrecent" keeps one value across the worker files of PROMETHEUS_MULTIPROC_DIR.
CHECKPOINT_LAG = Gauge(
    "ledger_checkpoint_lag_events",
    "Events in the log that no signed checkpoint covers yet.",
    multiprocess_mode="livemostrecent",
)
CHECKPOINT_AGE = Gauge(
    "ledger_checkpoint_age_seconds",
    "Seconds since the latest signed checkpoint (measured when scraped; 0 while there is none).",
    multiprocess_mode="livemostrecent",
)
# The in-process sealer's witnessing (SQLite); `sme-ledger seal` has its own (runtime.workers).
WITNESS_SUBMISSIONS = Counter(
    "ledger_witness_submissions_total",
    "Submissions of checkpoints to each witness (LEDGER_WITNESSES), by outcome: cosigned, "
    "conflict, refused, unavailable (docs/audit.md).",
    ["witness", "outcome"],
)
# The in-process sealer's timestamps (SQLite); `sme-ledger seal` has its own (runtime.workers).
CHECKPOINT_TIMESTAMPS = Counter(
    "ledger_checkpoint_timestamps_total",
    "RFC 3161 timestamps of checkpoint notes asked of LEDGER_TSA_URL, by outcome: obtained, "
    "failed (docs/audit.md).",
    ["outcome"],
)
LOG_HEAD = Gauge(
    "ledger_log_head_position",
    "The position of the last event in the log (measured when scraped).",
    multiprocess_mode="livemostrecent",
)
# Info is not supported in multi-process mode: a gauge at 1. "livemax": one sample per build
# the live workers run (every worker runs the same one, so one sample, never the worker count).
BUILD_INFO = Gauge(
    "ledger_build_info",
    "The running build: package version, Python version, which worker (always 1).",
    ["version", "python", "worker"],
    multiprocess_mode="livemax",
)
ACCESS_QUEUE_DEPTH = Gauge(
    "ledger_access_queue_depth",
    "Access records waiting to be written, summed over live worker processes.",
    multiprocess_mode="livesum",
)
ACCESS_RECORDS_DROPPED = Counter(
    "ledger_access_records_dropped_total",
    "Access records that could not be stored (queue full, or the store failing at shutdown); "
    "each is also written to the error log.",
)
ACCESS_WRITE_FAILURES = Counter(
    "ledger_access_write_failures_total",
    "Failed attempts to write a batch of access records (the batch is retried).",
)

CHANGE_FEED_CONNECTIONS = Gauge(
    "ledger_change_feed_connections",
    "Change feed connections open (GET /v1/changes), summed over live worker processes.",
    multiprocess_mode="livesum",
)
CHANGE_FEED_REFUSED = Counter(
    "ledger_change_feed_refused_total",
    "Change feed connections refused with 503 feed_busy (LEDGER_CHANGE_FEED_MAX_CONNECTIONS).",
)
CHANGE_FEED_PAGES = Counter(
    "ledger_change_feed_pages_total",
    "Pages of the log read by change feeds; a feed reads its next page only once the last "
    "was sent.",
)
CHANGE_FEED_EVENTS = Counter(
    "ledger_change_feed_events_total",
    "Events sent by change feeds (each counted once per feed it was sent on).",
)


GROUP_COMMIT_BATCH = Histogram(
    "ledger_group_commit_batch_commands",
    "Commands saved together in one transaction by the group committer.",
    buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512),
)
GROUP_COMMIT_SAVE = Histogram(
    "ledger_group_commit_save_seconds",
    "Time to save one group-commit batch (its transaction, or its split into single saves).",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
)
GROUP_COMMIT_QUEUE = Gauge(
    "ledger_group_commit_queue_commands",
    "Commands waiting for the group committer (measured when scraped), per process.",
    multiprocess_mode="livesum",
)
GROUP_COMMIT_REFUSED = Counter(
    "ledger_group_commit_refused_commands_total",
    "Commands refused with 503 because the group-commit queue was full "
    "(LEDGER_GROUP_COMMIT_MAX_QUEUE).",
)


# The connection pools of the process (runtime.process_metrics), by the name it registers them
# under. Measured from each process's pools and summed over the live worker processes: what the
# API as a whole holds and may open, and how many of its requests wait.
POOL_MAX = Gauge(
    "ledger_db_pool_connections_max",
    "Most connections the pool may open (its configured max size), summed over live workers.",
    ["pool"],
    multiprocess_mode="livesum",
)
POOL_CONNECTIONS = Gauge(
    "ledger_db_pool_connections",
    "Connections the pool holds (in use, idle, or being opened), summed over live workers.",
    ["pool"],
    multiprocess_mode="livesum",
)
POOL_IDLE = Gauge(
    "ledger_db_pool_connections_idle",
    "Connections idle in the pool, ready to be handed out, summed over live workers.",
    ["pool"],
    multiprocess_mode="livesum",
)
POOL_WAITING = Gauge(
    "ledger_db_pool_requests_waiting",
    "Requests waiting for a connection of the pool, summed over live workers.",
    ["pool"],
    multiprocess_mode="livesum",
)
POOL_TIMEOUTS = Counter(
    "ledger_db_pool_timeouts_total",
    "Requests that waited LEDGER_POOL_WAIT_SECONDS for a connection of the pool and got none "
    "while the database answered (every connection in use); an HTTP request then answers 503.",
    ["pool"],
)


def multiprocess_mode() -> bool:
    """Whether the series are written to files that several worker processes share."""
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


def observe_group_commit(commands: int, seconds: float) -> None:
    """The group committer's callback after every batch."""
    GROUP_COMMIT_BATCH.observe(commands)
    GROUP_COMMIT_SAVE.observe(seconds)


PROJECTION_LAG = Gauge(
    "ledger_projection_lag_events",
    "Events a view is behind the head of the log (measured when scraped).",
    ["projection"],
    multiprocess_mode="mostrecent",
)
PROJECTION_STALLED = Gauge(
    "ledger_projection_stalled",
    "1 while a view is stopped before an event it fails to fold (`sme-ledger project failures` "
    "names it), else 0 (measured when scraped).",
    ["projection"],
    multiprocess_mode="mostrecent",
)
PROJECTION_FAILURES = Counter(
    "ledger_projection_failures_total",
    "Times a view failed to fold an event and stalled, since the process started (the views "
    "this process keeps itself, on the embedded SQLite store).",
    ["projection"],
)

# Measured when scraped, by the worker answering the scrape: one value for the one standby.
READ_REPLICA_UP = Gauge(
    "ledger_read_replica_up",
    "1 while the read standby (LEDGER_READ_DATABASE_URL) answers, 0 while it does not; absent "
    "without one (measured when scraped).",
    multiprocess_mode="mostrecent",
)
READ_REPLICA_LAG = Gauge(
    "ledger_read_replica_lag_events",
    "Events of the primary's log the read standby has not replayed yet (measured when scraped).",
    multiprocess_mode="mostrecent",
)
READ_REPLICA_REPLAY_LAG = Gauge(
    "ledger_read_replica_replay_lag_seconds",
    "How far the read standby's replay is behind the last change it received from the "
    "primary, in seconds; 0 while it has replayed all it received (measured when scraped).",
    multiprocess_mode="mostrecent",
)


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    """One answered request, in the request counter and the duration histogram. A method the
    API does not serve matched no operation, whatever its path: ``other`` and ``unmatched``."""
    if method not in HTTP_METHODS:
        method, route = "other", "unmatched"
    HTTP_REQUESTS.labels(method, route, str(status)).inc()
    HTTP_DURATION.labels(route).observe(seconds)


API_WORKER = Gauge(
    "ledger_api_worker_up",
    "1 for each live API worker process; with several workers, by pid, and a dead worker's "
    "series is dropped.",
    multiprocess_mode="liveall",
)
_WORKER_FILE = re.compile(r"gauge_liveall_(\d+)\.db")


class WorkerProcesses(Collector):
    """The ``process_*`` series (CPU, memory, file descriptors, start time) of every live API
    worker, by ``pid``, read from ``/proc`` when scraped. prometheus-client's own process
    collector sees only the process it runs in, and multi-process mode has none.

    The live workers are those with a ``liveall`` gauge file in ``directory``
    (:data:`API_WORKER`): the supervisor deletes a dead worker's (``runtime.supervisor``).
    """

    def __init__(self, directory: str) -> None:
        self.directory = directory

    def pids(self) -> list[int]:
        names = (os.path.basename(f) for f in glob.glob(f"{self.directory}/gauge_liveall_*.db"))
        return sorted(int(m[1]) for name in names if (m := _WORKER_FILE.fullmatch(name)))

    def collect(self) -> Iterable[Metric]:
        families: dict[str, Metric] = {}
        for pid in self.pids():
            own = ProcessCollector(pid=lambda pid=pid: pid, registry=None)  # type: ignore[misc]
            for family in own.collect():
                merged = families.setdefault(
                    family.name, Metric(family.name, family.documentation, family.type)
                )
                for sample in family.samples:
                    merged.add_sample(sample.name, {"pid": str(pid)}, sample.value)
        return list(families.values())


def render() -> tuple[bytes, str]:
    """The exposition text for a scrape, across worker processes if there are several."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        registry.register(WorkerProcesses(directory))
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST
