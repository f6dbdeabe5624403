"""Connecting windows on PostgreSQL under a race: one USCC becomes one platform, whatever the
number of applications or writers, and a lost race leaves nothing half-saved.

The racing threads meet at a barrier placed after the connection's check that the USCC is not
yet a platform, so all of them pass that check before any of them saves: the atomic save (the
platform's stream id is derived from the USCC) is what is under test.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.onboarding import ConnectOnboardedWindow
from ledger.application.handlers.onboarding import OnboardingApplications
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.errors import ApplicantAlreadyConnectedError, ConcurrentModificationError
from ledger.domain.onboarding import ApplicationStatus, OnboardingApplication
from ledger.domain.platform import Platform, PlatformKind
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger
from tests.acting import act
from tests.application.onboarding_support import (
    AFTER_NOTICE,
    APPLICANT_USCC,
    MATERIALS,
    bring_to_notice,
    hub_meta,
    register_experts,
    register_platform_at,
    submit,
)
from tests.application.support import HUB_USCC
from tests.conftest import FakeClock
from tests.integration._support import event_rows, failures, race, sole_winner, start_line

THREADS = 8


@pytest.fixture
def ledgers(postgres_url: str) -> Iterator[list[LedgerApplication]]:
    """One ledger per racing thread (a server process each), all on the same database."""
    clock = FakeClock(AFTER_NOTICE)
    built = [
        build_ledger(StoreConfig(postgres_url, pool_size=1, max_overflow=1), clock=clock)
        for _ in range(THREADS)
    ]
    yield built
    for ledger in built:
        ledger.close()


@pytest.fixture
def hub_id(ledgers: list[LedgerApplication]) -> UUID:
    return register_platform_at(ledgers[0], HUB_USCC, PlatformKind.HUB)


def hold_after_the_check(
    monkeypatch: pytest.MonkeyPatch, ledgers: list[LedgerApplication], start: threading.Barrier
) -> None:
    """Each thread's first USCC check passes, then waits for every other thread to pass it."""
    waited = threading.local()
    for ledger in ledgers:
        onboarding = ledger.capability(OnboardingApplication)
        assert isinstance(onboarding, OnboardingApplications)
        original = onboarding._check_uscc_not_a_platform

        def check(uscc: str, original: Callable[[str], None] = original) -> None:
            original(uscc)
            if not getattr(waited, "done", False):
                waited.done = True
                start.wait()

        monkeypatch.setattr(onboarding, "_check_uscc_not_a_platform", check)


def recorded_before_claims(ledger: LedgerApplication, hub_id: UUID, external_ref: str) -> UUID:
    """An application of the applicant as a log from before one-application-per-applicant holds
    it: saved without a claim on its USCC."""
    application = OnboardingApplication.submit(
        external_ref=external_ref, applicant_name="固原市中小企业服务中心", uscc=APPLICANT_USCC,
        region="640400", categories=["10", "14"], coverage="固原市原州区",
        materials_sha256=MATERIALS, meta=hub_meta(hub_id),
    )  # fmt: skip
    ledger.save(application)
    return application.id


def test_racing_connections_of_one_uscc_create_exactly_one_platform(
    ledgers: list[LedgerApplication],
    hub_id: UUID,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    experts = register_experts(ledgers[0], hub_id)
    # One applicant has one open application now; a log from before that rule may hold several.
    applications = [
        recorded_before_claims(ledgers[0], hub_id, f"ONB-RACE-{i}") for i in range(THREADS)
    ]
    for application_id in applications:
        bring_to_notice(ledgers[0], hub_id, application_id, experts)
    rows_before = len(event_rows(postgres_url))
    start = start_line(THREADS)
    hold_after_the_check(monkeypatch, ledgers, start)

    def attempt(i: int) -> Outcome:
        return act(
            ledgers[i],
            ConnectOnboardedWindow(application_id=applications[i]),
            hub_meta(hub_id, AFTER_NOTICE),
        )

    results = race(start, attempt)

    winner, _ = sole_winner(results, ApplicantAlreadyConnectedError, THREADS)
    platform = ledgers[0].get(Platform, ids.platform_id(APPLICANT_USCC))
    assert platform.application_id == applications[winner]
    statuses = [ledgers[0].get(OnboardingApplication, a).status for a in applications]
    assert statuses.count(ApplicationStatus.CONNECTED) == 1
    assert statuses.count(ApplicationStatus.IN_NOTICE) == THREADS - 1
    assert len(event_rows(postgres_url)) == rows_before + 2, "one Connected, one platform"


def test_racing_connections_of_one_application_have_one_winner(
    ledgers: list[LedgerApplication],
    hub_id: UUID,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    experts = register_experts(ledgers[0], hub_id)
    application_id = submit(ledgers[0], hub_id, "ONB-RACE-ONE")
    bring_to_notice(ledgers[0], hub_id, application_id, experts)
    rows_before = len(event_rows(postgres_url))
    start = start_line(THREADS)
    hold_after_the_check(monkeypatch, ledgers, start)

    results = race(
        start,
        lambda i: act(
            ledgers[i],
            ConnectOnboardedWindow(application_id=application_id),
            hub_meta(hub_id, AFTER_NOTICE),
        ),
    )

    assert len([r for r in results if isinstance(r, Outcome)]) == 1, results
    # The application was connected by the winner: the losers lost a race on it, not on the USCC.
    assert [type(e) for e in failures(results)] == [ConcurrentModificationError] * (THREADS - 1)
    assert len(event_rows(postgres_url)) == rows_before + 3, "Connected, platform, claim released"
