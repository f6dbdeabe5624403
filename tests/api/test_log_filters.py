"""GET /v1/events filtered by event type, stream and position range."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api._support import STORES, Api, assert_problem, store_url


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def _events(api: Api, **params: Any) -> list[dict[str, Any]]:
    response = api.get("/v1/events", key=api.keys.auditor, params=params)
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


def test_a_page_of_one_type_holds_only_that_type_in_log_order(api: Api) -> None:
    cases = [api.case_ready_for("delivery") for _ in range(3)]

    opened = _events(api, type="ServiceCase.Opened", limit=1000)

    assert [e["stream_id"] for e in opened] == cases
    assert {e["type"] for e in opened} == {"ServiceCase.Opened"}
    positions = [e["position"] for e in opened]
    assert positions == sorted(positions)


def test_types_may_be_named_together_and_pages_follow_the_filter(api: Api) -> None:
    for _ in range(3):
        api.case_ready_for("delivery")
    params = {"type": ["ServiceCase.Opened", "ServiceCase.Assigned"], "limit": 4}

    first = api.get("/v1/events", key=api.keys.auditor, params=params)
    second = api.get(
        first.headers["link"].split(">")[0].lstrip("<").removeprefix("http://testserver"),
        key=api.keys.auditor,
    )

    seen = first.json()["events"] + second.json()["events"]
    assert [e["type"] for e in seen].count("ServiceCase.Opened") == 3
    assert [e["type"] for e in seen].count("ServiceCase.Assigned") == 3


def test_a_stream_and_a_range_of_positions_narrow_the_page(api: Api) -> None:
    case_id = api.case_ready_for("delivery")
    api.case_ready_for("delivery")
    case_events = _events(api, stream=case_id)

    assert [e["type"] for e in case_events] == ["ServiceCase.Opened", "ServiceCase.Assigned"]
    first = case_events[0]["position"]
    assert _events(api, stream=case_id, until=first) == case_events[:1]
    assert _events(api, stream=case_id, after=first) == case_events[1:]
    ranged = _events(api, after=first - 1, until=first + 1)
    assert [e["position"] for e in ranged] == [first, first + 1]


def test_an_unknown_type_is_refused(api: Api) -> None:
    response = api.get("/v1/events", key=api.keys.auditor, params={"type": "ServiceCase.Edited"})

    problem = assert_problem(response, 422, "unknown_event_type")
    assert "ServiceCase.Edited" in problem["detail"]
