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
    opening_body,
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


def _voided(api: Api, key: str | None = None) -> dict[str, Any]:
    """A case of window A (or of ``key``'s window) voided as recorded by mistake."""
    key = key or api.keys.window_a
    case = api.open_case(key=key)
    api.clock.advance(seconds=1)
    path = f"/v1/service-cases/{case['id']}/voiding"
    voided = api.post(path, key=key, json={"reason": "录错企业"})
    assert voided.status_code == 200, voided.text
    body: dict[str, Any] = voided.json()
    return body


def test_a_voided_cases_external_ref_is_recorded_anew_by_a_case_that_replaces_it(
    api: Api,
) -> None:
    voided = _voided(api)
    ref = voided["external_ref"]

    taken = api.post(
        "/v1/service-cases", key=api.keys.window_a, json=opening_body(external_ref=ref)
    )
    replacement = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(external_ref=ref, replaces=voided["id"], description="更正后的记录"),
    )

    assert_problem(taken, 409, "external_ref_exists")
    assert replacement.status_code == 201, replacement.text
    new = replacement.json()
    assert (new["external_ref"], new["replaces"], new["status"]) == (ref, voided["id"], "opened")
    old = api.get(f"/v1/service-cases/{voided['id']}", key=api.keys.window_a).json()
    assert (old["status"], old["replaced_by"], old["void_reason"]) == (
        "voided",
        new["id"],
        "录错企业",
    )
    assert api.history(new["id"])[1]["type"] == "ServiceCase.Replaces"


def test_a_voided_case_is_replaced_once_and_only_a_voided_case_of_ones_own(api: Api) -> None:
    voided = _voided(api)
    body = opening_body(external_ref=voided["external_ref"], replaces=voided["id"])
    assert api.post("/v1/service-cases", key=api.keys.window_a, json=body).status_code == 201
    live = api.open_case()

    assert_refused_unrecorded(
        api, 422, "invalid_replacement", "/v1/service-cases", key=api.keys.window_a, json=body
    )
    assert_refused_unrecorded(
        api, 422, "invalid_replacement", "/v1/service-cases", key=api.keys.window_a,
        json=opening_body(external_ref=live["external_ref"], replaces=live["id"]),
    )  # fmt: skip
    assert_refused_unrecorded(
        api, 422, "invalid_replacement", "/v1/service-cases", key=api.keys.window_a,
        json=opening_body(replaces=_voided(api)["id"]),  # another external_ref
    )  # fmt: skip
    theirs = _voided(api, key=api.keys.window_b)
    assert_refused_unrecorded(
        api, 404, "service_case_not_found", "/v1/service-cases", key=api.keys.window_a,
        json=opening_body(external_ref=theirs["external_ref"], replaces=theirs["id"]),
    )  # fmt: skip


def test_a_record_imported_again_after_its_case_was_replaced_is_compared_with_the_replacement(
    api: Api,
) -> None:
    voided = _voided(api)
    corrected = opening_body(external_ref=voided["external_ref"], description="更正后的记录")
    replacement = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json={**corrected, "replaces": voided["id"]},
    ).json()

    again = api.post(
        "/v1/service-cases:batch", key=api.keys.window_a, json={"records": [corrected]}
    )

    assert again.status_code == 200, again.text
    (result,) = again.json()["results"]
    assert (result["status"], result["id"]) == ("exists", replacement["id"])
