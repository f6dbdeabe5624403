"""Period close (关账) over HTTP: the hub closes an ended year or month; entries for it are then
refused, or, under the hub's allowance, recorded and flagged ``post_close``."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ledger.domain.ids import period_id
from tests.api._support import (
    NOW,
    STORES,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    delivery_body,
    opening_body,
    store_url,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


FEBRUARY = "2026-02-10T10:00:00+08:00"
"""Business time in February 2026: the test clock is on 2 March 2026."""


def _close(api: Api, period: str, key: str | None = None) -> dict[str, object]:
    response = api.post(
        "/v1/periods", key=key or api.keys.hub, json={"period": period, "note": "核对完毕"}
    )
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def _allow(api: Api, period: str, platform_id: object, until: date | None = None) -> None:
    response = api.post(
        f"/v1/periods/{period_id(period)}/allowances",
        key=api.keys.hub,
        json={
            "platform_id": None if platform_id is None else str(platform_id),
            "until": (until or NOW.date()).isoformat(),
            "reason": "补录纸质台账",
        },
    )
    assert response.status_code == 200, response.text


def test_an_ended_month_is_closed_by_the_hub_and_read_by_everyone(api: Api) -> None:
    body = _close(api, "2026-02")

    assert body["id"] == str(period_id("2026-02"))
    assert (body["period"], body["closed"], body["allowances"]) == ("2026-02", True, [])
    for key in (api.keys.window_a, api.keys.bureau, api.keys.auditor):
        listed = api.get("/v1/periods", key=key)
        assert listed.status_code == 200, listed.text
        assert [p["period"] for p in listed.json()["periods"]] == ["2026-02"]
        assert api.get(f"/v1/periods/{body['id']}", key=key).status_code == 200


def test_a_period_not_ended_is_not_closed(api: Api) -> None:
    for period in ("2026-03", "2026", "2027-01"):
        problem = assert_refused_unrecorded(
            api, 422, "period_not_ended", "/v1/periods", key=api.keys.hub,
            json={"period": period},
        )  # fmt: skip
        assert "can be closed from" in problem["detail"]


def test_a_close_is_final_and_only_the_hubs(api: Api) -> None:
    _close(api, "2025")

    assert_refused_unrecorded(
        api, 409, "period_already_closed", "/v1/periods", key=api.keys.hub,
        json={"period": "2025"},
    )  # fmt: skip
    for key in (api.keys.window_a, api.keys.bureau, api.keys.auditor):
        response = api.post("/v1/periods", key=key, json={"period": "2026-01"})
        assert response.status_code == 403, response.text


@pytest.mark.parametrize("period", ["25", "2025-13", "2025-1", "2025-00", "2025/11"])
def test_a_period_is_a_year_or_a_month(api: Api, period: str) -> None:
    response = api.post("/v1/periods", key=api.keys.hub, json={"period": period})
    assert_problem(response, 422, "validation_failed")


def test_an_entry_for_a_closed_month_is_refused_without_an_allowance(api: Api) -> None:
    _close(api, "2026-02")

    problem = assert_refused_unrecorded(
        api, 409, "period_closed", "/v1/service-cases", key=api.keys.window_a,
        json=opening_body(occurred_at=FEBRUARY),
    )  # fmt: skip
    assert problem["context"]["period"] == "2026-02"
    # March is open: today's entries are unaffected
    today = api.post("/v1/service-cases", key=api.keys.window_a, json=opening_body())
    assert today.status_code == 201, today.text


def test_a_closed_year_refuses_entries_for_any_of_its_months(api: Api) -> None:
    _close(api, "2025")

    problem = assert_refused_unrecorded(
        api, 409, "period_closed", "/v1/service-cases", key=api.keys.window_a,
        json=opening_body(occurred_at="2025-12-30T09:00:00+08:00"),
    )  # fmt: skip
    assert problem["context"]["period"] == "2025"


def test_a_service_delivered_in_a_closed_month_is_an_entry_for_it(api: Api) -> None:
    case_id = str(api.open_case(occurred_at="2026-02-01T09:00:00+08:00")["id"])
    api.step(case_id, "assignment", occurred_at="2026-02-01T10:00:00+08:00")
    _close(api, "2026-02")

    # recorded today, but delivered on a day of the closed month
    assert_refused_unrecorded(
        api, 409, "period_closed", f"/v1/service-cases/{case_id}/delivery",
        key=api.keys.window_a, json=delivery_body(delivered_on="2026-02-27"),
    )  # fmt: skip


def test_under_the_hubs_allowance_the_entry_is_recorded_and_flagged(api: Api) -> None:
    _close(api, "2026-02")
    _allow(api, "2026-02", api.window_a_id)

    response = api.post(
        "/v1/service-cases", key=api.keys.window_a, json=opening_body(occurred_at=FEBRUARY)
    )

    assert response.status_code == 201, response.text
    opened = api.history(response.json()["id"])[0]
    assert opened["meta"]["post_close"] is True
    assert opened["meta"]["late_entry"] is True  # recorded weeks after it happened
    # an entry of today says neither
    today = api.history(api.open_case()["id"])[0]
    assert "post_close" not in today["meta"]
    assert "late_entry" not in today["meta"]


def test_an_allowance_is_for_one_platform_and_runs_out(api: Api) -> None:
    _close(api, "2026-02")
    _allow(api, "2026-02", api.window_b_id, until=NOW.date())

    assert_refused_unrecorded(
        api, 409, "period_closed", "/v1/service-cases", key=api.keys.window_a,
        json=opening_body(occurred_at=FEBRUARY),
    )  # fmt: skip
    assert (
        api.post(
            "/v1/service-cases", key=api.keys.window_b, json=opening_body(occurred_at=FEBRUARY)
        ).status_code
        == 201
    )
    api.clock.advance(days=1)
    assert_refused_unrecorded(
        api, 409, "period_closed", "/v1/service-cases", key=api.keys.window_b,
        json=opening_body(occurred_at=FEBRUARY),
    )  # fmt: skip


def test_a_month_and_its_year_both_closed_need_an_allowance_on_each(api: Api) -> None:
    api.clock.now = NOW.replace(year=2027, month=1, day=5)
    _close(api, "2026-02")
    _close(api, "2026")
    _allow(api, "2026", api.window_a_id, until=api.clock.now.date())

    assert_refused_unrecorded(
        api, 409, "period_closed", "/v1/service-cases", key=api.keys.window_a,
        json=opening_body(occurred_at=FEBRUARY),
    )  # fmt: skip
    _allow(api, "2026-02", api.window_a_id, until=api.clock.now.date())
    response = api.post(
        "/v1/service-cases", key=api.keys.window_a, json=opening_body(occurred_at=FEBRUARY)
    )
    assert response.status_code == 201, response.text


def test_an_allowance_is_refused_when_it_cannot_be_used(api: Api) -> None:
    _close(api, "2026-02")
    path = f"/v1/periods/{period_id('2026-02')}/allowances"
    body = {"platform_id": str(api.window_a_id), "until": NOW.date().isoformat(), "reason": "补录"}

    past = {**body, "until": (NOW.date() - timedelta(days=1)).isoformat()}
    assert_refused_unrecorded(api, 422, "invalid_period", path, key=api.keys.hub, json=past)
    nobody = {**body, "platform_id": "00000000-0000-4000-8000-000000000000"}
    assert_refused_unrecorded(api, 422, "unknown_party", path, key=api.keys.hub, json=nobody)
    assert_refused_unrecorded(api, 403, "forbidden_role", path, key=api.keys.window_a, json=body)
    open_month = f"/v1/periods/{period_id('2026-01')}/allowances"
    assert_refused_unrecorded(api, 404, "period_not_found", open_month, key=api.keys.hub, json=body)
