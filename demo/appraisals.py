"""The year's appraisals of the windows (Art. 11-13), once the hub has closed the year.

The hub publishes its scheme for the windows (the packaged one), figures are read from the log
at one position, three experts of the pool score each window
(never one who reviewed its onboarding), and the hub concludes: 优秀 brings the hub's proposal of
priority support for the next year, which the bureau grants (Art. 13), and 不合格 an order to
rectify, recorded as caused by the appraisal, so the network's standing follows from its own
appraisals.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from demo.world import DemoWorld
from ledger.application.commands.appraisals import (
    AddExpertScore,
    ConcludeAppraisal,
    RecordAppraisal,
)
from ledger.application.commands.schemes import PublishScheme
from ledger.application.commands.standing import ChangePlatformStanding, GrantPrioritySupport
from ledger.domain.onboarding import OnboardingApplication
from ledger.domain.platform import Platform
from ledger.domain.schemes import default_scheme
from projections.appraisal import figures_at, subjects_of_kind

EXPERTS_PER_APPRAISAL = 3


def seed_appraisals(demo: DemoWorld) -> None:
    """Appraise, score and conclude every window for the demonstration year."""
    year = demo.year
    as_on = date(year + 1, 1, 31)
    position = demo.ledger.head_position()
    windows = subjects_of_kind(
        figures_at(demo.ledger, position=position, year=year, as_on=as_on), "window"
    )
    progress = demo.stage("appraisals", len(windows))
    # The hub publishes its scheme for the windows (Art. 12): the packaged one, from this year.
    scheme = default_scheme("window")
    demo.handle(
        PublishScheme(effective_from=year, scheme=scheme, note="窗口平台年度考核办法（示范）"),
        demo.as_hub(demo.at(date(year + 1, 2, 2))),
    )
    for subject, figures in windows.items():
        window_id = UUID(subject)
        appraisal = demo.handle(
            RecordAppraisal(
                subject_id=window_id, year=year, scheme=scheme, position=position,
                as_on=as_on, figures=figures,
            ),
            demo.as_hub(demo.at(date(year + 1, 2, 3))),
        ).resource_id  # fmt: skip
        for n, expert in enumerate(_panel(demo, window_id)):
            score = demo.rng.randint(62, 96)
            demo.handle(
                AddExpertScore(appraisal_id=appraisal, expert_id=expert, score=score),
                demo.as_hub(demo.at(date(year + 1, 2, 5 + n))),
            )
        concluded = demo.handle(
            ConcludeAppraisal(appraisal_id=appraisal), demo.as_hub(demo.at(date(year + 1, 2, 10)))
        )
        demo.count("appraisals concluded")
        demo.count(f"appraisals {concluded.body['grade']}")
        if concluded.body["consequence"] == "priority_support_proposed":
            granted = GrantPrioritySupport(
                year=year + 1, citation=f"appraisal:{appraisal}", note="按相关政策优先给予支持"
            )
            demo.handle(
                ChangePlatformStanding(subject_id=window_id, step=granted),
                demo.as_bureau(demo.at(date(year + 1, 2, 24))),
            )
            demo.count("priority support granted")
        progress.tick()
    progress.finish()


def _panel(demo: DemoWorld, window_id: UUID) -> list[UUID]:
    """Three experts of the pool, none of whom reviewed the window's onboarding."""
    platform = demo.ledger.find(window_id)
    reviewers: set[UUID] = set()
    if isinstance(platform, Platform) and platform.application_id is not None:
        application = demo.ledger.find(platform.application_id)
        if isinstance(application, OnboardingApplication):
            reviewers = {r.expert_id for r in application.reviews}
    free = [e.id for e in demo.experts if e.id not in reviewers]
    return demo.rng.sample(free, EXPERTS_PER_APPRAISAL)
