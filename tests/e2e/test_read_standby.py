"""Reads from a PostgreSQL hot standby: a real primary and a streaming standby of it on this
machine, the app reading views and the log there (LEDGER_READ_DATABASE_URL) and writing to the
primary. A read that names a write's position answers with that write, or waits for the standby
and then says it is behind; a standby that is away fails view reads fast, not writes."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import InitialiseLedger, IssueKey
from ledger.audit.keys import SigningKey
from ledger.audit.pack import export_pack
from ledger.domain.access_key import Role
from ledger.persistence.config import StoreConfig
from ledger.persistence.migrate import migrate
from ledger.persistence.standby import APPLICATION_NAME
from projections.catalog import all_projections, ensure_view_schema
from projections.runner import ProjectionRunner
from projections.store import open_view_store
from runtime.audit import build_sealer
from runtime.bootstrap import build_ledger
from runtime.reads import audit_reads
from runtime.settings import Settings
from tests.acting import act
from tests.api._support import SETUP, new_uscc
from tests.e2e._cluster import Cluster, streaming_standby, throwaway_cluster, wait_for_replay

WAIT_SECONDS = 1.0  # LEDGER_VIEW_WAIT_SECONDS: how long a read waits for the standby
MARGIN_SECONDS = 2.0  # for a busy machine
FAIL_FAST_SECONDS = 3.0  # the pool's wait is 2 s


@dataclass
class Setup:
    primary: Cluster
    standby: Cluster
    client: TestClient
    auditor: dict[str, str]
    ledger: LedgerApplication
    settings: Settings


@pytest.fixture
def setup() -> Iterator[Setup]:
    with ExitStack() as stack:
        primary = stack.enter_context(throwaway_cluster())
        migrate(primary.url)
        ledger = build_ledger(StoreConfig(primary.url))
        stack.callback(ledger.close)
        ensure_view_schema(ledger, StoreConfig(primary.url))
        admin = act(ledger, InitialiseLedger(), SETUP).secret
        auditor = act(
            ledger, IssueKey(role=Role.AUDITOR, platform_id=None, name="auditor"), SETUP
        ).secret
        standby = stack.enter_context(streaming_standby(primary))
        stack.enter_context(ProjectionWorker(ledger, StoreConfig(primary.url)))
        settings = Settings(
            database_url=primary.url,
            read_database_url=standby.url,
            view_wait_seconds=WAIT_SECONDS,
            access_log=False,
        )
        client = stack.enter_context(TestClient(create_app(settings, ledger=ledger)))
        client.headers["Authorization"] = f"Bearer {admin}"
        auditor_key = {"Authorization": f"Bearer {auditor}"}
        yield Setup(primary, standby, client, auditor_key, ledger, settings)


class ProjectionWorker:
    """`sme-ledger project` in a thread: keeps the views on the primary, woken by each save."""

    def __init__(self, ledger: LedgerApplication, config: StoreConfig) -> None:
        self.runner = ProjectionRunner(ledger, open_view_store(config), all_projections())
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.runner.run, args=(self.stop, 0.05))
        ledger.after_save.append(lambda _position: self.runner.wake.set())

    def __enter__(self) -> ProjectionWorker:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.runner.wake.set()
        self.thread.join(timeout=10)
        self.runner.store.close()


def _register(client: TestClient) -> dict[str, object]:
    body = {"kind": "window", "name": "窗口", "uscc": new_uscc(), "region": "640100"}
    written = client.post("/v1/platforms", json=body)
    assert written.status_code == 201, written.text
    answer: dict[str, object] = written.json()
    return answer


def _participants(client: TestClient, position: object) -> httpx.Response:
    response: httpx.Response = client.get(
        "/v1/views/participants", params={"min_position": str(position)}
    )
    return response


def _timed(call: Callable[[], httpx.Response]) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def _read_connections(standby: Cluster) -> int:
    [(count,)] = standby.execute(
        f"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{APPLICATION_NAME}'"
    )
    return int(count)


def _pause_replay(standby: Cluster) -> None:
    standby.execute("SELECT pg_wal_replay_pause()")
    while standby.execute("SELECT pg_get_wal_replay_pause_state()") != [("paused",)]:
        time.sleep(0.02)


def test_a_view_read_through_the_standby_waits_for_the_write_it_names(setup: Setup) -> None:
    client, standby = setup.client, setup.standby
    first = _register(client)

    seen = _participants(client, first["position"])
    assert seen.status_code == 200, seen.text
    assert first["id"] in [p["id"] for p in seen.json()["participants"]]
    after = int(str(first["position"])) - 1
    log = client.get("/v1/events", params={"after": after}, headers=setup.auditor)
    assert log.status_code == 200, log.text
    assert [e["position"] for e in log.json()["events"]] == [first["position"]]
    assert _read_connections(standby) > 0  # the reads went to the standby

    _pause_replay(standby)
    second = _register(client)  # on the primary, and the view there has it
    (behind, seconds) = _timed(lambda: _participants(client, second["position"]))
    assert behind.status_code == 503, behind.text
    assert behind.headers["content-type"] == "application/problem+json"
    assert behind.json()["code"] == "standby_behind"
    assert behind.headers["retry-after"] == "1"
    assert WAIT_SECONDS <= seconds < WAIT_SECONDS + MARGIN_SECONDS
    (log_behind, seconds) = _timed(lambda: client.get("/v1/events", headers=setup.auditor))
    assert log_behind.status_code == 503, log_behind.text
    assert log_behind.json()["code"] == "standby_behind"
    assert seconds < WAIT_SECONDS + MARGIN_SECONDS
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready"
    assert ready["standby"]["lag"] >= 1

    standby.execute("SELECT pg_wal_replay_resume()")
    caught_up = _participants(client, second["position"])
    assert caught_up.status_code == 200, caught_up.text
    assert second["id"] in [p["id"] for p in caught_up.json()["participants"]]


def test_a_standby_away_fails_view_reads_fast_while_writes_go_on(setup: Setup) -> None:
    client, standby = setup.client, setup.standby
    first = _register(client)
    wait_for_replay(setup.primary, standby)
    assert _participants(client, first["position"]).status_code == 200

    standby.crash()
    for _ in range(3):
        (away, seconds) = _timed(lambda: _participants(client, first["position"]))
        assert away.status_code == 503, away.text
        assert away.json()["code"] == "standby_unavailable"
        assert away.headers["retry-after"]
        assert seconds < FAIL_FAST_SECONDS
    for path in ("/v1/events", "/v1/audit/checkpoints/latest"):
        (away, seconds) = _timed(partial(client.get, path, headers=setup.auditor))
        assert away.status_code == 503, (path, away.text)
        assert away.json()["code"] == "standby_unavailable"
        assert seconds < FAIL_FAST_SECONDS
    written = _register(client)
    assert written["position"] > first["position"]  # type: ignore[operator]
    # What is read on the primary goes on: a list, a resource, the access trail.
    assert client.get("/v1/platforms").status_code == 200
    assert client.get(f"/v1/platforms/{written['id']}").status_code == 200
    assert client.get("/v1/audit/access", headers=setup.auditor).status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "degraded"
    assert ready.json()["checks"] == {"database": "ok", "standby": "unavailable"}
    assert "ledger_read_replica_up 0.0" in client.get("/metrics").text

    standby.start()
    deadline = time.monotonic() + 10
    while (back := _participants(client, written["position"])).status_code != 200:
        assert time.monotonic() < deadline, back.text
        time.sleep(0.1)
    scrape = client.get("/metrics").text
    assert "ledger_read_replica_up 1.0" in scrape
    # The standby's pool is one of the named pools (LEDGER_POOL_SIZE + LEDGER_MAX_OVERFLOW).
    assert re.search(r'^ledger_db_pool_connections_max\{pool="read"\} [1-9]', scrape, re.M), scrape


def test_checkpoints_and_evidence_packs_are_read_from_the_standby(
    setup: Setup, tmp_path: Path
) -> None:
    client, standby = setup.client, setup.standby
    sealer = build_sealer(setup.settings, setup.ledger, SigningKey.generate())
    _register(client)
    sealer.seal(force_checkpoint=True)
    wait_for_replay(setup.primary, standby)
    sealed = client.get("/v1/audit/checkpoints/latest", headers=setup.auditor)
    assert sealed.status_code == 200, sealed.text

    _pause_replay(standby)
    _register(client)
    [later] = sealer.seal(force_checkpoint=True).checkpoints  # on the primary only, for now
    still = client.get("/v1/audit/checkpoints/latest", headers=setup.auditor)
    with audit_reads(setup.settings, setup.ledger) as (log, store):
        pack = export_pack(log, store, tmp_path / "pack.zip")
    standby.execute("SELECT pg_wal_replay_resume()")
    wait_for_replay(setup.primary, standby)
    caught_up = client.get("/v1/audit/checkpoints/latest", headers=setup.auditor)

    assert still.json()["tree_size"] == sealed.json()["tree_size"]  # as the standby has it
    assert pack.tree_size == sealed.json()["tree_size"]
    assert later.tree_size > pack.tree_size
    assert caught_up.json()["tree_size"] == later.tree_size
