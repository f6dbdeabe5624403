"""Helpers for onboarding tests on a real ledger: experts, an application, and its path."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.experts import RegisterExpert
from ledger.application.commands.onboarding import (
    ApproveOnboarding,
    ConcludeOnboardingReview,
    PublishOnboardingNotice,
    RecordExpertReview,
    SubmitOnboardingApplication,
)
from ledger.application.commands.participants import RegisterConnectedPlatform, RegisterEnterprise
from ledger.domain.envelope import Envelope
from ledger.domain.platform import PlatformKind

# Each step is recorded on the day it happened, as the ledger would have recorded it.
from tests.acting import act_on_its_day as act
from tests.application.support import HUB_USCC
from tests.conftest import FakeClock

APPLICANT_USCC = "91640400MA76A1B2C9"
SECOND_APPLICANT_USCC = "91640300MA77D3E4FQ"
MATERIALS = "5f" * 32

# 10:00 in Ningxia on 2 March 2026: the application is filed; the notice runs 3 to 7 March.
FILED_AT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
NOTICE_STARTS = date(2026, 3, 3)
NOTICE_ENDS = date(2026, 3, 7)
# 10:00 in Ningxia on 8 March 2026, the first day a window may be connected.
AFTER_NOTICE = datetime(2026, 3, 8, 2, 0, tzinfo=UTC)


def hub_meta(
    hub_id: UUID | None, occurred_at: datetime = FILED_AT, actor: str = "key:hub"
) -> Envelope:
    return Envelope(
        actor=actor,
        platform_id=hub_id,
        correlation_id="req-onboarding",
        causation_id="req-onboarding",
        occurred_at=occurred_at,
    )


def during_notice(day: int = 0) -> datetime:
    """10:00 in Ningxia on day ``day`` of the notice (0 is its first day)."""
    return datetime(2026, 3, 3, 2, 0, tzinfo=UTC) + timedelta(days=day)


def register_experts(ledger: LedgerApplication, hub_id: UUID, count: int = 3) -> list[UUID]:
    return [
        act(
            ledger,
            RegisterExpert(
                external_ref=f"EXP-{hub_id.hex[:6]}-{n}",
                name=f"专家{n}",
                fields=("14",),
                organisation="宁夏大学",
                title="教授",
            ),
            hub_meta(hub_id, FILED_AT - timedelta(days=10)),
        ).resource_id
        for n in range(count)
    ]


def submit(
    ledger: LedgerApplication,
    hub_id: UUID,
    external_ref: str = "ONB-2026-001",
    uscc: str = APPLICANT_USCC,
) -> UUID:
    return act(
        ledger,
        SubmitOnboardingApplication(
            external_ref=external_ref,
            applicant_name="固原市中小企业服务中心",
            uscc=uscc,
            region="640400",
            categories=("10", "14"),
            coverage="固原市原州区、西吉县",
            materials_sha256=MATERIALS,
        ),
        hub_meta(hub_id),
    ).resource_id


def bring_to_notice(
    ledger: LedgerApplication, hub_id: UUID, application_id: UUID, experts: list[UUID]
) -> None:
    """Reviews by ``experts``, the conclusion, the bureau's approval and a notice of 3–7 March."""
    review_at = FILED_AT + timedelta(hours=4)
    for expert_id, score in zip(experts, (82, 75, 90), strict=False):
        act(
            ledger,
            RecordExpertReview(
                application_id=application_id,
                expert_id=expert_id,
                score=score,
                opinion="材料齐全，服务能力较强",
            ),
            hub_meta(hub_id, review_at),
        )
    act(
        ledger,
        ConcludeOnboardingReview(application_id=application_id, opinion="同意报批"),
        hub_meta(hub_id, review_at),
    )
    bureau = hub_meta(None, review_at + timedelta(hours=1), actor="key:bureau")
    act(ledger, ApproveOnboarding(application_id=application_id, note="同意接入"), bureau)
    act(
        ledger,
        PublishOnboardingNotice(
            application_id=application_id,
            starts_on=NOTICE_STARTS,
            ends_on=NOTICE_ENDS,
            channel="https://www.nxsme.gov.cn/gs/2026-001",
        ),
        hub_meta(hub_id, review_at + timedelta(hours=2)),
    )


def register_platform_at(
    ledger: LedgerApplication, uscc: str, kind: PlatformKind = PlatformKind.WINDOW
) -> UUID:
    """A platform registered as connected a month before the application was filed."""
    return act(
        ledger,
        RegisterConnectedPlatform(
            kind=kind, name=f"Platform {uscc[-4:]}", uscc=uscc, region="640100"
        ),
        hub_meta(None, FILED_AT - timedelta(days=30), actor="key:admin"),
    ).resource_id


def register_enterprise_at(ledger: LedgerApplication, uscc: str) -> None:
    act(
        ledger,
        RegisterEnterprise(
            uscc=uscc,
            name="固原某食品有限公司",
            region="640402",
            industry="industry",
            employees=40,
            revenue_wan=Decimal("900"),
        ),
        hub_meta(None, FILED_AT, actor="key:admin"),
    )


# --- fixtures an onboarding test module imports: a clock after the notice, the hub, its experts


@pytest.fixture(name="clock")
def clock_after_the_notice() -> FakeClock:
    """Now is the first day a window filed on 2 March may be connected (8 March, 10:00 CST)."""
    return FakeClock(AFTER_NOTICE)


@pytest.fixture(name="hub_id")
def registered_hub(clocked_ledger: LedgerApplication) -> UUID:
    return register_platform_at(clocked_ledger, HUB_USCC, PlatformKind.HUB)


@pytest.fixture(name="experts")
def registered_experts(clocked_ledger: LedgerApplication, hub_id: UUID) -> list[UUID]:
    return register_experts(clocked_ledger, hub_id)
