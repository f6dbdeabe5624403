"""Appraisals on SQLite: figures read at a fixed position, the policy, and verification."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.appraisals import (
    AddExpertScore,
    ConcludeAppraisal,
    RecordAppraisal,
    SupersedeAppraisal,
)
from ledger.application.commands.cases import (
    Assign,
    CaseStep,
    Deliver,
    GiveFeedback,
    OpenCase,
)
from ledger.application.commands.experts import RegisterExpert
from ledger.application.commands.participants import RegisterEnterprise
from ledger.application.commands.standing import (
    ChangePlatformStanding,
    GrantPrioritySupport,
    OrderRectification,
    ProposePrioritySupport,
)
from ledger.application.context import Principal, RequestContext
from ledger.domain.access_key import Role
from ledger.domain.appraisal import Appraisal
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AppraisalExistsError,
    AppraisalSupersededError,
    ExpertScoresMissingError,
    ForbiddenRoleError,
    InvalidCitationError,
    StandingTransitionError,
)
from ledger.domain.ids import platform_id
from ledger.domain.platform import Platform
from ledger.domain.schemes import EXACT, ROUNDED, default_scheme
from ledger.domain.service_case import (
    Channel,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
)
from ledger.domain.standing import Standing
from ledger.domain.time import CST
from projections.appraisal import default_as_on, figures_at, subjects_of_kind, verify

# Each step is recorded on the day it happened, as the ledger would have recorded it.
from tests.acting import act_on_its_day as act
from tests.application.support import HUB_USCC, close_year, register_a_small_network

START = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)
AS_ON = date(2026, 1, 31)


def at(when: datetime, platform: UUID | None = None) -> Envelope:
    return Envelope("key:test", platform, "req", "req", when)


def delivered(meta: Envelope) -> tuple[CaseStep, ...]:
    """Assigned, delivered free of charge and rated 5, all at the case's opening."""
    day = meta.occurred_at.astimezone(CST).date()
    delivery = Delivery(day, DeliveryMode.ONLINE, FeeType.FREE, Decimal(0))
    return (
        Assign(provider_kind=ProviderKind.EXPERT, provider_name="专家"),
        Deliver(delivery=delivery),
        GiveFeedback(feedback=Feedback(5, "")),
    )


def network(ledger: LedgerApplication, cases: int) -> UUID:
    window = register_a_small_network(ledger, at(START), employees=30, revenue_wan=500)
    for n in range(cases):
        opened = at(START + timedelta(days=n), window)
        act(
            ledger,
            OpenCase(
                external_ref=f"A-{n}",
                uscc="91640104MA71TJ3Y8G",
                category="10",
                channel=Channel.ONLINE,
                description="",
                then=delivered(opened),
            ),
            opened,
        )
    return window


def appraise(ledger: LedgerApplication, window: UUID, figures: dict[str, Any] | None = None) -> Any:
    position = ledger.head_position()
    computed = subjects_of_kind(
        figures_at(ledger, position=position, year=2025, as_on=AS_ON), "window"
    )[str(window)]
    close_year(ledger, 2025)
    record = RecordAppraisal(
        subject_id=window, year=2025, scheme=default_scheme("window"), position=position,
        as_on=AS_ON, figures=figures or computed,
    )  # fmt: skip
    return act(ledger, record, at(datetime(2026, 2, 1, tzinfo=UTC)))


def test_the_figures_come_from_the_log_up_to_the_position(ledger: LedgerApplication) -> None:
    window = network(ledger, cases=3)
    position = ledger.head_position()
    network_later = act(
        ledger,
        RegisterEnterprise(
            uscc="91640500MA7272HDX6",
            name="后来",
            region="640500",
            industry="retail",
            employees=5,
            revenue_wan=Decimal(50),
        ),
        at(START),
    )
    assert network_later.position > position

    figures = subjects_of_kind(
        figures_at(ledger, position=position, year=2025, as_on=AS_ON), "window"
    )[str(window)]

    assert figures["cases_delivered"] == 3
    assert figures["smes_served"] == 1
    assert figures["satisfied_share"] == "1.0000"
    assert figures["free_share"] == "1.0000"
    assert figures["reports_on_time_share"] is None


def scored(ledger: LedgerApplication, appraisal_id: UUID, score: int) -> None:
    """Three experts of the pool (the scheme's requirement) give ``score``."""
    hub = platform_id(HUB_USCC)
    for n in range(3):
        expert = act(
            ledger,
            RegisterExpert(
                external_ref=f"APPR-{appraisal_id.hex[:6]}-{n}", name=f"专家{n}", fields=("14",),
                organisation="宁夏大学", title="教授",
            ),
            at(datetime(2026, 2, 1, 12, tzinfo=UTC), hub),
        ).resource_id  # fmt: skip
        add = AddExpertScore(appraisal_id=appraisal_id, expert_id=expert, score=score)
        act(ledger, add, at(datetime(2026, 2, 1, 13, tzinfo=UTC)))


def test_a_conclusion_needs_the_expert_scores_the_scheme_requires(
    ledger: LedgerApplication,
) -> None:
    window = network(ledger, cases=2)
    appraisal_id = appraise(ledger, window).resource_id
    conclude = ConcludeAppraisal(appraisal_id=appraisal_id)

    with pytest.raises(ExpertScoresMissingError) as raised:
        act(ledger, conclude, at(datetime(2026, 2, 2, tzinfo=UTC)))

    assert raised.value.context == {"required": 3, "given": 0}
    assert ledger.get(Appraisal, appraisal_id).grade is None


def test_a_failing_window_is_ordered_to_rectify_by_the_appraisal(ledger: LedgerApplication) -> None:
    window = network(ledger, cases=2)
    appraisal_id = appraise(ledger, window).resource_id
    scored(ledger, appraisal_id, 50)

    concluded = act(
        ledger, ConcludeAppraisal(appraisal_id=appraisal_id), at(datetime(2026, 2, 2, tzinfo=UTC))
    )

    assert concluded.body["grade"] == "不合格"
    assert concluded.body["consequence"] == "rectification_ordered"
    platform = ledger.get(Platform, window)
    assert platform.standing is Standing.RECTIFYING
    [order] = [
        e for e in ledger.history(window) if type(e.event).__name__ == "RectificationOrdered"
    ]
    assert vars(order.event)["meta"].causation_id == f"appraisal:{appraisal_id}"
    assert order.position == concluded.position


def test_an_excellent_window_gets_priority_support(ledger: LedgerApplication) -> None:
    window = network(ledger, cases=1)
    excellent = {
        "smes_served": 200, "satisfied_share": "0.9", "free_share": "0.3", "activities_held": 10,
        "reports_on_time_share": "1", "institutions_in_force": 5,
    }  # fmt: skip
    appraisal_id = appraise(ledger, window, figures=excellent).resource_id
    scored(ledger, appraisal_id, 95)

    concluded = act(
        ledger, ConcludeAppraisal(appraisal_id=appraisal_id), at(datetime(2026, 2, 2, tzinfo=UTC))
    )

    # Art. 13: the hub proposes (提请), the bureau decides.
    assert (concluded.body["grade"], concluded.body["consequence"]) == (
        "优秀",
        "priority_support_proposed",
    )
    proposed = ledger.get(Platform, window)
    assert proposed.standing is Standing.GOOD
    assert proposed.priority_support_proposed == {2026: f"appraisal:{appraisal_id}"}
    grant = ChangePlatformStanding(
        subject_id=window,
        step=GrantPrioritySupport(year=2026, citation=f"appraisal:{appraisal_id}"),
        occurred_at=datetime(2026, 2, 20, tzinfo=UTC),
    )
    for role in (Role.HUB, Role.WINDOW, Role.AUDITOR):
        principal = Principal(f"key:{role.value}", role, window if role is Role.WINDOW else None)
        with pytest.raises(ForbiddenRoleError):
            ledger.handle(grant, RequestContext(principal, "req"))
    bureau = Principal("key:bureau", Role.BUREAU)
    granted = ledger.handle(grant, RequestContext(bureau, "req"))
    assert granted.body["standing"] == "priority_support"
    assert granted.body["priority_support_year"] == 2026


def test_verification_gives_identical_figures_whatever_was_appended_since(
    ledger: LedgerApplication,
) -> None:
    window = network(ledger, cases=4)
    appraisal = ledger.get(Appraisal, appraise(ledger, window).resource_id)
    network_grows = at(START + timedelta(days=30), window)
    act(
        ledger,
        OpenCase(
            external_ref="LATER",
            uscc="91640104MA71TJ3Y8G",
            category="10",
            channel=Channel.ONLINE,
            description="",
        ),
        network_grows,
    )

    result = verify(ledger, appraisal)

    assert result.identical, result.differences
    assert result.recomputed_figures == appraisal.figures


def test_an_appraisal_of_the_first_scoring_is_verified_by_it(ledger: LedgerApplication) -> None:
    window = network(ledger, cases=3)
    appraisal = ledger.get(Appraisal, appraise(ledger, window).resource_id)
    parts = {"free_cases", "satisfied_ratings", "reports_on_time", "reports_due"}  # a window's
    assert appraisal.scoring == EXACT
    assert {"free_cases": 3, "satisfied_ratings": 3}.items() <= appraisal.figures.items()
    # As the first scoring recorded it: no parts beside the shares, the scores it gave.
    first = copy.copy(appraisal)
    first.scoring = ROUNDED
    first.figures = {k: v for k, v in appraisal.figures.items() if k not in parts}
    first.scores = [dict(s) for s in default_scheme("window").score(first.figures, ROUNDED)]

    assert verify(ledger, first).identical, verify(ledger, first).differences
    exact_without_parts = copy.copy(first)
    exact_without_parts.scoring = EXACT
    differences = verify(ledger, exact_without_parts).differences
    missing = {str(d.get("figure")) for d in differences if "figure" in d}
    assert missing == parts


def test_verification_names_figures_that_the_log_does_not_give(
    ledger: LedgerApplication,
) -> None:
    window = network(ledger, cases=2)
    true = subjects_of_kind(
        figures_at(ledger, position=ledger.head_position(), year=2025, as_on=AS_ON), "window"
    )[str(window)]
    inflated = {**true, "cases_delivered": 200}
    appraisal = ledger.get(Appraisal, appraise(ledger, window, figures=inflated).resource_id)

    result = verify(ledger, appraisal)

    assert not result.identical
    assert {"figure": "cases_delivered", "recorded": 200, "recomputed": 2} in result.differences


def test_the_default_day_is_the_end_of_january_after_the_year() -> None:
    assert default_as_on(2025, date(2026, 11, 26)) == date(2026, 1, 31)
    assert default_as_on(2026, date(2026, 11, 26)) == date(2026, 11, 26)


def test_a_change_of_standing_cites_a_concluded_appraisal_or_a_listed_ground(
    ledger: LedgerApplication,
) -> None:
    window = network(ledger, cases=1)
    excellent = {
        "smes_served": 200, "satisfied_share": "0.9", "free_share": "0.3", "activities_held": 10,
        "reports_on_time_share": "1", "institutions_in_force": 5,
    }  # fmt: skip
    appraisal_id = appraise(ledger, window, figures=excellent).resource_id
    scored(ledger, appraisal_id, 95)
    act(ledger, ConcludeAppraisal(appraisal_id=appraisal_id), at(datetime(2026, 2, 2, tzinfo=UTC)))
    hub = at(datetime(2026, 2, 3, tzinfo=UTC))

    def change(step: Any) -> Any:
        return act(ledger, ChangePlatformStanding(subject_id=window, step=step), hub)

    deadline = date(2026, 12, 30)
    for citation in (
        "随便写的",
        "reason:made_up",
        f"appraisal:{window}",
        f"appraisal:{appraisal_id}",
    ):
        with pytest.raises(InvalidCitationError):
            change(OrderRectification(deadline=deadline, reasons="r", citation=citation))
    with pytest.raises(InvalidCitationError):
        change(GrantPrioritySupport(year=2027, citation=f"appraisal:{appraisal_id}"))
    with pytest.raises(InvalidCitationError):
        change(ProposePrioritySupport(year=2027, citation=f"appraisal:{appraisal_id}"))
    with pytest.raises(StandingTransitionError):  # the conclusion proposed 2026 already
        change(ProposePrioritySupport(year=2026, citation=f"appraisal:{appraisal_id}"))
    order = OrderRectification(
        deadline=deadline, reasons="迟报", citation="reason:data_reports_late"
    )
    assert change(order).body["standing"] == "rectifying"


def test_a_superseded_appraisal_is_computed_again_and_the_trail_keeps_both(
    ledger: LedgerApplication,
) -> None:
    window = network(ledger, cases=2)
    first_id = appraise(ledger, window).resource_id
    with pytest.raises(AppraisalExistsError):
        appraise(ledger, window)
    later = at(datetime(2026, 2, 3, tzinfo=UTC))

    act(ledger, SupersedeAppraisal(appraisal_id=first_id, reason="数据口径有误"), later)

    first = ledger.get(Appraisal, first_id)
    assert (first.is_superseded, first.superseded_reason, first.round) == (True, "数据口径有误", 1)
    for refused in (
        SupersedeAppraisal(appraisal_id=first_id, reason="again"),
        ConcludeAppraisal(appraisal_id=first_id),
    ):
        with pytest.raises(AppraisalSupersededError) as excinfo:
            act(ledger, refused, later)
        assert excinfo.value.code == "appraisal_superseded"
    second_id = appraise(ledger, window).resource_id
    second = ledger.get(Appraisal, second_id)
    assert second_id != first_id
    assert (second.round, second.supersedes, second.is_superseded) == (2, first_id, False)
    assert second.figures == first.figures
    with pytest.raises(AppraisalExistsError):  # one standing appraisal per subject and year
        appraise(ledger, window)
    act(ledger, SupersedeAppraisal(appraisal_id=second_id, reason="再次更正"), later)
    third = ledger.get(Appraisal, appraise(ledger, window).resource_id)
    assert (third.round, third.supersedes) == (3, second_id)


def test_a_superseded_appraisal_is_cited_by_nothing_new(ledger: LedgerApplication) -> None:
    window = network(ledger, cases=1)
    appraisal_id = appraise(ledger, window).resource_id
    scored(ledger, appraisal_id, 10)
    act(ledger, ConcludeAppraisal(appraisal_id=appraisal_id), at(datetime(2026, 2, 2, tzinfo=UTC)))
    hub = at(datetime(2026, 2, 3, tzinfo=UTC))
    act(ledger, SupersedeAppraisal(appraisal_id=appraisal_id, reason="专家评分有误"), hub)
    order = OrderRectification(
        deadline=date(2026, 12, 30), reasons="r", citation=f"appraisal:{appraisal_id}"
    )

    with pytest.raises(InvalidCitationError, match="superseded"):
        act(ledger, ChangePlatformStanding(subject_id=window, step=order), hub)
