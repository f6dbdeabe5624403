"""Builders for domain tests: envelopes and service cases at each step, with no I/O."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Protocol, TypeVar
from uuid import UUID

import pytest

from ledger.domain.envelope import Envelope
from ledger.domain.errors import LedgerError, RuleViolationError
from ledger.domain.service_case import (
    Assignment,
    Channel,
    Delivery,
    DeliveryMode,
    Demand,
    Feedback,
    FeeType,
    ProviderKind,
    ServiceCase,
)

# 09:30 in Ningxia (UTC+8) on 2 March 2026: the business date is the same in UTC and in CST.
OPENED_AT = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
OPENED_ON = date(2026, 3, 2)
WINDOW_ID = UUID("00000000-0000-4000-8000-000000000001")
OTHER_WINDOW_ID = UUID("00000000-0000-4000-8000-000000000002")
ENTERPRISE_ID = UUID("00000000-0000-4000-8000-0000000000e1")
INSTITUTION_ID = UUID("00000000-0000-4000-8000-0000000000c1")
ENTERPRISE_USCC = "91640104MA71TJ3Y8G"


def meta(
    platform_id: UUID | None = WINDOW_ID,
    occurred_at: datetime = OPENED_AT,
    actor: str = "key:test",
) -> Envelope:
    return Envelope(
        actor=actor,
        platform_id=platform_id,
        correlation_id="req-test",
        causation_id=None,
        occurred_at=occurred_at,
    )


def later(hours: float) -> Envelope:
    """The owning window's envelope ``hours`` after the case was opened."""
    return meta(occurred_at=OPENED_AT + timedelta(hours=hours))


def demand(external_ref: str = "W-2026-0001", category: str = "140300") -> Demand:
    return Demand(
        external_ref=external_ref,
        enterprise_id=ENTERPRISE_ID,
        uscc=ENTERPRISE_USCC,
        category=category,
        channel=Channel.OFFLINE,
        description="Help filing a utility-model patent.",
    )


ASSIGNMENT = Assignment(ProviderKind.INSTITUTION, "宁夏知识产权服务中心", INSTITUTION_ID)
FREE_DELIVERY = Delivery(OPENED_ON, DeliveryMode.ONSITE, FeeType.FREE, Decimal(0))
PAID_DELIVERY = Delivery(OPENED_ON, DeliveryMode.ONLINE, FeeType.PAID, Decimal("300"))
FEEDBACK = Feedback(satisfaction=5, comment="Quick and clear.")


def opened_case() -> ServiceCase:
    return ServiceCase.open(window_id=WINDOW_ID, demand=demand(), meta=meta())


def assigned_case() -> ServiceCase:
    case = opened_case()
    case.assign(ASSIGNMENT, later(1))
    return case


def delivered_case(delivery: Delivery = FREE_DELIVERY) -> ServiceCase:
    case = assigned_case()
    case.deliver(delivery, later(2))
    return case


def case_with_feedback() -> ServiceCase:
    case = delivered_case()
    case.record_feedback(FEEDBACK, later(3))
    return case


def closed_case() -> ServiceCase:
    case = delivered_case()
    case.close("Done.", later(4))
    return case


def cancelled_case() -> ServiceCase:
    case = opened_case()
    case.cancel("The enterprise withdrew its demand.", later(1))
    return case


def assert_refused(code: str, action: Callable[[], object]) -> RuleViolationError:
    """``action`` breaks the rule ``code``, with a detail that says why."""
    with pytest.raises(RuleViolationError) as excinfo:
        action()
    assert excinfo.value.code == code
    assert excinfo.value.detail
    return excinfo.value


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


V = TypeVar("V", bound=Versioned)


def assert_refused_unchanged(aggregate: V, code: str, action: Callable[[V], object]) -> None:
    """``action`` on ``aggregate`` breaks the rule ``code`` and records nothing."""
    version = aggregate.version

    assert_refused(code, lambda: action(aggregate))

    assert aggregate.version == version


def refusal_code(action: Callable[[], object], error: type[LedgerError] = LedgerError) -> str:
    """The code of the ``error`` ``action`` fails with."""
    with pytest.raises(error) as excinfo:
        action()
    return excinfo.value.code
