"""Corrections of service cases over HTTP: new events with a reason, never edits; the views show
the corrected figures and the history keeps the trail."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api._support import (
    STORES,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    delivery_body,
    feedback_body,
    store_url,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


AMENDED = delivery_body(fee_type="free", fee_amount="0", reason="实为公益服务，收费录入错误")


def _statistics(api: Api, position: int) -> dict[str, Any]:
    response = api.get(
        "/v1/views/service-statistics",
        key=api.keys.hub,
        params={"year": 2026, "period": "month", "min_position": position},
    )
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["statistics"]
    return rows[0] if rows else {}


def _closed_case(api: Api) -> str:
    case_id = api.case_ready_for("closure")
    api.clock.advance(seconds=1)
    api.step(case_id, "closure")
    return case_id


def test_a_closed_cases_delivery_is_amended_and_the_figures_follow(api: Api) -> None:
    case_id = _closed_case(api)
    before = _statistics(api, api.head())

    response = api.post(
        f"/v1/service-cases/{case_id}/delivery-amendment", key=api.keys.window_a, json=AMENDED
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "closed"
    assert body["delivery"]["fee_type"] == "free"
    after = _statistics(api, body["position"])
    assert (before["delivered"], after["delivered"]) == (1, 1)
    assert (before["free_share"], after["free_share"]) == ("0.0000", "1.0000")
    history = api.history(case_id)
    delivered = next(e for e in history if e["type"] == "ServiceCase.Delivered")
    amended = history[-1]
    assert amended["type"] == "ServiceCase.DeliveryAmended"
    assert amended["data"]["corrects"] == delivered["version"]
    assert amended["data"]["reason"] == AMENDED["reason"]
    assert delivered["data"]["fee_type"] == "discounted"  # what was recorded first stays


def test_a_second_amendment_corrects_the_first(api: Api) -> None:
    case_id = _closed_case(api)
    path = f"/v1/service-cases/{case_id}/delivery-amendment"
    first = api.post(path, key=api.keys.window_a, json=AMENDED).json()

    again = api.post(
        path, key=api.keys.window_a, json={**AMENDED, "fee_type": "paid", "fee_amount": "80.00"}
    )

    assert again.status_code == 200, again.text
    assert api.history(case_id)[-1]["data"]["corrects"] == first["version"]


def test_an_amendment_that_changes_nothing_is_refused(api: Api) -> None:
    case_id = _closed_case(api)

    assert_refused_unrecorded(
        api,
        422,
        "nothing_to_amend",
        f"/v1/service-cases/{case_id}/delivery-amendment",
        key=api.keys.window_a,
        json={**delivery_body(), "reason": "核对"},
    )


def test_a_case_not_yet_delivered_has_no_delivery_to_amend(api: Api) -> None:
    case_id = api.case_ready_for("delivery")

    assert_refused_unrecorded(
        api,
        422,
        "step_out_of_order",
        f"/v1/service-cases/{case_id}/delivery-amendment",
        key=api.keys.window_a,
        json=AMENDED,
    )


def test_a_voided_case_counts_nowhere_and_accepts_nothing_more(api: Api) -> None:
    case_id = _closed_case(api)
    assert _statistics(api, api.head())["delivered"] == 1

    voided = api.post(
        f"/v1/service-cases/{case_id}/voiding", key=api.keys.window_a, json={"reason": "重复录入"}
    )

    assert voided.status_code == 200, voided.text
    assert voided.json()["status"] == "voided"
    assert _statistics(api, voided.json()["position"]).get("delivered", 0) == 0
    assert api.history(case_id)[-1]["data"]["reason"] == "重复录入"
    assert_refused_unrecorded(
        api,
        422,
        "case_finalised",
        f"/v1/service-cases/{case_id}/voiding",
        key=api.keys.window_a,
        json={"reason": "again"},
    )
    assert_refused_unrecorded(
        api,
        422,
        "case_finalised",
        f"/v1/service-cases/{case_id}/delivery-amendment",
        key=api.keys.window_a,
        json=AMENDED,
    )


@pytest.mark.parametrize("step", ["voiding", "delivery-amendment"])
def test_a_correction_gives_its_reason(api: Api, step: str) -> None:
    case_id = _closed_case(api)
    body = {**AMENDED, "reason": "  "} if step == "delivery-amendment" else {"reason": ""}

    response = api.post(f"/v1/service-cases/{case_id}/{step}", key=api.keys.window_a, json=body)

    problem = assert_problem(response, 422, "validation_failed")
    assert problem["errors"][0]["loc"][-1] == "reason"


@pytest.mark.parametrize("step", ["voiding", "delivery-amendment"])
def test_only_the_window_that_recorded_a_case_corrects_it(api: Api, step: str) -> None:
    case_id = _closed_case(api)
    body = AMENDED if step == "delivery-amendment" else {"reason": "重复录入"}
    head = api.head()

    by_hub = api.post(f"/v1/service-cases/{case_id}/{step}", key=api.keys.hub, json=body)
    by_other = api.post(f"/v1/service-cases/{case_id}/{step}", key=api.keys.window_b, json=body)

    assert_problem(by_hub, 403, "forbidden_role")
    assert by_other.status_code == 404
    assert api.head() == head


def test_feedback_after_closure_is_recorded_late_and_counted(api: Api) -> None:
    case_id = api.case_ready_for("closure")
    api.clock.advance(seconds=1)
    api.step(case_id, "closure")
    before = _statistics(api, api.head())
    api.clock.advance(days=10)

    late = api.post(
        f"/v1/service-cases/{case_id}/feedback", key=api.keys.window_a, json=feedback_body()
    )
    again = api.post(
        f"/v1/service-cases/{case_id}/feedback", key=api.keys.window_a, json=feedback_body()
    )

    assert late.status_code == 200, late.text
    assert late.json()["status"] == "closed"
    assert late.json()["feedback"]["satisfaction"] == 5
    assert api.history(case_id)[-1]["type"] == "ServiceCase.LateFeedbackReceived"
    after = _statistics(api, late.json()["position"])
    assert (before["ratings"], after["ratings"]) == (0, 1)
    assert_problem(again, 422, "feedback_already_recorded")
