"""Onboarding (Art. 10), second half: the public notice, objections, connection, withdrawal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from ledger.domain.errors import LedgerError
from ledger.domain.onboarding import ApplicationStatus, OnboardingApplication
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.public_notice import ObjectionOutcome
from tests.unit.builders import refusal_code
from tests.unit.onboarding_builders import (
    APPLICANT_USCC,
    FILED_ON,
    NOTICE_ENDS,
    NOTICE_STARTS,
    after,
    approved,
    concluded,
    connected,
    in_notice,
    on,
    refused,
    rejected,
    reviewed,
    submitted,
    with_objection,
    withdrawn,
)

DAY = timedelta(days=1)
NEXT_DAY = NOTICE_ENDS + DAY


def _code(action: Callable[[], object]) -> str:
    return refusal_code(action)


def _publish(application: OnboardingApplication, starts_on: date, ends_on: date) -> None:
    application.publish_notice(
        starts_on=starts_on, ends_on=ends_on, channel="公示栏", meta=on(FILED_ON + DAY, 18)
    )


def _object(application: OnboardingApplication, day: date, hour: int = 10, minute: int = 0) -> int:
    return application.file_objection(
        objector="某企业", grounds="场地不符", evidence_sha256=None, meta=on(day, hour, minute)
    )


def _resolve(application: OnboardingApplication, number: int, outcome: ObjectionOutcome) -> None:
    application.resolve_objection(
        number=number, outcome=outcome, reasons="经核实", meta=on(NOTICE_ENDS)
    )


# --- the public notice -------------------------------------------------------------------------


def test_an_approved_application_goes_on_public_notice() -> None:
    application = in_notice()

    assert application.status is ApplicationStatus.IN_NOTICE
    assert application.notice is not None
    assert (application.notice.starts_on, application.notice.ends_on) == (
        NOTICE_STARTS,
        NOTICE_ENDS,
    )


def test_a_notice_of_five_days_both_ends_included_is_long_enough() -> None:
    application = approved()

    _publish(application, FILED_ON + DAY, FILED_ON + 5 * DAY)

    assert application.status is ApplicationStatus.IN_NOTICE


@pytest.mark.parametrize(
    ("starts_on", "ends_on"),
    [
        pytest.param(FILED_ON + DAY, FILED_ON + 4 * DAY, id="four-days"),
        pytest.param(FILED_ON + 9 * DAY, FILED_ON + 2 * DAY, id="ends-before-it-starts"),
        pytest.param(FILED_ON, FILED_ON + 9 * DAY, id="starts-before-the-day-it-is-published"),
    ],
)
def test_a_notice_too_short_inverted_or_in_the_past_is_refused(
    starts_on: date, ends_on: date
) -> None:
    application = approved()

    assert _code(lambda: _publish(application, starts_on, ends_on)) == "invalid_notice_period"
    assert application.status is ApplicationStatus.APPROVED


@pytest.mark.parametrize(
    "build", [submitted, reviewed, concluded], ids=["submitted", "under-review", "concluded"]
)
def test_only_an_approved_application_goes_on_notice(
    build: Callable[[], OnboardingApplication],
) -> None:
    application = build()

    code = _code(lambda: _publish(application, NOTICE_STARTS, NOTICE_ENDS))

    assert code == "onboarding_step_out_of_order"


def test_the_notice_is_published_once() -> None:
    application = in_notice()

    code = _code(lambda: _publish(application, NOTICE_STARTS, NOTICE_ENDS + 5 * DAY))

    assert code == "onboarding_step_out_of_order"


# --- objections --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "hour", "minute"),
    [
        pytest.param(NOTICE_STARTS, 0, 0, id="first-minute-of-the-first-day"),
        pytest.param(NOTICE_ENDS, 23, 59, id="last-minute-of-the-last-day"),
    ],
)
def test_an_objection_is_accepted_on_each_day_of_the_notice(
    day: date, hour: int, minute: int
) -> None:
    application = in_notice()

    assert _object(application, day, hour, minute) == 1

    (objection,) = application.objections
    assert objection.filed_on == day
    assert not objection.resolved


@pytest.mark.parametrize(
    ("day", "hour", "minute"),
    [
        pytest.param(NOTICE_STARTS - DAY, 23, 59, id="the-evening-before-it-starts"),
        pytest.param(NEXT_DAY, 0, 0, id="midnight-after-it-ends"),
    ],
)
def test_an_objection_outside_the_notice_is_refused(day: date, hour: int, minute: int) -> None:
    application = in_notice()

    assert _code(lambda: _object(application, day, hour, minute)) == "outside_notice_period"
    assert application.objections == []


def test_objections_are_numbered_in_the_order_they_were_made() -> None:
    application = in_notice()

    numbers = [_object(application, NOTICE_STARTS), _object(application, NOTICE_ENDS)]

    assert numbers == [1, 2]
    assert [o.number for o in application.objections] == [1, 2]


def test_an_objection_states_its_grounds() -> None:
    application = in_notice()

    code = _code(
        lambda: application.file_objection(
            objector="", grounds=" ", evidence_sha256=None, meta=on(NOTICE_STARTS)
        )
    )

    assert code == "reasons_required"


def test_an_objections_evidence_digest_is_validated_and_kept_lower_case() -> None:
    application = in_notice()

    with pytest.raises(LedgerError) as excinfo:
        application.file_objection(
            objector="", grounds="材料造假", evidence_sha256="xyz", meta=on(NOTICE_STARTS)
        )
    application.file_objection(
        objector="", grounds="材料造假", evidence_sha256="CD" * 32, meta=on(NOTICE_STARTS)
    )

    assert excinfo.value.code == "invalid_sha256"
    assert application.objections[0].evidence_sha256 == "cd" * 32


def test_objections_are_made_only_to_an_application_on_notice() -> None:
    application = approved()

    assert _code(lambda: _object(application, NOTICE_STARTS)) == "onboarding_step_out_of_order"


def test_an_upheld_objection_refuses_the_application_for_good() -> None:
    application = refused()

    assert application.status is ApplicationStatus.REFUSED_AFTER_NOTICE
    assert application.objections[0].outcome is ObjectionOutcome.UPHELD
    assert application.objections[0].resolution_reasons == "经核实属实"
    assert _code(lambda: _object(application, NOTICE_ENDS)) == "onboarding_application_closed"


def test_a_dismissed_objection_leaves_the_notice_running() -> None:
    application = with_objection()

    _resolve(application, 1, ObjectionOutcome.DISMISSED)

    assert application.status is ApplicationStatus.IN_NOTICE
    assert application.objections[0].outcome is ObjectionOutcome.DISMISSED


def test_an_objection_is_resolved_once() -> None:
    application = with_objection()
    _resolve(application, 1, ObjectionOutcome.DISMISSED)

    code = _code(lambda: _resolve(application, 1, ObjectionOutcome.UPHELD))

    assert code == "objection_already_resolved"
    assert application.status is ApplicationStatus.IN_NOTICE


@pytest.mark.parametrize("number", [0, 2])
def test_resolving_an_objection_that_was_never_made_is_not_found(number: int) -> None:
    application = with_objection()

    assert _code(lambda: _resolve(application, number, ObjectionOutcome.DISMISSED)) == (
        "objection_not_found"
    )


def test_a_resolution_states_its_reasons() -> None:
    application = with_objection()

    code = _code(
        lambda: application.resolve_objection(
            number=1, outcome=ObjectionOutcome.DISMISSED, reasons="", meta=on(NOTICE_ENDS)
        )
    )

    assert code == "reasons_required"


# --- connection --------------------------------------------------------------------------------


def test_the_window_is_connected_from_the_day_after_the_notice_ends() -> None:
    application = in_notice()

    platform = application.connect(meta=on(NEXT_DAY, 0, 0))

    assert application.status is ApplicationStatus.CONNECTED
    assert application.platform_id == platform.id
    assert isinstance(platform, Platform)
    assert platform.kind is PlatformKind.WINDOW
    assert platform.application_id == application.id
    assert (platform.name, platform.uscc, platform.region, platform.categories) == (
        "固原市中小企业服务中心",
        APPLICANT_USCC,
        "640400",
        ["10", "14"],
    )
    connected_event = application.collect_events()[-1]
    assert isinstance(connected_event, OnboardingApplication.Connected)
    assert connected_event.platform_id == platform.id


def test_the_window_is_not_connected_on_the_last_day_of_the_notice() -> None:
    application = in_notice()

    assert _code(lambda: application.connect(meta=on(NOTICE_ENDS, 23, 59))) == "notice_not_ended"
    assert application.status is ApplicationStatus.IN_NOTICE


def test_the_window_is_not_connected_while_an_objection_is_unresolved() -> None:
    application = with_objection()

    assert _code(lambda: application.connect(meta=on(NEXT_DAY))) == "objections_unresolved"


def test_the_window_is_connected_once_every_objection_is_dismissed() -> None:
    application = with_objection()
    _resolve(application, 1, ObjectionOutcome.DISMISSED)

    application.connect(meta=on(NEXT_DAY))

    assert application.status is ApplicationStatus.CONNECTED


@pytest.mark.parametrize(
    "build",
    [submitted, reviewed, concluded, approved],
    ids=["submitted", "under-review", "concluded", "approved"],
)
def test_a_window_is_connected_only_after_its_notice(
    build: Callable[[], OnboardingApplication],
) -> None:
    application = build()

    assert _code(lambda: application.connect(meta=on(NEXT_DAY))) == ("onboarding_step_out_of_order")


# --- withdrawal and the terminal states --------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [submitted, reviewed, concluded, approved, in_notice, with_objection],
    ids=["submitted", "under-review", "concluded", "approved", "in-notice", "objected-to"],
)
def test_an_application_can_be_withdrawn_at_any_point_before_connection(
    build: Callable[[], OnboardingApplication],
) -> None:
    application = build()

    application.withdraw(reason=" 申请单位撤回 ", meta=on(NOTICE_ENDS))

    assert application.status is ApplicationStatus.WITHDRAWN
    assert application.withdrawal_reason == "申请单位撤回"


def test_a_withdrawal_states_its_reason() -> None:
    application = submitted()

    assert _code(lambda: application.withdraw(reason="", meta=after(days=1))) == "reasons_required"


TERMINAL = [
    pytest.param(rejected, id="rejected"),
    pytest.param(refused, id="refused-after-notice"),
    pytest.param(connected, id="connected"),
    pytest.param(withdrawn, id="withdrawn"),
]

LATE = on(NEXT_DAY + 10 * DAY)
STEPS: dict[str, Callable[[OnboardingApplication], object]] = {
    "withdraw": lambda a: a.withdraw(reason="撤回", meta=LATE),
    "conclude": lambda a: a.conclude_review(opinion="", meta=LATE),
    "approve": lambda a: a.approve(note="", meta=LATE),
    "publish-notice": lambda a: a.publish_notice(
        starts_on=LATE.occurred_at.date(),
        ends_on=LATE.occurred_at.date() + 9 * DAY,
        channel="",
        meta=LATE,
    ),
    "connect": lambda a: a.connect(meta=LATE),
}


@pytest.mark.parametrize("build", TERMINAL)
@pytest.mark.parametrize("step", list(STEPS))
def test_a_closed_application_accepts_nothing_more(
    build: Callable[[], OnboardingApplication], step: str
) -> None:
    application = build()
    version = application.version

    assert _code(lambda: STEPS[step](application)) == "onboarding_application_closed"
    assert application.version == version


def test_a_step_cannot_predate_the_application() -> None:
    application = submitted()

    code = _code(lambda: application.withdraw(reason="撤回", meta=after(days=-1)))

    assert code == "occurred_before_submission"
