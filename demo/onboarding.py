"""Windows that join during the year through the full onboarding path (Art. 10): filed with the
hub → reviewed by a panel of the expert pool → concluded → approved by the bureau → on public
notice (one objection, dismissed) → connected after the notice ends. One more application fails
its review and is rejected; another is withdrawn by its applicant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import cast
from uuid import UUID

from demo.names import (
    CITIES,
    CITY_CODES,
    REVIEW_OPINIONS_FAILED,
    REVIEW_OPINIONS_PASSED,
    uscc,
)
from demo.world import DemoWorld, Window
from ledger.domain import reference
from ledger.domain.platform import Platform
from ledger.domain.public_notice import MIN_NOTICE_DAYS, ObjectionOutcome

NOTICE_CHANNEL = "宁夏中小企业公共服务平台网站“公示公告”栏目"


class Fate(Enum):
    CONNECTED = "connected"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Applicant:
    city_code: str
    region: str
    fate: Fate
    files_from: date
    files_by: date
    objection: bool = False


def applicants(year: int) -> list[Applicant]:
    """Who applies, when, and what becomes of it: onboarding spans months."""
    return [
        Applicant("640100", "640106", Fate.CONNECTED, date(year, 1, 6), date(year, 2, 10)),
        Applicant(
            "640400", "640422", Fate.CONNECTED, date(year, 2, 10), date(year, 3, 20), objection=True
        ),
        Applicant("640500", "640521", Fate.CONNECTED, date(year, 3, 15), date(year, 4, 20)),
        Applicant("640300", "640303", Fate.REJECTED, date(year, 4, 1), date(year, 5, 15)),
        Applicant("640200", "640205", Fate.WITHDRAWN, date(year, 5, 10), date(year, 6, 20)),
    ]


def seed_onboarding(demo: DemoWorld) -> None:
    plan = applicants(demo.year)
    progress = demo.stage("onboarding", len(plan))
    for n, applicant in enumerate(plan, start=1):
        _apply(demo, n, applicant)
        demo.count("onboarding applications")
        progress.tick()


def _apply(demo: DemoWorld, n: int, applicant: Applicant) -> None:
    ledger, rng = demo.ledger, demo.rng
    city, _ = CITIES[applicant.city_code]
    district = reference.regions()[applicant.region].name_zh
    ref = f"SB-{demo.year}-{n:03d}"
    submitted_on = demo.day_between(applicant.files_from, applicant.files_by)
    first_level = [c for c in demo.categories if len(c) == 2 and c != "99"]
    application = ledger.submit_onboarding_application(
        external_ref=ref,
        applicant_name=f"{city}市{district}中小企业公共服务窗口平台",
        uscc=uscc(rng, applicant.region),
        region=applicant.region,
        categories=sorted(rng.sample(first_level, k=rng.randint(3, 6))),
        coverage=f"{city}市{district}及周边县区",
        materials_sha256=demo.digest("onboarding materials", ref),
        meta=demo.as_hub(demo.at(submitted_on, 10)),
    ).resource_id

    # The hub organises a panel: each expert reviews on a day of their own, in order.
    panel_size = 2 if applicant.fate is Fate.WITHDRAWN else rng.randint(3, 5)
    panel = rng.sample(demo.experts, k=panel_size)
    day = demo.days_later(submitted_on, 7, 14)
    passing = applicant.fate is not Fate.REJECTED
    for expert in panel:
        score = rng.randint(66, 92) if passing else rng.randint(38, 58)
        opinions = REVIEW_OPINIONS_PASSED if passing else REVIEW_OPINIONS_FAILED
        ledger.record_expert_review(
            application,
            expert_id=expert.id,
            score=score,
            opinion=rng.choice(opinions),
            meta=demo.as_hub(demo.at(day, rng.randint(9, 17))),
        )
        day = demo.days_later(day, 1, 4)
    if applicant.fate is Fate.WITHDRAWN:
        ledger.withdraw_onboarding(
            application,
            reason="申请单位来函主动撤回申请，拟调整服务场地后重新申报",
            meta=demo.as_hub(demo.at(day, 11)),
        )
        return

    concluded_on = demo.days_later(day, 1, 4)
    ledger.conclude_onboarding_review(
        application,
        opinion="专家组评审通过，报请审批" if passing else "专家组评审未通过",
        meta=demo.as_hub(demo.at(concluded_on, 16)),
    )
    decided_on = demo.days_later(concluded_on, 7, 15)
    if applicant.fate is Fate.REJECTED:
        ledger.reject_onboarding(
            application,
            reasons="专家评审未通过：专职服务人员和服务业绩不满足窗口平台条件",
            meta=demo.as_bureau(demo.at(decided_on, 15)),
        )
        return
    ledger.approve_onboarding(
        application,
        note="同意接入中小企业公共服务平台网络，按程序公示",
        meta=demo.as_bureau(demo.at(decided_on, 15)),
    )
    _notice_and_connect(demo, application, applicant, decided_on)


def _notice_and_connect(
    demo: DemoWorld, application: UUID, applicant: Applicant, approved_on: date
) -> None:
    ledger, rng = demo.ledger, demo.rng
    published_on = demo.days_later(approved_on, 1, 4)
    starts_on = published_on + timedelta(days=1)
    ends_on = starts_on + timedelta(days=MIN_NOTICE_DAYS + rng.randint(1, 4))
    ledger.publish_onboarding_notice(
        application,
        starts_on=starts_on,
        ends_on=ends_on,
        channel=NOTICE_CHANNEL,
        meta=demo.as_hub(demo.at(published_on, 9)),
    )
    if applicant.objection:
        objected_on = demo.day_between(starts_on, ends_on - timedelta(days=2))
        ledger.file_onboarding_objection(
            application,
            objector="实名来信（个人）",
            grounds="反映申报材料所列服务场地面积与实际使用面积不符",
            evidence_sha256=demo.digest("objection letter", application),
            meta=demo.as_hub(demo.at(objected_on, 14)),
        )
        ledger.resolve_onboarding_objection(
            application,
            1,
            outcome=ObjectionOutcome.DISMISSED,
            reasons="经现场核查，服务场地面积符合申报材料，异议不成立",
            meta=demo.as_hub(demo.at(demo.days_later(objected_on, 1, 2), 16)),
        )
    connected_on = demo.days_later(ends_on, 1, 4)
    ledger.connect_onboarded_window(application, meta=demo.as_hub(demo.at(connected_on, 10)))
    connected = ledger.get_onboarding_application(application)
    platform = ledger.get(Platform, cast(UUID, connected.platform_id))
    city, _ = CITIES[applicant.city_code]
    number = len(demo.windows_in(applicant.city_code)) + 1
    demo.windows.append(
        Window(
            platform.id,
            platform.name,
            f"{CITY_CODES[applicant.city_code]}{number}",
            applicant.city_code,
            city,
            connected_on,
            onboarded=True,
        )
    )
    demo.count("platforms")
