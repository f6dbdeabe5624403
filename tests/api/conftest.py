"""The app under test, built by the production factory on a fresh SQLite ledger per test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest
from fastapi import FastAPI

from api.app import create_app
from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import InitialiseLedger, IssueKey
from ledger.application.commands.participants import (
    RegisterConnectedPlatform,
    RegisterEnterprise,
    RegisterInstitution,
)
from ledger.domain.access_key import Role
from ledger.domain.platform import PlatformKind
from projections.catalog import all_projections
from projections.runner import ProjectionRunner
from projections.store import open_view_store
from runtime.bootstrap import build_ledger
from runtime.settings import Settings
from tests.acting import act
from tests.api._conformance import Conformance
from tests.api._support import (
    ENTERPRISE_REGION,
    ENTERPRISE_USCC,
    HUB_USCC,
    INSTITUTION_USCC,
    NOW,
    SETUP,
    WINDOW_A_USCC,
    WINDOW_B_USCC,
    Api,
    Keys,
    MakeApi,
    TestClient,
)
from tests.application.support import CONNECTED_AT
from tests.conftest import FakeClock

FEED_SECONDS = 0.2
"""How long a change feed stays open in these tests."""


@pytest.fixture
def clock() -> FakeClock:
    """Business time stands still at a known moment, so delivery dates are known in advance."""
    return FakeClock(NOW)


def _register_platform(
    ledger: LedgerApplication, kind: PlatformKind, uscc: str, region: str
) -> UUID:
    return act(
        ledger,
        RegisterConnectedPlatform(kind=kind, name=f"{kind} {uscc}", uscc=uscc, region=region),
        SETUP.at(CONNECTED_AT),  # in the network since it started: any history may be recorded
    ).resource_id


def _set_up_network(ledger: LedgerApplication) -> tuple[Keys, UUID, UUID, UUID]:
    """The first admin key, a hub and two windows with their keys, and one enterprise."""
    admin = act(ledger, InitialiseLedger(), SETUP).secret
    hub_id = _register_platform(ledger, PlatformKind.HUB, HUB_USCC, "640000")
    window_a_id = _register_platform(ledger, PlatformKind.WINDOW, WINDOW_A_USCC, "640100")
    window_b_id = _register_platform(ledger, PlatformKind.WINDOW, WINDOW_B_USCC, "640500")
    act(
        ledger,
        RegisterEnterprise(
            uscc=ENTERPRISE_USCC,
            name="宁夏兴庆精密机械有限公司",
            region=ENTERPRISE_REGION,
            industry="industry",
            employees=86,
            revenue_wan=Decimal("4200.00"),
        ),
        SETUP,
    )

    institution_id = act(
        ledger,
        RegisterInstitution(
            uscc=INSTITUTION_USCC,
            name="宁夏中卫科技咨询服务中心",
            region="640500",
            categories=("14",),
        ),
        SETUP,
    ).resource_id

    def key(role: Role, platform_id: UUID | None = None) -> str:
        return act(
            ledger, IssueKey(role=role, platform_id=platform_id, name=role.value), SETUP
        ).secret

    keys = Keys(
        admin=admin,
        hub=key(Role.HUB, hub_id),
        bureau=key(Role.BUREAU),
        auditor=key(Role.AUDITOR),
        window_a=key(Role.WINDOW, window_a_id),
        window_b=key(Role.WINDOW, window_b_id),
        institution=key(Role.INSTITUTION, institution_id),
    )
    return keys, hub_id, window_a_id, window_b_id


@pytest.fixture
def ledger_url(sqlite_url: str) -> str:
    """The database of the app under test: SQLite, unless a module asks for both stores
    (``both_stores``)."""
    return sqlite_url


@pytest.fixture
def make_api(ledger_url: str, clock: FakeClock) -> Iterator[MakeApi]:
    """Builds the app through ``create_app`` (once per test), with its lifespan running.

    ``raise_server_exceptions=False`` lets a test see the 500 a client would see.
    """
    with ExitStack() as stack:

        def make(*, raise_server_exceptions: bool = True, **settings: Any) -> Api:
            # The test client reads an answer whole: a change feed (GET /v1/changes) ends soon,
            # so a test that asks every route is answered.
            settings.setdefault("change_feed_max_seconds", FEED_SECONDS)
            config = Settings(database_url=ledger_url, **settings)
            ledger = build_ledger(config.store, clock=clock, bounds=config.time_bounds)
            stack.callback(ledger.close)
            keys, hub_id, window_a_id, window_b_id = _set_up_network(ledger)
            if config.store.is_postgres:
                stack.enter_context(_projection_worker(ledger, config))
            app = create_app(config, ledger=ledger)
            client = stack.enter_context(
                TestClient(app, raise_server_exceptions=raise_server_exceptions)
            )
            client.event_hooks = {"request": [], "response": [_conformance(app).check]}
            return Api(client, ledger, clock, keys, hub_id, window_a_id, window_b_id)

        yield make


_CONFORMANCE: list[Conformance] = []


def _conformance(app: FastAPI) -> Conformance:
    """The checker of the document (the same for every app of a test process: the response
    schemas do not depend on settings)."""
    if not _CONFORMANCE:
        _CONFORMANCE.append(Conformance(app.openapi()))
    return _CONFORMANCE[0]


@contextmanager
def _projection_worker(ledger: LedgerApplication, config: Settings) -> Iterator[None]:
    """On PostgreSQL the views are kept by `sme-ledger project`: a worker of its own here."""
    runner = ProjectionRunner(ledger, open_view_store(config.store), all_projections())
    stop = threading.Event()
    ledger.after_save.append(lambda _position: runner.wake.set())
    worker = threading.Thread(target=runner.run, args=(stop, 0.05), daemon=True)
    worker.start()
    try:
        yield
    finally:
        stop.set()
        runner.wake.set()
        worker.join(timeout=10)
        runner.store.close()


@pytest.fixture
def api(make_api: MakeApi) -> Api:
    return make_api()
