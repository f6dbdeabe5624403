"""The service alliance (Art. 6.8): membership by day, leaving and returning, and the marking
of an alliance activity, on the aggregates alone."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from eventsourcing.domain import Snapshot

from ledger.domain import ids
from ledger.domain.activity import Activity, ActivityKind, ActivityMode, Plan
from ledger.domain.agreement_terms import PartyKind
from ledger.domain.alliance import AllianceMembership
from ledger.domain.envelope import Envelope
from ledger.domain.platform import PlatformKind
from tests.unit.builders import refusal_code

HUB_ID = UUID("00000000-0000-4000-8000-0000000000a1")
WINDOW_ID = UUID("00000000-0000-4000-8000-000000000001")
AT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def meta(platform_id: UUID = HUB_ID, days: float = 0) -> Envelope:
    return Envelope(
        actor=f"key:{platform_id}",
        platform_id=platform_id,
        correlation_id="req-test",
        causation_id=None,
        occurred_at=AT + timedelta(days=days),
    )


def member(joined_on: date = date(2026, 1, 1)) -> AllianceMembership:
    return AllianceMembership.join(
        member_id=WINDOW_ID,
        member_kind=PartyKind.WINDOW,
        joined_on=joined_on,
        note=" 首批 ",
        meta=meta(),
    )


def test_a_member_is_one_from_the_day_it_joined_until_the_day_it_left() -> None:
    membership = member()
    membership.leave(left_on=date(2026, 2, 1), reasons="退出", meta=meta(days=1))

    assert membership.id == ids.alliance_membership_id(WINDOW_ID)
    assert [membership.member_on(d) for d in (date(2025, 12, 31), date(2026, 1, 31))] == [
        False,
        True,
    ]
    assert membership.member_on(date(2026, 2, 1)) is False
    assert (membership.current, membership.note) == (False, "首批")


def test_a_former_member_returns_no_earlier_than_it_left() -> None:
    membership = member()
    membership.leave(left_on=date(2026, 2, 1), reasons="退出", meta=meta(days=1))

    early = refusal_code(
        lambda: membership.return_(joined_on=date(2026, 1, 31), note="", meta=meta(days=2))
    )
    membership.return_(joined_on=date(2026, 2, 1), note="", meta=meta(days=2))

    assert early == "invalid_membership_date"
    assert membership.current
    assert membership.member_on(date(2026, 2, 1))
    assert membership.member_on(date(2026, 1, 15))


def test_leaving_needs_a_member_a_later_day_and_reasons() -> None:
    membership = member()

    def leave(left_on: date, reasons: str = "退出", days: float = 1) -> str:
        return refusal_code(
            lambda: membership.leave(left_on=left_on, reasons=reasons, meta=meta(days=days))
        )

    assert leave(date(2026, 1, 1)) == "invalid_membership_date"
    assert leave(date(2026, 2, 1), reasons=" ") == "reasons_required"
    assert leave(date(2026, 2, 1), days=-1) == "occurred_before_previous_step"
    assert refusal_code(
        lambda: membership.return_(joined_on=date(2026, 2, 1), note="", meta=meta(days=1))
    ) == ("alliance_membership_step_out_of_order")
    membership.leave(left_on=date(2026, 2, 1), reasons="退出", meta=meta(days=1))
    assert leave(date(2026, 3, 1), days=2) == "alliance_membership_step_out_of_order"


def activity() -> Activity:
    plan = Plan(
        external_ref="HD-1",
        kind=ActivityKind.ROADSHOW,
        title="联盟路演",
        starts_on=date(2026, 3, 5),
        ends_on=date(2026, 3, 5),
        mode=ActivityMode.ONLINE,
        venue="",
        category="13",
        expected_attendance=30,
    )
    return Activity.plan_activity(
        organiser_id=WINDOW_ID, organiser_kind=PlatformKind.WINDOW, plan=plan, meta=meta(WINDOW_ID)
    )


def test_an_activity_is_marked_once_and_keeps_its_steps_time() -> None:
    marked = activity()

    before = refusal_code(lambda: marked.mark_as_alliance_activity("", meta(days=-1)))
    marked.mark_as_alliance_activity(" 联盟活动 ", meta(days=1))
    again = refusal_code(lambda: marked.mark_as_alliance_activity("", meta(days=2)))

    assert (before, again) == ("occurred_before_previous_step", "already_alliance_activity")
    assert (marked.alliance_note, marked.last_step_at) == ("联盟活动", AT)


def test_a_cancelled_activity_is_not_marked() -> None:
    cancelled = activity()
    cancelled.cancel("改期", meta(WINDOW_ID))

    assert refusal_code(lambda: cancelled.mark_as_alliance_activity("", meta())) == (
        "activity_finalised"
    )


def test_an_activity_snapshot_taken_before_the_marking_existed_restores_unmarked() -> None:
    taken = Snapshot.take(activity())
    state = {k: v for k, v in taken.state.items() if k != "class_version" and "alliance" not in k}

    restored = replace(taken, state=state).mutate(None)

    assert isinstance(restored, Activity)
    assert (restored.alliance_marked_at, restored.alliance_note) == (None, None)
