"""Truthful time over HTTP: record time is the ledger's, business time is bounded, and rules
judge punctuality by when the ledger recorded a fact, not by when the caller says it happened."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import pytest

from ledger.domain.access_key import Role
from tests.api._support import (
    STORES,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    new_uscc,
    opening_body,
    platform_body,
    report_request_body,
    store_url,
    submission_body,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


# 2 December 2026, 10:00 in Ningxia: the day everything below is recorded on.
RECORDED = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)


def _last_event(api: Api, path: str) -> dict[str, Any]:
    response = api.get(f"{path}/history", key=api.keys.auditor)
    assert response.status_code == 200, response.text
    event: dict[str, Any] = response.json()["events"][-1]
    return event


def test_a_submission_backdated_before_its_due_date_is_late_and_a_late_entry(api: Api) -> None:
    api.clock.now = datetime(2026, 10, 1, 1, 0, tzinfo=UTC)
    requested = api.post(
        "/v1/data-reports",
        key=api.keys.hub,
        json=report_request_body(
            api.window_a_id, period="2026-09", occurred_at="2026-10-01T09:00:00+08:00"
        ),
    )
    assert requested.status_code == 201, requested.text
    assert requested.json()["due_on"] == "2026-10-10"
    report = f"/v1/data-reports/{requested.json()['id']}"
    api.clock.now = RECORDED

    submitted = api.post(
        f"{report}/submission",
        key=api.keys.window_a,
        json=submission_body(occurred_at="2026-10-09T09:00:00+08:00"),
    )

    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["late"] is True
    event = _last_event(api, report)
    assert event["meta"]["occurred_at"].startswith("2026-10-09")
    assert event["recorded_at"].startswith("2026-12-02")
    assert event["meta"]["late_entry"] is True


def test_an_entry_recorded_within_the_tolerance_is_not_a_late_entry(api: Api) -> None:
    case = api.open_case(occurred_at="2026-03-01T09:00:00+08:00")  # a day before, recorded now

    event = _last_event(api, f"/v1/service-cases/{case['id']}")

    assert "late_entry" not in event["meta"]


def test_a_rectification_cannot_be_completed_by_backdating_it_before_the_deadline(
    api: Api,
) -> None:
    path = f"/v1/platforms/{api.window_a_id}"
    order = {
        "deadline": "2026-04-30",
        "reasons": "满意度不达标",
        "citation": "reason:data_reports_late",
    }
    assert api.post(f"{path}/rectification-order", key=api.keys.hub, json=order).status_code == 200
    api.clock.now = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)

    problem = assert_refused_unrecorded(
        api,
        422,
        "rectification_deadline",
        f"{path}/rectification-completion",
        key=api.keys.hub,
        json={"note": "已整改", "occurred_at": "2026-04-29T10:00:00+08:00"},
    )

    assert "2026-06-01" in problem["detail"]


def test_a_rectification_order_cannot_be_backdated_to_leave_no_time(api: Api) -> None:
    path = f"/v1/platforms/{api.window_a_id}/rectification-order"
    order = {
        "deadline": "2026-03-01",
        "reasons": "满意度不达标",
        "citation": "reason:data_reports_late",
        "occurred_at": "2026-02-20T10:00:00+08:00",
    }

    assert_refused_unrecorded(
        api, 422, "rectification_deadline", path, key=api.keys.hub, json=order
    )


def test_standing_does_not_run_backwards_in_business_time(api: Api) -> None:
    path = f"/v1/platforms/{api.window_a_id}"
    order = {
        "deadline": "2026-04-30",
        "reasons": "满意度不达标",
        "citation": "reason:data_reports_late",
    }
    assert api.post(f"{path}/rectification-order", key=api.keys.hub, json=order).status_code == 200

    assert_refused_unrecorded(
        api,
        422,
        "occurred_before_previous_step",
        f"{path}/recheck-failure",
        key=api.keys.hub,
        json={"reasons": "复查不合格", "occurred_at": "2026-02-01T10:00:00+08:00"},
    )


@pytest.mark.parametrize(
    "occurred_at",
    [
        "0001-01-01T00:00:00+14:00",
        "1999-12-31T23:59:59+08:00",
        "2017-12-31T23:59:59+08:00",
        "2017-12-31T15:59:59Z",
    ],
)
def test_business_time_before_the_network_started_is_refused(api: Api, occurred_at: str) -> None:
    problem = assert_refused_unrecorded(
        api,
        422,
        "occurred_before_network_start",
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(occurred_at=occurred_at),
    )

    assert problem["context"]["earliest"] == "2018-01-01"


def test_the_first_day_of_the_network_is_accepted(api: Api) -> None:
    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(occurred_at="2018-01-01T00:00:00+08:00"),
    )

    assert response.status_code == 201, response.text


def test_a_date_far_beyond_the_horizon_is_refused_with_its_field(api: Api) -> None:
    path = f"/v1/platforms/{api.window_a_id}/rectification-order"
    order = {
        "deadline": "9999-12-31",
        "reasons": "满意度不达标",
        "citation": "reason:data_reports_late",
    }

    problem = assert_refused_unrecorded(
        api, 422, "date_beyond_horizon", path, key=api.keys.hub, json=order
    )

    assert problem["context"]["field"] == "deadline"


def test_record_time_cannot_be_sent(api: Api) -> None:
    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(recorded_at="2020-01-01T00:00:00+08:00"),
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert problem["errors"][0]["loc"][-1] == "recorded_at"


def test_a_window_migrated_in_with_its_connection_date_records_history_from_that_date(
    api: Api,
) -> None:

    uscc = new_uscc()
    registered = api.post(
        "/v1/platforms",
        key=api.keys.admin,
        json={**platform_body(uscc), "occurred_at": "2025-01-02T09:00:00+08:00"},
    )
    assert registered.status_code == 201, registered.text
    window_id = registered.json()["id"]
    key, _ = api.issue_key(Role.WINDOW, UUID(window_id))

    opened = api.post(
        "/v1/service-cases", key=key, json=opening_body(occurred_at="2025-06-02T09:00:00+08:00")
    )
    before = api.post(
        "/v1/service-cases", key=key, json=opening_body(occurred_at="2025-01-01T09:00:00+08:00")
    )

    assert opened.status_code == 201, opened.text
    assert_problem(before, 422, "occurred_before_connection")
    history = api.get(f"/v1/platforms/{window_id}/history", key=api.keys.auditor).json()
    assert history["events"][0]["meta"]["late_entry"] is True


def test_late_entries_are_counted_in_the_service_statistics(api: Api) -> None:
    api.open_case(occurred_at="2026-03-01T09:00:00+08:00")  # within the tolerance
    late = api.open_case(occurred_at="2026-02-20T09:00:00+08:00")
    api.clock.advance(seconds=1)
    api.step(str(late["id"]), "assignment")

    response = api.get(
        "/v1/views/service-statistics",
        key=api.keys.hub,
        params={"year": 2026, "period": "month", "min_position": api.head()},
    )

    by_month = {row["period"]: row for row in response.json()["statistics"]}
    assert (by_month["2026-02"]["late_entries"], by_month["2026-03"]["late_entries"]) == (1, 0)
