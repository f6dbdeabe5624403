"""Settings, from the environment (prefix ``LEDGER_``). Read only by composition roots."""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import SettingsConfigDict

from evidence.checkpoint_note import DEFAULT_ORIGIN
from ledger.application.group_commit import GroupCommitConfig
from ledger.audit.witnessing import WitnessEndpoint, parse_witnesses
from ledger.domain.time import NETWORK_STARTED_ON, TimeBounds
from ledger.persistence.config import StoreConfig
from runtime.feed_settings import ChangeFeedSettings

PREFIX = "LEDGER_"
OTHER_VARIABLES = frozenset({"LEDGER_KEY"})
"""``LEDGER_`` variables that are not settings: the key ``sme-ledger import`` acts with."""
OTHER_PREFIXES = ("LEDGER_TEST_",)
"""The test suite's own variables (``LEDGER_TEST_POSTGRES_URL``)."""


class SettingsError(ValueError):
    """Settings that cannot be used: one line a problem, each naming its environment variable
    and what it expects."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class Settings(ChangeFeedSettings):
    """Every setting of the service, with its default for the embedded set-up (the change
    feed's in :mod:`runtime.feed_settings`).

    An unknown ``LEDGER_*`` variable (a misspelt ``LEDGER_POOL_SIZ``) and a value a setting
    cannot take are refused with :class:`SettingsError`, named by the variable.
    """

    model_config = SettingsConfigDict(env_prefix=PREFIX, extra="ignore")

    def __init__(self, **values: Any) -> None:
        if unknown := unknown_variables(os.environ):
            raise SettingsError(unknown)
        for field, value in from_files(os.environ).items():
            values.setdefault(field, value)
        try:
            super().__init__(**values)
        except ValidationError as e:
            raise SettingsError([_problem(error) for error in e.errors()]) from None
        if problem := self._read_database_problem() or self._tsa_problem():
            raise SettingsError([problem])

    database_url: str = Field(
        "sqlite:///./var/ledger.sqlite",
        description="sqlite:///path (embedded default) or postgresql://user:pw@host:port/db",
    )
    read_database_url: str | None = Field(
        None,
        description="A PostgreSQL hot standby of LEDGER_DATABASE_URL that view, export and "
        'audit reads go to (docs/operations.md, "A hot standby for reads"); unset: the primary',
    )
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1, le=64)
    pool_size: int = Field(5, ge=1, le=200)
    max_overflow: int = Field(10, ge=0, le=200)
    lock_timeout_seconds: int = Field(5, ge=1, le=600)
    pool_wait_seconds: int = Field(
        2, ge=1, le=60, description="Longest a request waits for a PostgreSQL connection"
    )
    max_body_bytes: int = Field(1_048_576, ge=1024, le=64 * 1_048_576)
    max_header_bytes: int = Field(
        65_536,
        ge=4096,
        le=1_048_576,
        description="Largest request line and headers together; beyond, 431 and the connection "
        "is closed",
    )
    header_timeout_seconds: float = Field(
        5.0,
        gt=0,
        le=300,
        description="Longest a client may take to send a request's line and headers; beyond, "
        "the connection is closed",
    )
    body_timeout_seconds: float = Field(
        10.0,
        gt=0,
        le=3600,
        description="Longest a client may take to send a whole request body; beyond, 408 and "
        "the connection is closed",
    )
    max_in_flight: int = Field(
        32,
        ge=0,
        le=10_000,
        description="Requests under /v1 a worker answers at once (0: no bound); beyond, they "
        "wait LEDGER_MAX_QUEUE_WAIT_MS for one to finish, then 503",
    )
    max_queue_wait_ms: float = Field(
        0.0,
        ge=0,
        le=10_000,
        description="How long a request beyond LEDGER_MAX_IN_FLIGHT waits for a slot, first "
        "come first served, before 503 (0: 503 at once)",
    )
    clock_skew_seconds: int = Field(
        300, ge=0, le=86_400, description="How far business time may lie ahead of the clock"
    )
    network_started_on: date = Field(
        NETWORK_STARTED_ON, description="No business time before this day (Ningxia time)"
    )
    late_entry_hours: int = Field(
        72,
        ge=1,
        le=24 * 366,
        description="An entry recorded longer than this after it happened is a late entry",
    )
    log_page_limit: int = Field(1000, ge=1, le=10_000)
    view_wait_seconds: float = Field(
        2.0, ge=0, le=30, description="How long a view read waits for min_position"
    )
    embedded_views: bool = Field(
        True, description="On SQLite, keep the views up to date inside the API process"
    )
    metrics_dir: str | None = Field(
        None, description="Directory for multi-process Prometheus metrics (set by serve)"
    )
    # --- audit (docs/audit.md) ---
    migration_database_url: str | None = Field(
        None,
        description="Who `sme-ledger migrate` connects as (the schema owner's side); "
        "defaults to LEDGER_DATABASE_URL",
    )
    seal_key_file: Path | None = Field(
        None, description="Ed25519 private key of the sealer (`sme-ledger audit keygen FILE`)"
    )
    seal_key: SecretStr | None = Field(
        None, description="The sealer's private key itself (PEM or base64), instead of a file"
    )
    checkpoint_origin: str = Field(
        DEFAULT_ORIGIN,
        min_length=1,
        max_length=255,
        pattern=r"^[^\s+]+$",
        description="The log's name in its C2SP checkpoints, and the note key's name (no "
        "spaces or '+'); keep it once auditors hold checkpoints",
    )
    seal_every_events: int = Field(1000, ge=1, le=1_000_000)
    seal_interval_seconds: float = Field(10.0, gt=0, le=86_400)
    seal_poll_seconds: float = Field(1.0, gt=0, le=60)
    sealer: Literal["auto", "off"] = Field(
        "auto",
        description="auto: the API seals in-process on SQLite (PostgreSQL runs `sme-ledger "
        "seal`); off: never in-process",
    )
    witnesses: str = Field(
        "",
        description="Witnesses the sealer hands each new checkpoint to (C2SP tlog-witness): "
        "<witness verifier key>=<URL> entries, separated by commas or spaces (docs/audit.md, "
        '"Witnesses")',
    )
    witness_timeout_seconds: float = Field(
        5.0, gt=0, le=60, description="Longest one submission to a witness may take"
    )
    tsa_url: str | None = Field(
        None,
        pattern=r"^https?://",
        description="An RFC 3161 time-stamping authority each checkpoint note is timestamped by "
        '(docs/audit.md, "Trusted time (RFC 3161)"); unset: none',
    )
    tsa_ca_file: Path | None = Field(
        None,
        description="PEM file of the CA (and intermediates) the TSA's certificate must chain "
        "to; required with LEDGER_TSA_URL",
    )
    tsa_timeout_seconds: float = Field(
        10.0, gt=0, le=120, description="Longest the sealer waits for the TSA's answer"
    )
    access_log: bool = Field(True, description="Record every /v1 request (GB/T 22239 8.1.4.3)")
    # --- the log lines (docs/operations.md, "Logs") ---
    log_format: Literal["text", "json"] = Field(
        "text",
        description="text: lines for a terminal; json: one JSON object a line, for a collector",
    )
    request_log: bool = Field(
        True,
        description="Log one line per request answered (method, route template, status, "
        "duration, bytes, request id, actor) at INFO",
    )
    access_queue_size: int = Field(10_000, ge=1, le=1_000_000)
    access_flush_seconds: float = Field(0.2, gt=0, le=60)
    access_block_seconds: float = Field(
        2.0, ge=0, le=60, description="How long a request waits for room in a full access queue"
    )
    # --- the write path (docs/benchmarks.md) ---
    group_commit: bool = Field(
        True, description="Save concurrent commands together, in one transaction per batch"
    )
    group_commit_max_batch: int = Field(200, ge=1, le=10_000)
    group_commit_max_wait_ms: float = Field(
        2.0, ge=0, le=100, description="Longest a batch waits for commands still being decided"
    )
    group_commit_max_queue: int = Field(
        1000, ge=1, le=100_000, description="Commands waiting beyond this are refused with 503"
    )
    aggregate_cache_size: int = Field(
        1000,
        ge=0,
        le=1_000_000,
        description="Aggregates kept in memory per process (0: none); each read still fetches "
        "newer events, so several processes stay correct",
    )
    pool_pre_ping: bool = Field(
        True, description="Check a pooled PostgreSQL connection each time it is taken"
    )
    snapshot_interval: int = Field(
        100, ge=0, le=1_000_000, description="Snapshot a stream every N events (0: never)"
    )
    # --- the long-running workers (docs/operations.md) ---
    projection_stall_seconds: float = Field(
        60.0,
        gt=0,
        le=86_400,
        description="How long a view may stay behind the log without moving before "
        "`sme-ledger project` reports it stalled (ledger_projection_stalled)",
    )
    drift_check_seconds: float = Field(
        86_400.0,
        ge=0,
        le=366 * 86_400,
        description="How often `sme-ledger project` recomputes each view from the log and "
        'compares it with the stored one (docs/operations.md, "Drift checks"); 0: never',
    )
    reconnect_max_seconds: float = Field(
        30.0,
        gt=0,
        le=600,
        description="Longest wait between a worker's attempts to get its lost database back",
    )
    startup_wait_seconds: float = Field(
        60.0,
        ge=0,
        le=3600,
        description="How long a starting API process, projection daemon or sealer waits for "
        "PostgreSQL to answer before it gives up (a worker replaced during an outage starts "
        "once the database is back)",
    )
    bench_endpoints: bool = Field(
        False, description="Serve POST /v1/_bench/parse (for the benchmark suite only)"
    )

    @field_validator("witnesses")
    @classmethod
    def _witnesses_parse(cls, value: str) -> str:
        parse_witnesses(value)  # its ValueError names the entry that is wrong
        return value

    @property
    def witness_endpoints(self) -> list[WitnessEndpoint]:
        return parse_witnesses(self.witnesses)

    @property
    def store(self) -> StoreConfig:
        return StoreConfig(
            database_url=self.database_url,
            pool_size=self.pool_size,
            max_overflow=self.max_overflow,
            lock_timeout_seconds=self.lock_timeout_seconds,
            pool_wait_seconds=self.pool_wait_seconds,
            aggregate_cache_size=self.aggregate_cache_size,
            snapshot_interval=self.snapshot_interval,
            pre_ping=self.pool_pre_ping,
        )

    @property
    def read_store(self) -> StoreConfig | None:
        """The hot standby reads go to, or ``None`` to read from the primary."""
        if self.read_database_url is None:
            return None
        return replace(self.store, database_url=self.read_database_url)

    def _read_database_problem(self) -> str | None:
        # Named by the variable, never showing the URL: it may hold a password.
        if self.read_database_url is None:
            return None
        name = variable("read_database_url")
        if not StoreConfig(self.read_database_url).is_postgres:
            return f"{name}: a hot standby is a PostgreSQL database (postgresql://...)"
        if not self.store.is_postgres:
            return (
                f"{name}: a hot standby is read only beside a PostgreSQL "
                f"{variable('database_url')}; unset it on SQLite"
            )
        return None

    def _tsa_problem(self) -> str | None:
        if self.tsa_url is not None and self.tsa_ca_file is None:
            return (
                f"{variable('tsa_ca_file')}: set it to the CA file of the time-stamping "
                f"authority of {variable('tsa_url')}, to verify its timestamps"
            )
        return None

    @property
    def group_commit_config(self) -> GroupCommitConfig | None:
        if not self.group_commit:
            return None
        return GroupCommitConfig(
            max_batch=self.group_commit_max_batch,
            max_wait_seconds=self.group_commit_max_wait_ms / 1000,
            max_queue=self.group_commit_max_queue,
        )

    @property
    def migration_url(self) -> str:
        return self.migration_database_url or self.database_url

    @property
    def seal_key_text(self) -> str | None:
        return self.seal_key.get_secret_value() if self.seal_key else None

    @property
    def clock_skew(self) -> timedelta:
        return timedelta(seconds=self.clock_skew_seconds)

    @property
    def time_bounds(self) -> TimeBounds:
        return TimeBounds(
            started_on=self.network_started_on,
            skew=self.clock_skew,
            late_after=timedelta(hours=self.late_entry_hours),
        )


def variable(field: str) -> str:
    """The environment variable of the setting ``field``."""
    return f"{PREFIX}{field.upper()}"


FILE_SUFFIX = "_FILE"


def from_files(environ: Mapping[str, str]) -> dict[str, str]:
    """Settings given as files (``LEDGER_DATABASE_URL_FILE=/run/secrets/db-url``): each file's
    content, less a final newline, is the setting's value (as Docker and Kubernetes secrets are
    mounted). A setting given both ways, or a file that cannot be read, is refused."""
    values, problems = {}, []
    for field in Settings.model_fields:
        name = variable(field)
        path = environ.get(name + FILE_SUFFIX)
        if path is None:
            continue
        if name in environ:
            problems.append(f"{name} and {name}{FILE_SUFFIX} are both set: keep one")
            continue
        try:
            values[field] = Path(path).read_text(encoding="utf-8").removesuffix("\n")
        except OSError as e:
            problems.append(f"{name}{FILE_SUFFIX}: cannot read {path} ({e.strerror})")
    if problems:
        raise SettingsError(problems)
    return values


def unknown_variables(environ: Mapping[str, str]) -> list[str]:
    """A problem for each ``LEDGER_*`` variable no setting reads, with the closest name."""
    known = {variable(name) for name in Settings.model_fields}
    known |= {name + FILE_SUFFIX for name in known}
    problems = []
    for name in sorted(environ):
        if not name.startswith(PREFIX) or name in known or name in OTHER_VARIABLES:
            continue
        if name.startswith(OTHER_PREFIXES):
            continue
        close = difflib.get_close_matches(name, sorted(known), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        problems.append(f"{name} is not a setting{hint}")
    return problems


def _problem(error: Any) -> str:
    field = str(error["loc"][0]) if error["loc"] else ""
    name = variable(field) if field in Settings.model_fields else field
    shown = "" if "seal_key" in field else f" (got {error['input']!r})"
    return f"{name}: {error['msg'].lower()}{shown}"
