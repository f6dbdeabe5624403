"""Every time field, driven to its extremes over HTTP: each answer is a 2xx or a clear 4xx, never
a 500, and every view keeps up with whatever the ledger accepted."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.api._support import (
    Api,
    MakeApi,
    activity_body,
    delivery_body,
    opening_body,
    report_request_body,
)

OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
EDGE_TIMES = [
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00-14:00",
    "9999-12-31T23:59:59-14:00",
    "9999-12-31T23:59:59+14:00",
    "2017-12-31T23:59:59+08:00",
    "2018-01-01T00:00:00+08:00",
]
EDGE_DAYS = ["0001-01-01", "2017-12-31", "2018-01-01", "9999-12-31"]

# The tests' clock reads 2 March 2026: plausible values lie around it, extreme ones anywhere.
PLAUSIBLE = datetime(2026, 2, 1), datetime(2026, 3, 2, 1)
TIMES = st.one_of(
    st.sampled_from(EDGE_TIMES),
    st.datetimes(min_value=datetime.min, max_value=datetime.max, timezones=OFFSETS).map(
        datetime.isoformat
    ),
    st.datetimes(*PLAUSIBLE, timezones=OFFSETS).map(datetime.isoformat),
)
DAYS = st.one_of(
    st.sampled_from(EDGE_DAYS),
    st.dates().map(date.isoformat),
    st.dates(date(2026, 2, 1), date(2026, 3, 2)).map(date.isoformat),
    st.dates(date(2026, 3, 3), date(2027, 6, 30)).map(date.isoformat),
)
ANSWERS = {200, 201, 409, 422}

Send = Callable[[Api, str, str], Any]


def _open(api: Api, at: str, day: str) -> Any:
    return api.post("/v1/service-cases", key=api.keys.window_a, json=opening_body(occurred_at=at))


def _deliver(api: Api, at: str, day: str) -> Any:
    opened = "2026-02-01T09:00:00+08:00"  # early enough for most plausible deliveries
    case_id = str(api.open_case(occurred_at=opened)["id"])
    api.step(case_id, "assignment", occurred_at=opened)
    body = delivery_body(delivered_on=day, occurred_at=at)
    return api.post(f"/v1/service-cases/{case_id}/delivery", key=api.keys.window_a, json=body)


def _request_report(api: Api, at: str, day: str) -> Any:
    body = report_request_body(api.window_a_id, period="2026-02", occurred_at=at, due_on=day)
    return api.post("/v1/data-reports", key=api.keys.hub, json=body)


def _plan_activity(api: Api, at: str, day: str) -> Any:
    body = activity_body(starts_on=day, ends_on=day, occurred_at=at)
    return api.post("/v1/activities", key=api.keys.window_a, json=body)


def _order_rectification(api: Api, at: str, day: str) -> Any:
    body = {
        "deadline": day,
        "reasons": "满意度不达标",
        "citation": "reason:data_reports_late",
        "occurred_at": at,
    }
    return api.post(
        f"/v1/platforms/{api.window_b_id}/rectification-order", key=api.keys.hub, json=body
    )


@pytest.mark.parametrize(
    ("send", "accepted"),
    [
        (_open, ("2026-03-01T09:00:00+08:00", "2026-03-01")),
        (_deliver, ("2026-02-11T09:00:00+08:00", "2026-02-10")),
        (_request_report, ("2026-03-01T09:00:00+08:00", "2026-03-10")),
        (_plan_activity, ("2026-03-01T09:00:00+08:00", "2026-03-05")),
        (_order_rectification, ("2026-03-02T09:00:00+08:00", "2026-04-30")),
    ],
)
def test_extreme_times_are_answered_and_never_stop_a_view(
    make_api: MakeApi, send: Send, accepted: tuple[str, str]
) -> None:
    api = make_api(raise_server_exceptions=False)
    answered: list[int] = []

    @settings(
        max_examples=40,
        derandomize=True,  # the same examples every run: a failure is never luck
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(at=TIMES, day=DAYS)
    @example(at=accepted[0], day=accepted[1])  # one the rules accept, first
    def check(at: str, day: str) -> None:
        response = send(api, at, day)
        assert response.status_code in ANSWERS, (at, day, response.text)
        answered.append(response.status_code)

    check()

    head = api.head()
    deadline = time.monotonic() + 20
    while True:
        views = api.get("/v1/views/status", key=api.keys.admin).json()["views"]
        behind = {v["name"]: v for v in views if v["position"] < head or v["state"] != "live"}
        if not behind or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert behind == {}, behind
    assert answered[0] in {200, 201}, "the example the rules accept was refused"
