"""The ledger end to end on PostgreSQL, built by the production factory: the SQLite flows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from uuid import UUID

import psycopg
import pytest

from ledger.application import interface
from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import Assign, Cancel, CaseStep, Close, Deliver, GiveFeedback
from ledger.application.commands.participants import RegisterConnectedPlatform, RegisterEnterprise
from ledger.application.context import IdempotencyRequest
from ledger.application.writes import Outcome
from ledger.domain.errors import (
    EnterpriseExistsError,
    ExternalRefExistsError,
    IdempotencyKeyReusedError,
    PlatformExistsError,
    PreconditionFailedError,
    ServiceCaseNotFoundError,
)
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.service_case import (
    CaseStatus,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
    ServiceCase,
)
from ledger.domain.time import CST
from ledger.persistence.config import StoreConfig
from ledger.persistence.postgres import LedgerPostgresRecorder
from runtime.bootstrap import build_ledger
from tests.acting import act
from tests.application.support import step_case
from tests.integration._support import (
    ACTOR,
    ENTERPRISE_USCC,
    REGION,
    WINDOW_USCC,
    Network,
    envelope,
    event_rows,
    open_case,
)

EVENT_TYPES = [
    "ServiceCase.Opened",
    "ServiceCase.Assigned",
    "ServiceCase.Delivered",
    "ServiceCase.FeedbackReceived",
    "ServiceCase.Closed",
]


def today_in_ningxia() -> date:
    return envelope(None).occurred_at.astimezone(CST).date()


def take_case_to_closure(ledger: LedgerApplication, network: Network) -> list[Outcome]:
    """Open, assign, deliver, feedback, close: one outcome per step."""
    opened = open_case(ledger, network, "YC-2026-0100")
    case_id = opened.resource_id

    def step(action: CaseStep) -> Outcome:
        return step_case(ledger, case_id, action, network.meta())

    delivery = Delivery(today_in_ningxia(), DeliveryMode.ONSITE, FeeType.PAID, Decimal("300.00"))
    return [
        opened,
        step(Assign(provider_kind=ProviderKind.EXPERT, provider_name="李会计师")),
        step(Deliver(delivery=delivery)),
        step(GiveFeedback(feedback=Feedback(5, "很满意"))),
        step(Close(note="服务完成")),
    ]


def test_the_factory_builds_the_ledger_on_our_recorder_and_the_migrated_table(
    pg_ledger: LedgerApplication,
) -> None:
    assert isinstance(pg_ledger.recorder, LedgerPostgresRecorder)
    assert pg_ledger.recorder.events_table_name == "ledger_events"


def test_a_case_goes_from_opening_to_closure(
    pg_ledger: LedgerApplication, network: Network
) -> None:
    outcomes = take_case_to_closure(pg_ledger, network)

    assert [o.version for o in outcomes] == [1, 2, 3, 4, 5]
    assert [o.body["status"] for o in outcomes] == [
        "opened",
        "assigned",
        "delivered",
        "feedback_received",
        "closed",
    ]
    case = pg_ledger.get(ServiceCase, outcomes[0].resource_id)
    assert case.status is CaseStatus.CLOSED
    assert case.delivery == Delivery(
        today_in_ningxia(), DeliveryMode.ONSITE, FeeType.PAID, Decimal("300.00")
    )
    assert case.feedback == Feedback(5, "很满意")
    assert case.closure_note == "服务完成"
    assert interface.service_case_view(case) == outcomes[-1].body


def test_a_ledger_built_afresh_reads_what_another_recorded(
    pg_ledger: LedgerApplication,
    network: Network,
    make_ledger: Callable[[str], LedgerApplication],
    postgres_url: str,
) -> None:
    outcomes = take_case_to_closure(pg_ledger, network)

    other = make_ledger(postgres_url)

    case = other.get(ServiceCase, outcomes[0].resource_id)
    assert interface.service_case_view(case) == outcomes[-1].body
    assert isinstance(other.get(Platform, network.window_id), Platform)
    assert other.lookups.enterprise(ENTERPRISE_USCC).revenue_wan == Decimal("800.00")


def test_history_lists_a_cases_events_with_their_log_positions(
    pg_ledger: LedgerApplication, network: Network
) -> None:
    outcomes = take_case_to_closure(pg_ledger, network)

    history = pg_ledger.history(outcomes[0].resource_id)

    assert [interface.event_type(e.topic) for e in history] == EVENT_TYPES
    assert [e.event.originator_version for e in history] == [1, 2, 3, 4, 5]
    assert [e.position for e in history] == [o.position for o in outcomes]
    assert [e.position for e in history] == sorted({e.position for e in history})


def test_the_log_lists_every_event_in_position_order(
    pg_ledger: LedgerApplication, network: Network, postgres_url: str
) -> None:
    outcomes = take_case_to_closure(pg_ledger, network)

    page = pg_ledger.log_page(after=0, limit=100)

    assert [interface.event_type(e.topic) for e in page] == [
        "Platform.RegisteredAsConnected",
        "Enterprise.Registered",
        *EVENT_TYPES,
    ]
    assert [e.position for e in page] == [row[0] for row in event_rows(postgres_url)]
    assert [e.position for e in page][2:] == [o.position for o in outcomes]
    assert pg_ledger.head_position() == page[-1].position


def test_log_pages_continue_where_the_previous_page_ended(
    pg_ledger: LedgerApplication, network: Network
) -> None:
    take_case_to_closure(pg_ledger, network)
    everything = pg_ledger.log_page(after=0, limit=100)

    pages: list[int] = []
    after = 0
    while page := pg_ledger.log_page(after=after, limit=3):
        assert len(page) <= 3
        pages.extend(e.position for e in page)
        after = page[-1].position

    assert pages == [e.position for e in everything]
    assert pg_ledger.log_page(after=everything[-1].position, limit=10) == []


def test_a_case_can_be_read_as_it_stood_at_each_version(
    pg_ledger: LedgerApplication, network: Network
) -> None:
    outcomes = take_case_to_closure(pg_ledger, network)
    case_id = outcomes[0].resource_id

    for outcome in outcomes:
        then = pg_ledger.get(ServiceCase, case_id, version=outcome.version)
        assert then.version == outcome.version
        assert interface.service_case_view(then) == outcome.body


def test_a_version_a_case_never_had_is_not_found(
    pg_ledger: LedgerApplication, network: Network
) -> None:
    outcomes = take_case_to_closure(pg_ledger, network)

    with pytest.raises(ServiceCaseNotFoundError, match="no version 6"):
        pg_ledger.get(ServiceCase, outcomes[0].resource_id, version=6)


def test_a_case_can_be_read_as_it_stood_at_a_record_time(
    pg_ledger: LedgerApplication, network: Network
) -> None:
    outcomes = take_case_to_closure(pg_ledger, network)
    case_id = outcomes[0].resource_id
    assigned_at = pg_ledger.get(ServiceCase, case_id, version=2).modified_on

    then = pg_ledger.get_as_of(case_id, ServiceCase, assigned_at, ServiceCaseNotFoundError)

    assert then.version == 2
    assert then.status is CaseStatus.ASSIGNED


def test_a_stale_if_match_version_is_refused_and_nothing_is_recorded(
    pg_ledger: LedgerApplication, network: Network, postgres_url: str
) -> None:
    opened = open_case(pg_ledger, network, "YC-2026-0101")
    step_case(
        pg_ledger,
        opened.resource_id,
        Assign(provider_kind=ProviderKind.EXPERT, provider_name="专家"),
        network.meta(),
    )
    before = event_rows(postgres_url)

    with pytest.raises(PreconditionFailedError):
        step_case(
            pg_ledger,
            opened.resource_id,
            Cancel(reason="重复登记"),
            network.meta(),
            expected_version=1,
        )

    assert event_rows(postgres_url) == before


def test_identities_already_recorded_are_refused(
    pg_ledger: LedgerApplication, network: Network
) -> None:
    open_case(pg_ledger, network, "YC-2026-0102")

    with pytest.raises(ExternalRefExistsError):
        open_case(pg_ledger, network, "YC-2026-0102")
    with pytest.raises(PlatformExistsError):
        act(
            pg_ledger,
            RegisterConnectedPlatform(
                kind=PlatformKind.WINDOW, name="again", uscc=WINDOW_USCC, region=REGION
            ),
            envelope(None),
        )
    with pytest.raises(EnterpriseExistsError):
        act(
            pg_ledger,
            RegisterEnterprise(
                uscc=ENTERPRISE_USCC,
                name="again",
                region=REGION,
                industry="software_it",
                employees=1,
                revenue_wan=Decimal(1),
            ),
            envelope(None),
        )


def test_a_retried_idempotent_request_gets_the_first_response(
    pg_ledger: LedgerApplication, network: Network, postgres_url: str
) -> None:
    request = IdempotencyRequest(ACTOR, "retry-me", "fingerprint-1")
    first = open_case(pg_ledger, network, "YC-2026-0103", idempotency=request)
    rows = event_rows(postgres_url)

    again = open_case(pg_ledger, network, "YC-2026-0103", idempotency=request)

    assert (again.replayed, first.replayed) == (True, False)
    assert (again.resource_id, again.version, again.position, again.body) == (
        first.resource_id,
        first.version,
        first.position,
        first.body,
    )
    assert event_rows(postgres_url) == rows


def test_a_key_taken_while_the_command_decided_rolls_back_the_commands_events(
    pg_ledger: LedgerApplication,
    network: Network,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = event_rows(postgres_url)
    original = pg_ledger.lookups.connected_window

    def take_the_key_first(platform_id: UUID) -> Platform:
        # Another request records the same key after this one found it free.
        with psycopg.connect(postgres_url) as conn:
            conn.execute(
                "INSERT INTO ledger_idempotency (scope, key, fingerprint, status, "
                "resource_type, resource_id, version, body, position) "
                "VALUES (%s, 'taken', 'another request', 201, 'service_case', %s, 1, "
                "'{}'::bytea, 1)",
                (ACTOR, platform_id),
            )
        return original(platform_id)

    monkeypatch.setattr(pg_ledger.lookups, "connected_window", take_the_key_first)

    with pytest.raises(IdempotencyKeyReusedError):
        open_case(
            pg_ledger,
            network,
            "YC-2026-0104",
            idempotency=IdempotencyRequest(ACTOR, "taken", "this request"),
        )

    assert event_rows(postgres_url) == rows


def test_the_ledger_reconnects_after_postgresql_drops_its_connections(
    pg_ledger: LedgerApplication, network: Network, postgres_url: str
) -> None:
    open_case(pg_ledger, network, "YC-2026-0105")
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        terminated = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    assert terminated, "the ledger held connections to drop"

    outcome = open_case(pg_ledger, network, "YC-2026-0106")

    assert pg_ledger.get(ServiceCase, outcome.resource_id).version == 1


def test_connection_parameters_in_the_database_url_are_honoured_or_refused(
    postgres_url: str,
) -> None:
    url = f"{postgres_url}?application_name=ledger-url-probe"
    try:
        ledger = build_ledger(StoreConfig(url))
    except ValueError:
        return  # Refusing parameters it cannot pass on is as good as honouring them.
    try:
        ledger.ping()
        with psycopg.connect(postgres_url) as conn:
            names = {
                row[0]
                for row in conn.execute(
                    "SELECT application_name FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            }
    finally:
        ledger.close()
    assert "ledger-url-probe" in names
