"""Helpers for application tests: envelopes, registrations and case steps on a real ledger."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from ledger.application.app import LedgerApplication
from ledger.application.commands.cases import (
    Assign,
    CaseStep,
    Close,
    Deliver,
    GiveFeedback,
    OpenCase,
    StepCase,
)
from ledger.application.commands.participants import RegisterConnectedPlatform, RegisterEnterprise
from ledger.application.commands.periods import AllowPostCloseEntries, ClosePeriod
from ledger.application.context import IdempotencyRequest
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import PeriodAlreadyClosedError, PlatformExistsError
from ledger.domain.ids import platform_id
from ledger.domain.platform import PlatformKind
from ledger.domain.service_case import (
    Channel,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
)
from ledger.domain.time import CST
from tests.acting import act

WINDOW_USCC = "91640100MA7AY4CL31"
OTHER_WINDOW_USCC = "91640500MA7272HDX6"
HUB_USCC = "91330100716105852F"
ENTERPRISE_USCC = "91640104MA71TJ3Y8G"
CONNECTED_AT = datetime(2018, 1, 1, tzinfo=CST)
"""When the test network's platforms entered it: before anything the tests record for them."""


def envelope(
    platform_id: UUID | None = None,
    occurred_at: datetime | None = None,
    actor: str = "key:test",
) -> Envelope:
    return Envelope(
        actor=actor,
        platform_id=platform_id,
        correlation_id="req-test",
        causation_id="req-test",
        occurred_at=occurred_at or datetime.now(UTC),
    )


def register_platform(
    ledger: LedgerApplication, uscc: str = WINDOW_USCC, kind: PlatformKind = PlatformKind.WINDOW
) -> UUID:
    outcome = act(
        ledger,
        RegisterConnectedPlatform(
            kind=kind, name=f"Platform {uscc[-4:]}", uscc=uscc, region="640100"
        ),
        envelope(occurred_at=CONNECTED_AT),
    )
    return outcome.resource_id


def register_enterprise(
    ledger: LedgerApplication,
    uscc: str = ENTERPRISE_USCC,
    idempotency: IdempotencyRequest | None = None,
) -> Outcome:
    return act(
        ledger,
        RegisterEnterprise(
            uscc=uscc,
            name="银川某软件有限公司",
            region="640104",
            industry="software_it",
            employees=12,
            revenue_wan=Decimal("80"),
        ),
        envelope(),
        idempotency=idempotency,
    )


def register_a_small_network(
    ledger: LedgerApplication, meta: Envelope, *, employees: int, revenue_wan: int
) -> UUID:
    """A window (银川, 640100) and one enterprise (640104) of ``employees`` and ``revenue_wan``,
    registered under ``meta``; the window's id."""
    window = act(
        ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.WINDOW, name="窗口", uscc="91640100MA7AY4CL31", region="640100"
        ),
        meta,
    ).resource_id
    act(
        ledger,
        RegisterEnterprise(
            uscc="91640104MA71TJ3Y8G",
            name="企业",
            region="640104",
            industry="industry",
            employees=employees,
            revenue_wan=Decimal(revenue_wan),
        ),
        meta,
    )
    return window


def open_case(
    ledger: LedgerApplication,
    window_id: UUID,
    external_ref: str = "W-2026-0001",
    *,
    then: Sequence[CaseStep] = (),
    meta: Envelope | None = None,
    uscc: str = ENTERPRISE_USCC,
    idempotency: IdempotencyRequest | None = None,
) -> Outcome:
    command = OpenCase(
        external_ref=external_ref,
        uscc=uscc,
        category="140300",
        channel=Channel.OFFLINE,
        description="Help filing a utility-model patent.",
        then=tuple(then),
    )
    return act(ledger, command, meta or envelope(window_id), idempotency=idempotency)


def step_case(
    ledger: LedgerApplication,
    case_id: UUID,
    step: CaseStep,
    meta: Envelope,
    *,
    expected_version: int | None = None,
    idempotency: IdempotencyRequest | None = None,
) -> Outcome:
    """One step on a case, at the step's business time (else ``meta``'s)."""
    command = StepCase(case_id=case_id, step=step, occurred_at=step.occurred_at)
    return act(ledger, command, meta, expected_version=expected_version, idempotency=idempotency)


def assign(meta: Envelope) -> Assign:
    return Assign(
        provider_kind=ProviderKind.EXPERT, provider_name="张工", occurred_at=meta.occurred_at
    )


def deliver(meta: Envelope, fee_type: FeeType = FeeType.FREE, fee: str = "0") -> Deliver:
    delivered_on = meta.occurred_at.astimezone(CST).date()
    delivery = Delivery(delivered_on, DeliveryMode.ONSITE, fee_type, Decimal(fee))
    return Deliver(delivery=delivery, occurred_at=meta.occurred_at)


def feedback(meta: Envelope, satisfaction: int = 5) -> GiveFeedback:
    return GiveFeedback(
        feedback=Feedback(satisfaction, "Clear advice."), occurred_at=meta.occurred_at
    )


def close(meta: Envelope) -> Close:
    return Close(note="Done.", occurred_at=meta.occurred_at)


def close_year(ledger: LedgerApplication, year: int) -> None:
    """The hub (registered if the test network has none) closes ``year``, once."""
    try:
        hub = register_platform(ledger, HUB_USCC, PlatformKind.HUB)
    except PlatformExistsError:
        hub = platform_id(HUB_USCC)
    with contextlib.suppress(PeriodAlreadyClosedError):
        act(ledger, ClosePeriod(period=str(year)), envelope(hub))


def allow_entries_for(
    ledger: LedgerApplication, hub_id: UUID, period: str, *platforms: UUID | None
) -> None:
    """The hub allows ``platforms`` (``None``: the network-wide roles) to enter what happened
    in the closed ``period`` for the rest of the week."""
    until = datetime.now(CST).date() + timedelta(days=7)
    for platform in platforms:
        act(
            ledger,
            AllowPostCloseEntries(
                period_id=ids.period_id(period),
                platform_id=platform,
                until=until,
                reason="补录",
            ),
            envelope(hub_id),
        )
