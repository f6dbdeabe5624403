"""Orderly entry and exit (Art. 13): the standing rules of platforms and institutions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from eventsourcing.domain import Snapshot

from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    PrioritySupportNotProposedError,
    RectificationDeadlineError,
    RevocationNotRequestedError,
    RevokedError,
    StandingTransitionError,
)
from ledger.domain.institution import Institution, InstitutionStatus
from ledger.domain.platform import Platform, PlatformKind, PlatformStatus
from ledger.domain.standing import Standing, StandingAggregate

# 10:00 in Ningxia on 2 March 2026.
START = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
DEADLINE = date(2026, 4, 30)


def at(days: float = 0) -> Envelope:
    return Envelope("key:hub", None, "req", None, START + timedelta(days=days))


def window() -> Platform:
    platform = Platform.register_connected(
        kind=PlatformKind.WINDOW,
        name="银川市窗口平台",
        uscc="91640100MA7AY4CL31",
        region="640100",
        meta=at(),
    )
    platform.collect_events()
    return platform


def rectifying() -> Platform:
    platform = window()
    platform.order_rectification(
        deadline=DEADLINE, reasons="满意度不达标", citation="2025年度考核：不合格", meta=at()
    )
    return platform


def revocation_requested() -> Platform:
    platform = rectifying()
    platform.fail_recheck(reasons="复查不合格", meta=at(10))
    platform.request_revocation(reasons="整改失败", meta=at(11))
    return platform


def test_a_new_platform_is_connected_in_good_standing() -> None:
    platform = window()

    assert platform.standing is Standing.GOOD
    assert platform.status is PlatformStatus.CONNECTED


EXCELLENT = "appraisal:5a1d0c3e-0000-4000-8000-000000000001"


def test_a_windows_priority_support_is_granted_on_the_hubs_proposal() -> None:
    platform = window()
    with pytest.raises(PrioritySupportNotProposedError) as excinfo:
        platform.grant_priority_support(year=2026, citation=EXCELLENT, note="", meta=at())
    assert excinfo.value.code == "priority_support_not_proposed"

    platform.propose_priority_support(year=2026, citation=EXCELLENT, note="提请", meta=at(1))

    assert Standing(platform.standing) is Standing.GOOD  # proposed, not yet decided
    assert platform.priority_support_proposed == {2026: EXCELLENT}
    with pytest.raises(StandingTransitionError, match="one proposal per year"):
        platform.propose_priority_support(year=2026, citation=EXCELLENT, note="", meta=at(1))
    with pytest.raises(PrioritySupportNotProposedError, match="cites the same appraisal"):
        platform.grant_priority_support(year=2026, citation="appraisal:other", note="", meta=at(2))
    platform.grant_priority_support(year=2026, citation=EXCELLENT, note="", meta=at(2))
    assert platform.standing is Standing.PRIORITY_SUPPORT
    assert platform.priority_support_year == 2026
    with pytest.raises(StandingTransitionError, match="already granted"):
        platform.decline_priority_support(year=2026, reasons="x", meta=at(3))


def test_the_bureau_declines_a_proposal_once_and_for_the_year() -> None:
    platform = window()
    platform.propose_priority_support(year=2026, citation=EXCELLENT, note="", meta=at(1))

    platform.decline_priority_support(year=2026, reasons="扶持资金已安排完毕", meta=at(2))

    assert platform.standing is Standing.GOOD
    assert platform.priority_support_declined == {2026}
    later = at(3)
    decisions: list[Callable[[], None]] = [
        lambda: platform.grant_priority_support(year=2026, citation=EXCELLENT, note="", meta=later),
        lambda: platform.decline_priority_support(year=2026, reasons="x", meta=later),
        lambda: platform.propose_priority_support(
            year=2026, citation=EXCELLENT, note="", meta=later
        ),
    ]
    for decide in decisions:
        with pytest.raises(StandingTransitionError, match="declined"):
            decide()
    with pytest.raises(PrioritySupportNotProposedError):  # another year: nothing proposed
        platform.decline_priority_support(year=2027, reasons="x", meta=at(3))


def test_the_hubs_priority_support_is_the_bureaus_directly() -> None:
    hub = Platform.register_connected(
        kind=PlatformKind.HUB, name="枢纽平台", uscc="12640000MB1234567E", region="640000",
        meta=at(),
    )  # fmt: skip

    with pytest.raises(StandingTransitionError, match="nobody proposes it"):
        hub.propose_priority_support(year=2026, citation=EXCELLENT, note="", meta=at(1))
    with pytest.raises(StandingTransitionError, match="nothing to decline"):
        hub.decline_priority_support(year=2026, reasons="x", meta=at(1))
    hub.grant_priority_support(year=2026, citation=EXCELLENT, note="", meta=at(1))
    assert hub.standing is Standing.PRIORITY_SUPPORT


def test_a_snapshot_taken_before_proposals_existed_restores_with_none() -> None:
    platform = window()
    taken = Snapshot.take(platform)
    state = {
        k: v for k, v in taken.state.items()
        if k not in ("class_version", "priority_support_proposed", "priority_support_declined")
    }  # fmt: skip

    restored = replace(taken, state=state).mutate(None)

    assert isinstance(restored, Platform)
    assert (restored.priority_support_proposed, restored.priority_support_declined) == ({}, set())
    restored.propose_priority_support(year=2026, citation=EXCELLENT, note="", meta=at(1))


def test_rectification_completed_by_the_deadline_returns_to_good_standing() -> None:
    platform = rectifying()

    platform.complete_rectification(note="复查合格", meta=at(20))

    assert platform.standing is Standing.GOOD
    assert platform.rectification_deadline is None


def test_rectification_cannot_be_completed_after_the_deadline() -> None:
    platform = rectifying()

    with pytest.raises(RectificationDeadlineError) as excinfo:
        platform.complete_rectification(note="", meta=at(60))

    assert excinfo.value.code == "rectification_deadline"
    assert platform.standing is Standing.RECTIFYING


def test_the_deadline_day_itself_still_counts_in_ningxia_time() -> None:
    platform = rectifying()
    # 23:30 on the deadline day in Ningxia is 15:30 UTC the same day.
    last_evening = datetime(2026, 4, 30, 15, 30, tzinfo=UTC)

    platform.complete_rectification(
        note="", meta=Envelope("key:hub", None, "r", None, last_evening)
    )

    assert platform.standing is Standing.GOOD


def test_a_deadline_must_lie_after_the_order() -> None:
    platform = window()

    with pytest.raises(RectificationDeadlineError):
        platform.order_rectification(
            deadline=date(2026, 3, 2), reasons="x", citation="y", meta=at()
        )
    assert platform.standing is Standing.GOOD


def test_rectification_cannot_be_ordered_twice() -> None:
    platform = rectifying()

    with pytest.raises(StandingTransitionError) as excinfo:
        platform.order_rectification(deadline=DEADLINE, reasons="x", citation="y", meta=at(1))

    assert excinfo.value.code == "standing_transition_not_allowed"


@pytest.mark.parametrize(
    "step",
    [
        lambda p: p.complete_rectification(note="", meta=at(1)),
        lambda p: p.fail_recheck(reasons="x", meta=at(1)),
        lambda p: p.request_revocation(reasons="x", meta=at(1)),
    ],
    ids=["completion", "failed re-check", "revocation request"],
)
def test_steps_of_a_rectification_need_a_rectification_order(step: object) -> None:
    platform = window()

    with pytest.raises(StandingTransitionError):
        step(platform)  # type: ignore[operator]


def test_revocation_cannot_be_requested_while_rectification_may_still_succeed() -> None:
    platform = rectifying()

    with pytest.raises(RevocationNotRequestedError) as excinfo:
        platform.request_revocation(reasons="x", meta=at(10))

    assert excinfo.value.code == "revocation_not_requested"


def test_revocation_may_be_requested_once_the_deadline_is_missed() -> None:
    platform = rectifying()

    platform.request_revocation(reasons="逾期未整改", meta=at(60))

    assert platform.standing is Standing.REVOCATION_REQUESTED


def test_a_failed_recheck_blocks_completion_and_opens_revocation() -> None:
    platform = rectifying()
    platform.fail_recheck(reasons="复查不合格", meta=at(10))

    with pytest.raises(StandingTransitionError):
        platform.complete_rectification(note="", meta=at(11))
    platform.request_revocation(reasons="整改失败", meta=at(11))

    assert platform.standing is Standing.REVOCATION_REQUESTED


def test_the_bureau_revokes_only_on_request() -> None:
    platform = rectifying()

    with pytest.raises(RevocationNotRequestedError):
        platform.revoke(reasons="x", meta=at(1))


def test_revocation_is_terminal() -> None:
    platform = revocation_requested()
    platform.revoke(reasons="撤销资格", meta=at(12))

    assert platform.status is PlatformStatus.REVOKED
    with pytest.raises(RevokedError) as excinfo:
        platform.grant_priority_support(year=2027, citation="x", note="", meta=at(13))
    assert excinfo.value.code == "revoked"
    with pytest.raises(RevokedError):
        platform.revoke(reasons="again", meta=at(13))


def test_each_standing_step_is_recorded_with_its_envelope() -> None:
    platform = revocation_requested()
    platform.revoke(reasons="撤销资格", meta=at(12))

    events = platform.collect_events()

    assert [type(e).__name__ for e in events] == [
        "RectificationOrdered",
        "RecheckFailed",
        "RevocationRequested",
        "Revoked",
    ]
    assert all(isinstance(e, StandingAggregate.Event) for e in events)
    assert events[0].citation == "2025年度考核：不合格"  # type: ignore[attr-defined]


def institution() -> Institution:
    registered = Institution.register(
        uscc="91640500MA7272HDX6",
        name="宁夏中卫科技咨询服务中心",
        region="640500",
        categories=["140300", "14", "14"],
        meta=at(),
    )
    registered.collect_events()
    return registered


def test_an_institution_is_registered_then_active_once_an_agreement_is_in_force() -> None:
    subject = institution()
    before = subject.status
    assert before is InstitutionStatus.REGISTERED
    assert subject.categories == ["14", "140300"]

    agreement_id = uuid4()
    subject.join(agreement_id, at(1))
    subject.join(agreement_id, at(2))

    assert subject.status is InstitutionStatus.ACTIVE
    assert len(subject.collect_events()) == 1


def test_a_revoked_institution_cannot_join_an_agreement() -> None:
    subject = institution()
    subject.order_rectification(deadline=DEADLINE, reasons="x", citation="y", meta=at())
    subject.request_revocation(reasons="逾期", meta=at(60))
    subject.revoke(reasons="撤销", meta=at(61))

    with pytest.raises(RevokedError):
        subject.join(uuid4(), at(62))
    assert subject.status is InstitutionStatus.REVOKED
