"""422: bodies that do not fit the schema, and commands a domain rule refuses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx
import pytest

from tests.api._support import (
    JSON,
    Api,
    assert_problem,
    assignment_body,
    delivery_body,
    enterprise_body,
    feedback_body,
    later,
    new_uscc,
    opening_body,
)


def _errors_by_field(problem: JSON) -> dict[str, str]:
    return {".".join(e["loc"]): e["type"] for e in problem["errors"]}


def test_a_body_that_does_not_fit_the_schema_lists_an_error_for_each_field(api: Api) -> None:
    body = opening_body(channel="fax", category="1002", external_ref=" leading space")
    del body["uscc"]

    response = api.post("/v1/service-cases", key=api.keys.window_a, json=body)

    problem = assert_problem(response, 422, "validation_failed")
    assert _errors_by_field(problem) == {
        "body.uscc": "missing",
        "body.channel": "literal_error",
        "body.category": "string_pattern_mismatch",
        "body.external_ref": "string_pattern_mismatch",
    }
    assert all(e["msg"] for e in problem["errors"])


def test_an_unknown_field_is_refused_rather_than_ignored(api: Api) -> None:
    response = api.post(
        "/v1/enterprises", key=api.keys.window_a, json={**enterprise_body(), "size_class": "micro"}
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert _errors_by_field(problem) == {"body.size_class": "extra_forbidden"}


def test_an_unknown_field_in_a_nested_step_is_refused(api: Api) -> None:
    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(assignment={**assignment_body(), "provider_ref": "p-1"}),
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert _errors_by_field(problem) == {"body.assignment.provider_ref": "extra_forbidden"}


def _step_errors(api: Api, step: str, body: JSON) -> dict[str, str]:
    """The fields ``step`` with ``body``, on a case ready for it, is refused for (422), and why."""
    case_id = api.case_ready_for(step)

    response = api.post(f"/v1/service-cases/{case_id}/{step}", key=api.keys.window_a, json=body)

    problem = assert_problem(response, 422, "validation_failed")
    return _errors_by_field(problem)


def _errors_of_a_delivery_charging(api: Api, amount: object) -> dict[str, str]:
    """The fields a delivery charging ``amount`` is refused for (422), and why."""
    return _step_errors(api, "delivery", delivery_body(fee_amount=amount))


@pytest.mark.parametrize("amount", [300, 300.0, 300.5])
def test_money_sent_as_a_json_number_is_refused(api: Api, amount: float) -> None:
    assert _errors_of_a_delivery_charging(api, amount) == {"body.fee_amount": "string_type"}


def test_revenue_sent_as_a_json_number_is_refused(api: Api) -> None:
    response = api.post(
        "/v1/enterprises", key=api.keys.window_a, json=enterprise_body() | {"revenue_wan": 4200}
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert _errors_by_field(problem) == {"body.revenue_wan": "string_type"}


@pytest.mark.parametrize("amount", ["300.001", "-300.00", "3e2", "300,00"])
def test_money_that_is_not_a_plain_amount_in_yuan_is_refused(api: Api, amount: str) -> None:
    errors = _errors_of_a_delivery_charging(api, amount)

    assert errors == {"body.fee_amount": "string_pattern_mismatch"}


@pytest.mark.parametrize("satisfaction", [0, 6, "5", 4.5])
def test_satisfaction_is_a_whole_number_from_1_to_5(api: Api, satisfaction: object) -> None:
    errors = _step_errors(api, "feedback", feedback_body(satisfaction=satisfaction))

    assert list(errors) == ["body.satisfaction"]


def test_business_time_without_an_offset_is_refused(api: Api) -> None:
    errors = _step_errors(api, "assignment", assignment_body(occurred_at="2026-03-02T10:00:00"))

    assert errors == {"body.occurred_at": "timezone_aware"}


# --- domain rules -----------------------------------------------------------------------------


Send = Callable[[Api, str], httpx.Response]


def _no_case(_: Api) -> str:
    return ""


@dataclass(frozen=True)
class Refusal:
    """A command a domain rule refuses, and the code it is refused with."""

    code: str
    send: Send
    """Sends the command (given the prepared case id, if any)."""
    prepare: Callable[[Api], str] = _no_case


def _case(ready_for: str, *then: str) -> Callable[[Api], str]:
    """A window A case prepared for ``ready_for``, after which the steps ``then`` were taken."""

    def prepare(api: Api) -> str:
        case_id = api.case_ready_for(ready_for)
        for step in then:
            api.step(case_id, step)
        return case_id

    return prepare


def _step(step: str, body: JSON) -> Send:
    return lambda api, case_id: api.post(
        f"/v1/service-cases/{case_id}/{step}", key=api.keys.window_a, json=body
    )


def _open(**overrides: object) -> Send:
    return lambda api, _: api.post(
        "/v1/service-cases", key=api.keys.window_a, json=opening_body(**overrides)
    )


def _register(**overrides: object) -> Send:
    return lambda api, _: api.post(
        "/v1/enterprises", key=api.keys.window_a, json=enterprise_body() | overrides
    )


REFUSALS = {
    "delivery-before-assignment": Refusal(
        "step_out_of_order", _step("delivery", delivery_body()), _case("assignment")
    ),
    "cancellation-after-delivery": Refusal(
        "step_out_of_order", _step("cancellation", {"reason": "太晚"}), _case("closure")
    ),
    "feedback-before-delivery": Refusal(
        "feedback_before_delivery", _step("feedback", feedback_body()), _case("delivery")
    ),
    "feedback-twice": Refusal(
        "feedback_already_recorded",
        _step("feedback", feedback_body()),
        _case("feedback", "feedback"),
    ),
    "step-on-closed-case": Refusal(
        "case_finalised", _step("cancellation", {"reason": "晚了"}), _case("closure", "closure")
    ),
    "step-on-cancelled-case": Refusal(
        "case_finalised",
        _step("assignment", assignment_body()),
        _case("cancellation", "cancellation"),
    ),
    "free-service-with-a-fee": Refusal(
        "invalid_fee", _step("delivery", delivery_body(fee_type="free")), _case("delivery")
    ),
    "paid-service-without-a-fee": Refusal(
        "invalid_fee", _step("delivery", delivery_body(fee_amount="0.00")), _case("delivery")
    ),
    "delivered-before-opening": Refusal(
        "invalid_delivery_date",
        _step("delivery", delivery_body(delivered_on="2026-03-01")),
        _case("delivery"),
    ),
    "unknown-category": Refusal("unknown_category", _open(category="18")),
    "unknown-enterprise": Refusal("unknown_enterprise", _open(uscc=new_uscc())),
    "opened-in-the-future": Refusal("occurred_in_future", _open(occurred_at=later(days=1))),
    "step-in-the-future": Refusal(
        "occurred_in_future",
        _step("assignment", assignment_body(occurred_at=later(minutes=6))),
        _case("assignment"),
    ),
    "step-before-opening": Refusal(
        "occurred_before_opening",
        _step("assignment", assignment_body(occurred_at=later(seconds=-1))),
        _case("assignment"),
    ),
    "uscc-with-a-wrong-check-character": Refusal(
        "invalid_uscc", _register(uscc="91640104MA71TJ3Y8H")
    ),
    "uscc-with-a-letter-never-used": Refusal("invalid_uscc", _register(uscc="91640104MA71TJ3Y8I")),
    "region-outside-ningxia": Refusal("unknown_region", _register(region="110101")),
    "unknown-industry": Refusal("unknown_industry", _register(industry="mining")),
}


@pytest.mark.parametrize("refusal", [pytest.param(r, id=k) for k, r in REFUSALS.items()])
def test_a_command_a_rule_refuses_is_a_422_problem_and_records_nothing(
    api: Api, refusal: Refusal
) -> None:
    case_id = refusal.prepare(api)
    head = api.head()

    response = refusal.send(api, case_id)

    assert_problem(response, 422, refusal.code)
    assert api.head() == head


def test_business_time_within_the_allowed_clock_skew_is_accepted(api: Api) -> None:
    case_id = api.case_ready_for("assignment")

    response = api.post(
        f"/v1/service-cases/{case_id}/assignment",
        key=api.keys.window_a,
        json=assignment_body(occurred_at=later(minutes=4)),
    )

    assert response.status_code == 200, response.text
