"""Helpers for application tests: envelopes, registrations and case steps on a real ledger."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from uuid import UUID

from ledger.application import LedgerApplication
from ledger.domain.platform import PlatformKind
from ledger.domain.service_case import (
    CST,
    Assignment,
    Channel,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
    ServiceCase,
)
from ledger.envelope import Envelope
from ledger.uow import IdempotencyRequest, Outcome

Step = Callable[[ServiceCase], None]

WINDOW_USCC = "91640100MA7AY4CL31"
OTHER_WINDOW_USCC = "91640500MA7272HDX6"
HUB_USCC = "91330100716105852F"
ENTERPRISE_USCC = "91640104MA71TJ3Y8G"


def envelope(
    platform_id: UUID | None = None,
    occurred_at: datetime | None = None,
    actor: str = "key:test",
) -> Envelope:
    return Envelope(
        actor=actor,
        platform_id=platform_id,
        correlation_id="req-test",
        causation_id=None,
        occurred_at=occurred_at or datetime.now(UTC),
    )


def register_platform(
    ledger: LedgerApplication, uscc: str = WINDOW_USCC, kind: PlatformKind = PlatformKind.WINDOW
) -> UUID:
    outcome = ledger.register_connected_platform(
        kind=kind, name=f"Platform {uscc[-4:]}", uscc=uscc, region="640100", meta=envelope()
    )
    return outcome.resource_id


def register_enterprise(
    ledger: LedgerApplication,
    uscc: str = ENTERPRISE_USCC,
    idempotency: IdempotencyRequest | None = None,
) -> Outcome:
    return ledger.register_enterprise(
        uscc=uscc,
        name="银川某软件有限公司",
        region="640104",
        industry="software_it",
        employees=12,
        revenue_wan=Decimal("80"),
        meta=envelope(),
        idempotency=idempotency,
    )


def open_case(
    ledger: LedgerApplication,
    window_id: UUID,
    external_ref: str = "W-2026-0001",
    *,
    then: Sequence[Step] = (),
    meta: Envelope | None = None,
    uscc: str = ENTERPRISE_USCC,
    idempotency: IdempotencyRequest | None = None,
) -> Outcome:
    return ledger.open_case(
        external_ref=external_ref,
        uscc=uscc,
        category="140300",
        channel=Channel.OFFLINE,
        description="Help filing a utility-model patent.",
        meta=meta or envelope(window_id),
        then=then,
        idempotency=idempotency,
    )


def assign(meta: Envelope) -> Step:
    return lambda case: case.assign(Assignment(ProviderKind.EXPERT, "张工"), meta)


def deliver(meta: Envelope, fee_type: FeeType = FeeType.FREE, fee: str = "0") -> Step:
    delivered_on = meta.occurred_at.astimezone(CST).date()
    delivery = Delivery(delivered_on, DeliveryMode.ONSITE, fee_type, Decimal(fee))
    return lambda case: case.deliver(delivery, meta)


def feedback(meta: Envelope, satisfaction: int = 5) -> Step:
    return lambda case: case.record_feedback(Feedback(satisfaction, "Clear advice."), meta)


def close(meta: Envelope) -> Step:
    return lambda case: case.close("Done.", meta)
