"""A service case goes opened → assigned → delivered → (feedback) → closed, or is cancelled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from ledger.application.interface import service_case_view
from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    CaseFinalisedError,
    FeedbackAlreadyRecordedError,
    FeedbackBeforeDeliveryError,
    InvalidAmountError,
    RuleViolationError,
    StepOutOfOrderError,
)
from ledger.domain.service_case import (
    CaseStatus,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ServiceCase,
)
from tests.unit.builders import (
    ASSIGNMENT,
    FEEDBACK,
    FREE_DELIVERY,
    OPENED_AT,
    OPENED_ON,
    OTHER_WINDOW_ID,
    PAID_DELIVERY,
    WINDOW_ID,
    assigned_case,
    cancelled_case,
    case_with_feedback,
    closed_case,
    delivered_case,
    demand,
    later,
    meta,
    opened_case,
)

Step = Callable[[ServiceCase, Envelope], None]


def test_a_case_goes_through_every_step_in_order() -> None:
    case = ServiceCase.open(window_id=WINDOW_ID, demand=demand(), meta=meta())
    statuses = [case.status]
    case.assign(ASSIGNMENT, later(1))
    statuses.append(case.status)
    case.deliver(FREE_DELIVERY, later(2))
    statuses.append(case.status)
    case.record_feedback(FEEDBACK, later(3))
    statuses.append(case.status)
    case.close("Patent filed.", later(4))
    statuses.append(case.status)

    assert statuses == [
        CaseStatus.OPENED,
        CaseStatus.ASSIGNED,
        CaseStatus.DELIVERED,
        CaseStatus.FEEDBACK_RECEIVED,
        CaseStatus.CLOSED,
    ]
    assert case.id == ids.service_case_id(WINDOW_ID, "W-2026-0001")
    assert case.opened_at == OPENED_AT
    assert case.assignment == ASSIGNMENT
    assert case.delivery == FREE_DELIVERY
    assert case.feedback == FEEDBACK
    assert case.closure_note == "Patent filed."
    assert case.version == 5
    assert [type(e) for e in case.collect_events()] == [
        ServiceCase.Opened,
        ServiceCase.Assigned,
        ServiceCase.Delivered,
        ServiceCase.FeedbackReceived,
        ServiceCase.Closed,
    ]


def test_every_event_carries_the_envelope_of_its_command() -> None:
    envelopes = [meta(), later(1), later(2), later(3), later(4)]
    case = ServiceCase.open(window_id=WINDOW_ID, demand=demand(), meta=envelopes[0])
    case.assign(ASSIGNMENT, envelopes[1])
    case.deliver(FREE_DELIVERY, envelopes[2])
    case.record_feedback(FEEDBACK, envelopes[3])
    case.close("Done.", envelopes[4])
    assert [e.meta for e in case.collect_events()] == envelopes  # type: ignore[attr-defined]


def test_replaying_the_events_rebuilds_the_same_case() -> None:
    case = closed_case()
    copy: ServiceCase | None = None
    for event in case.collect_events():
        copy = event.mutate(copy)
    assert copy is not None
    assert service_case_view(copy) == service_case_view(case)


def test_a_case_can_be_closed_after_delivery_without_feedback() -> None:
    case = delivered_case()
    case.close("The enterprise did not answer the survey.", later(5))
    assert case.status is CaseStatus.CLOSED
    assert case.feedback is None


def test_a_case_can_be_closed_after_feedback() -> None:
    case = case_with_feedback()
    case.close("Done.", later(5))
    assert case.status is CaseStatus.CLOSED


@pytest.mark.parametrize("build", [opened_case, assigned_case], ids=["opened", "assigned"])
def test_a_case_not_yet_delivered_can_be_cancelled(build: Callable[[], ServiceCase]) -> None:
    case = build()
    case.cancel("Withdrawn.", later(1))
    assert case.status is CaseStatus.CANCELLED
    assert case.cancellation_reason == "Withdrawn."


def test_a_paid_fee_is_recorded_to_the_cent() -> None:
    case = delivered_case(PAID_DELIVERY)
    assert case.delivery is not None
    assert str(case.delivery.fee_amount) == "300.00"


def _assign(case: ServiceCase, envelope: Envelope) -> None:
    case.assign(ASSIGNMENT, envelope)


def _deliver(case: ServiceCase, envelope: Envelope) -> None:
    case.deliver(FREE_DELIVERY, envelope)


def _feedback(case: ServiceCase, envelope: Envelope) -> None:
    case.record_feedback(FEEDBACK, envelope)


def _close(case: ServiceCase, envelope: Envelope) -> None:
    case.close("Done.", envelope)


def _cancel(case: ServiceCase, envelope: Envelope) -> None:
    case.cancel("Withdrawn.", envelope)


def _closed_after_feedback() -> ServiceCase:
    case = case_with_feedback()
    case.close("Done.", later(4))
    return case


def test_a_closed_case_takes_the_enterprises_feedback_late_and_stays_closed() -> None:
    case = closed_case()

    case.record_feedback(FEEDBACK, later(8))

    assert (case.status, case.feedback) == (CaseStatus.CLOSED, FEEDBACK)
    assert type(case.pending_events[-1]).__name__ == "LateFeedbackReceived"


# The named error of each refusal, by its stable code.
ERRORS: dict[str, type[RuleViolationError]] = {
    "step_out_of_order": StepOutOfOrderError,
    "feedback_before_delivery": FeedbackBeforeDeliveryError,
    "feedback_already_recorded": FeedbackAlreadyRecordedError,
    "case_finalised": CaseFinalisedError,
}

ILLEGAL = [
    pytest.param(assigned_case, _assign, "step_out_of_order", id="assign-assigned"),
    pytest.param(delivered_case, _assign, "step_out_of_order", id="assign-delivered"),
    pytest.param(opened_case, _deliver, "step_out_of_order", id="deliver-opened"),
    pytest.param(delivered_case, _deliver, "step_out_of_order", id="deliver-delivered"),
    pytest.param(case_with_feedback, _deliver, "step_out_of_order", id="deliver-after-feedback"),
    pytest.param(opened_case, _close, "step_out_of_order", id="close-opened"),
    pytest.param(assigned_case, _close, "step_out_of_order", id="close-assigned"),
    pytest.param(delivered_case, _cancel, "step_out_of_order", id="cancel-delivered"),
    pytest.param(case_with_feedback, _cancel, "step_out_of_order", id="cancel-after-feedback"),
    pytest.param(opened_case, _feedback, "feedback_before_delivery", id="feedback-opened"),
    pytest.param(assigned_case, _feedback, "feedback_before_delivery", id="feedback-assigned"),
    pytest.param(case_with_feedback, _feedback, "feedback_already_recorded", id="feedback-twice"),
    pytest.param(_closed_after_feedback, _feedback, "feedback_already_recorded", id="late-twice"),
    pytest.param(cancelled_case, _feedback, "case_finalised", id="feedback-cancelled"),
    *[
        pytest.param(build, step, "case_finalised", id=f"{name}-{state}")
        for state, build in [("closed", closed_case), ("cancelled", cancelled_case)]
        for name, step in [
            ("assign", _assign),
            ("deliver", _deliver),
            ("close", _close),
            ("cancel", _cancel),
        ]
    ],
]


@pytest.mark.parametrize(("build", "step", "code"), ILLEGAL)
def test_an_illegal_transition_is_refused_with_its_code_and_records_nothing(
    build: Callable[[], ServiceCase], step: Step, code: str
) -> None:
    case = build()
    before = (case.version, case.status, len(case.pending_events))
    with pytest.raises(ERRORS[code]) as excinfo:
        step(case, later(6))
    assert excinfo.value.code == code
    assert (case.version, case.status, len(case.pending_events)) == before


def test_refusals_from_a_final_status_name_that_status() -> None:
    with pytest.raises(CaseFinalisedError) as excinfo:
        _assign(cancelled_case(), later(6))
    assert excinfo.value.context == {"status": "cancelled"}


@pytest.mark.parametrize("satisfaction", [0, 6, -1])
def test_satisfaction_outside_one_to_five_is_refused(satisfaction: int) -> None:
    case = delivered_case()
    with pytest.raises(RuleViolationError):
        case.record_feedback(Feedback(satisfaction, ""), later(3))
    assert case.status is CaseStatus.DELIVERED


def test_satisfaction_outside_one_to_five_has_its_own_code() -> None:
    with pytest.raises(RuleViolationError) as excinfo:
        delivered_case().record_feedback(Feedback(6, ""), later(3))
    assert excinfo.value.code == "invalid_satisfaction"


@pytest.mark.parametrize("satisfaction", [1, 5])
def test_satisfaction_at_either_end_of_the_scale_is_accepted(satisfaction: int) -> None:
    case = delivered_case()
    case.record_feedback(Feedback(satisfaction, ""), later(3))
    assert case.feedback == Feedback(satisfaction, "")


def test_a_case_opened_on_a_date_is_not_delivered_the_day_before_in_ningxia() -> None:
    # 17:00 UTC on 1 March is 01:00 on 2 March in Ningxia: the case opened on 2 March.
    opened_at = OPENED_AT - timedelta(hours=8, minutes=30)
    case = ServiceCase.open(window_id=WINDOW_ID, demand=demand(), meta=meta(occurred_at=opened_at))
    case.assign(ASSIGNMENT, later(1))
    early = Delivery(date(2026, 3, 1), DeliveryMode.ONSITE, FeeType.FREE, Decimal(0))
    with pytest.raises(RuleViolationError) as excinfo:
        case.deliver(early, later(2))
    assert excinfo.value.code == "invalid_delivery_date"
    assert excinfo.value.context == {"opened_on": "2026-03-02"}


def test_a_delivery_is_not_dated_after_the_day_it_is_recorded_as_happening() -> None:
    case = assigned_case()
    tomorrow = Delivery(
        OPENED_ON + timedelta(days=1), DeliveryMode.ONSITE, FeeType.FREE, Decimal(0)
    )
    with pytest.raises(RuleViolationError) as excinfo:
        case.deliver(tomorrow, later(2))
    assert excinfo.value.code == "invalid_delivery_date"
    case.deliver(tomorrow, later(24))
    assert case.status is CaseStatus.DELIVERED


@pytest.mark.parametrize(
    ("fee_type", "amount"),
    [
        (FeeType.FREE, Decimal("0.01")),
        (FeeType.FREE, Decimal(100)),
        (FeeType.PAID, Decimal(0)),
        (FeeType.PAID, Decimal(-300)),
        (FeeType.DISCOUNTED, Decimal(0)),
    ],
)
def test_a_fee_that_does_not_match_its_type_is_refused(fee_type: FeeType, amount: Decimal) -> None:
    case = assigned_case()
    with pytest.raises(RuleViolationError) as excinfo:
        case.deliver(Delivery(OPENED_ON, DeliveryMode.PHONE, fee_type, amount), later(2))
    assert excinfo.value.code == "invalid_fee"
    assert case.status is CaseStatus.ASSIGNED


def test_a_fee_with_fractions_of_a_cent_is_refused() -> None:
    delivery = Delivery(OPENED_ON, DeliveryMode.PHONE, FeeType.PAID, Decimal("300.001"))
    with pytest.raises(InvalidAmountError):
        assigned_case().deliver(delivery, later(2))


@pytest.mark.parametrize("fee_type", [FeeType.PAID, FeeType.DISCOUNTED])
def test_a_fee_that_is_not_a_number_is_refused_with_a_named_error(fee_type: FeeType) -> None:
    delivery = Delivery(OPENED_ON, DeliveryMode.PHONE, fee_type, Decimal("NaN"))
    with pytest.raises(RuleViolationError):
        assigned_case().deliver(delivery, later(2))


def test_a_case_in_an_unknown_category_is_not_opened() -> None:
    with pytest.raises(RuleViolationError) as excinfo:
        ServiceCase.open(window_id=WINDOW_ID, demand=demand(category="18"), meta=meta())
    assert excinfo.value.code == "unknown_category"


@pytest.mark.parametrize(
    "platform_id", [OTHER_WINDOW_ID, None], ids=["other-window", "no-platform"]
)
def test_a_window_opens_cases_only_for_itself(platform_id: UUID | None) -> None:
    with pytest.raises(RuleViolationError) as excinfo:
        ServiceCase.open(window_id=WINDOW_ID, demand=demand(), meta=meta(platform_id))
    assert excinfo.value.code == "not_case_owner"


# Each step on a case in a state where the owning window could take it.
STEPS_ALLOWED_TO_THE_OWNER = [
    pytest.param(opened_case, _assign, id="assign"),
    pytest.param(assigned_case, _deliver, id="deliver"),
    pytest.param(delivered_case, _feedback, id="feedback"),
    pytest.param(delivered_case, _close, id="close"),
    pytest.param(opened_case, _cancel, id="cancel"),
]


@pytest.mark.parametrize(("build", "step"), STEPS_ALLOWED_TO_THE_OWNER)
def test_only_the_window_that_opened_a_case_may_act_on_it(
    build: Callable[[], ServiceCase], step: Step
) -> None:
    case = build()
    with pytest.raises(RuleViolationError) as excinfo:
        step(case, replace(later(6), platform_id=OTHER_WINDOW_ID))
    assert excinfo.value.code == "not_case_owner"
    step(case, later(6))
    assert len(case.pending_events) == case.version


@pytest.mark.parametrize(("build", "step"), STEPS_ALLOWED_TO_THE_OWNER)
def test_a_step_dated_before_the_case_was_opened_is_refused(
    build: Callable[[], ServiceCase], step: Step
) -> None:
    case = build()
    with pytest.raises(RuleViolationError) as excinfo:
        step(case, meta(occurred_at=OPENED_AT - timedelta(seconds=1)))
    assert excinfo.value.code == "occurred_before_opening"
    assert excinfo.value.context == {"opened_at": OPENED_AT.isoformat()}


def test_a_step_dated_at_the_moment_of_opening_is_accepted() -> None:
    case = opened_case()
    case.assign(ASSIGNMENT, meta(occurred_at=OPENED_AT))
    assert case.status is CaseStatus.ASSIGNED
