"""Builders for the onboarding and expert-pool domain tests: no I/O, business time by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from ledger.domain.envelope import Envelope
from ledger.domain.expert import Expert
from ledger.domain.onboarding import OnboardingApplication
from ledger.domain.public_notice import ObjectionOutcome

HUB_ID = UUID("00000000-0000-4000-8000-0000000000a1")
APPLICANT_USCC = "91640100MA7AY4CL31"
MATERIALS = "ab" * 32

# 10:00 in Ningxia (UTC+8) on 2 March 2026, the day the application is filed.
FILED_AT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
FILED_ON = date(2026, 3, 2)
# The notice the builders publish: 3 to 7 March 2026, five days, both ends included.
NOTICE_STARTS = date(2026, 3, 3)
NOTICE_ENDS = date(2026, 3, 7)


def at(moment: datetime, actor: str = "key:hub") -> Envelope:
    return Envelope(
        actor=actor,
        platform_id=HUB_ID,
        correlation_id="req-test",
        causation_id=None,
        occurred_at=moment,
    )


def after(days: float = 0, hours: float = 0) -> Envelope:
    """The hub's envelope ``days`` and ``hours`` after the application was filed."""
    return at(FILED_AT + timedelta(days=days, hours=hours))


def on(day: date, hour: int = 10, minute: int = 0) -> Envelope:
    """The hub's envelope at ``hour:minute`` Ningxia time on ``day``."""
    cst = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) - timedelta(hours=8)
    return at(cst)


def expert(number: int = 1, *, active: bool = True) -> Expert:
    pooled = Expert.register(
        external_ref=f"EXP-{number:03d}",
        name=f"专家{number}",
        fields=["14", "140300"],
        organisation="宁夏大学",
        title="教授",
        meta=at(FILED_AT - timedelta(days=30)),
    )
    if not active:
        pooled.deactivate(reason="退出专家库", meta=at(FILED_AT - timedelta(days=1)))
    return pooled


def submitted(**overrides: object) -> OnboardingApplication:
    fields: dict[str, object] = {
        "external_ref": "ONB-2026-001",
        "applicant_name": " 固原市中小企业服务中心 ",
        "uscc": APPLICANT_USCC,
        "region": "640400",
        "categories": ["14", "10", "14"],
        "coverage": "固原市原州区、西吉县",
        "materials_sha256": MATERIALS.upper(),
        "meta": at(FILED_AT),
        **overrides,
    }
    # The overrides are loosely typed on purpose: tests send wrong values too.
    return OnboardingApplication.submit(**fields)  # type: ignore[arg-type]


def reviewed(scores: tuple[int, ...] = (80, 70, 91)) -> OnboardingApplication:
    application = submitted()
    for number, score in enumerate(scores, start=1):
        application.record_review(
            expert=expert(number), score=score, opinion="材料齐全", meta=after(days=1)
        )
    return application


def concluded(scores: tuple[int, ...] = (80, 70, 91)) -> OnboardingApplication:
    application = reviewed(scores)
    application.conclude_review(opinion="同意报批", meta=after(days=1, hours=2))
    return application


def approved() -> OnboardingApplication:
    application = concluded()
    application.approve(note="同意", meta=after(days=1, hours=4))
    return application


def rejected() -> OnboardingApplication:
    application = concluded()
    application.reject(reasons="服务能力不足", meta=after(days=1, hours=4))
    return application


def in_notice() -> OnboardingApplication:
    application = approved()
    application.publish_notice(
        starts_on=NOTICE_STARTS,
        ends_on=NOTICE_ENDS,
        channel="https://www.nxsme.gov.cn/gs/2026-001",
        meta=after(days=1, hours=5),
    )
    return application


def with_objection() -> OnboardingApplication:
    application = in_notice()
    application.file_objection(
        objector="某企业",
        grounds="服务场地与申报不符",
        evidence_sha256=None,
        meta=on(NOTICE_STARTS),
    )
    return application


def refused() -> OnboardingApplication:
    application = with_objection()
    application.resolve_objection(
        number=1, outcome=ObjectionOutcome.UPHELD, reasons="经核实属实", meta=on(NOTICE_ENDS)
    )
    return application


def connected() -> OnboardingApplication:
    application = in_notice()
    application.connect(meta=on(NOTICE_ENDS + timedelta(days=1)))
    return application


def withdrawn() -> OnboardingApplication:
    application = submitted()
    application.withdraw(reason="申请单位撤回", meta=after(days=1))
    return application
