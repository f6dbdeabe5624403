"""The global log over HTTP, health, readiness and metrics."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from runtime.settings import Settings
from tests.api._support import JSON, Api, MakeApi, TestClient, assert_problem

_NEXT = re.compile(r'^<(?P<url>[^>]+)>; rel="next"$')


def _page(api: Api, url: str, params: dict[str, int] | None = None) -> httpx.Response:
    response = api.get(url, key=api.keys.auditor, params=params)
    assert response.status_code == 200, response.text
    return response


def _follow(api: Api, limit: int) -> tuple[list[JSON], list[httpx.Response]]:
    """Every event, read page by page by following ``Link: rel="next"``; and the pages."""
    events: list[JSON] = []
    pages = [_page(api, "/v1/events", {"after": 0, "limit": limit})]
    while "link" in pages[-1].headers:
        assert len(pages) <= api.head(), "the next links do not come to an end"
        match = _NEXT.match(pages[-1].headers["link"])
        assert match is not None, pages[-1].headers["link"]
        events += pages[-1].json()["events"]
        pages.append(_page(api, match["url"]))
    events += pages[-1].json()["events"]
    return events, pages


def test_following_next_links_reads_the_whole_log_once_in_order(api: Api) -> None:
    for _ in range(3):
        api.case_ready_for("closure")

    events, pages = _follow(api, limit=4)
    whole = _page(api, "/v1/events", {"after": 0, "limit": 1000}).json()

    assert events == whole["events"]
    assert [e["position"] for e in events] == list(range(1, api.head() + 1))
    assert all(len(p.json()["events"]) == 4 for p in pages[:-1])
    assert len(pages[-1].json()["events"]) < 4


def test_a_page_says_where_the_next_starts_and_where_the_head_is(api: Api) -> None:
    head = api.head()

    page = _page(api, "/v1/events", {"after": 2, "limit": 3}).json()

    assert [e["position"] for e in page["events"]] == [3, 4, 5]
    assert page["after"] == 2
    assert page["next_after"] == 5
    assert page["head"] == head


def test_the_log_reads_the_same_twice(api: Api) -> None:
    api.case_ready_for("closure")

    first = _page(api, "/v1/events", {"after": 0, "limit": 50})
    second = _page(api, "/v1/events", {"after": 0, "limit": 50})

    assert first.content == second.content


def test_a_page_that_is_not_full_has_no_next_link(api: Api) -> None:
    head = api.head()

    page = _page(api, "/v1/events", {"after": head - 1, "limit": 5})

    assert "link" not in page.headers
    assert [e["position"] for e in page.json()["events"]] == [head]


def test_a_page_past_the_head_is_empty_and_stays_where_it_was(api: Api) -> None:
    head = api.head()

    page = _page(api, "/v1/events", {"after": head + 10})

    assert page.json()["events"] == []
    assert page.json()["next_after"] == head + 10
    assert "link" not in page.headers


def test_a_page_larger_than_the_setting_is_refused_not_capped(make_api: MakeApi) -> None:
    api = make_api(log_page_limit=2)

    assert_problem(
        api.get("/v1/events", key=api.keys.auditor, params={"after": 0, "limit": 50}),
        422,
        "validation_failed",
    )
    page = _page(api, "/v1/events", {"after": 0, "limit": 2})
    assert len(page.json()["events"]) == 2
    match = _NEXT.match(page.headers["link"])
    assert match is not None
    assert httpx.URL(match["url"]).params == httpx.QueryParams({"after": "2", "limit": "2"})


def test_a_log_event_carries_its_type_envelope_and_data(api: Api) -> None:
    case = api.open_case()

    (event,) = _page(api, "/v1/events", {"after": case["position"] - 1, "limit": 1}).json()[
        "events"
    ]

    assert event["type"] == "ServiceCase.Opened"
    assert event["stream_id"] == case["id"]
    assert event["meta"]["platform_id"] == str(api.window_a_id)
    assert event["data"]["external_ref"] == case["external_ref"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 10_001}, {"after": -1}])
def test_a_page_outside_the_allowed_range_is_refused(api: Api, params: dict[str, int]) -> None:
    response = api.get("/v1/events", key=api.keys.auditor, params=params)

    problem = assert_problem(response, 422, "validation_failed")
    assert [e["loc"] for e in problem["errors"]] == [["query", *params]]


# --- operations --------------------------------------------------------------------------------


def test_liveness_needs_no_key(api: Api) -> None:
    response = api.client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readiness_reports_the_store_and_the_head(api: Api) -> None:
    response = api.client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["checks"], body["head"]) == (
        "ready",
        {"database": "ok"},
        api.head(),
    )
    assert {"registry", "service_cases", "activities", "funds"} <= set(body["views"])
    assert all(set(v) == {"lag", "state"} for v in body["views"].values())


def test_the_app_builds_its_own_ledger_from_the_settings_when_given_none(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'own.sqlite'}"))

    with TestClient(app) as client:
        response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["head"] == 0
    assert (tmp_path / "own.sqlite").exists()


def _metric(api: Api, series: str) -> float:
    """The value of one series (name and labels exactly as exposed), 0 if not exposed yet."""
    for line in api.client.get("/metrics").text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_by_route_template_never_by_raw_id(api: Api) -> None:
    case_id = api.open_case()["id"]
    series = (
        'ledger_http_requests_total{method="GET",route="/v1/service-cases/{case_id}",status="200"}'
    )
    before = _metric(api, series)

    api.get(f"/v1/service-cases/{case_id}", key=api.keys.auditor)
    text = api.client.get("/metrics").text

    assert _metric(api, series) == before + 1
    assert case_id not in text


def test_metrics_count_appended_events_by_type(api: Api) -> None:
    series = 'ledger_events_appended_total{type="ServiceCase.Opened"}'
    assigned = 'ledger_events_appended_total{type="ServiceCase.Assigned"}'
    before, assigned_before = _metric(api, series), _metric(api, assigned)

    api.open_case(assignment={"provider_kind": "expert", "provider_name": "王教授"})

    assert _metric(api, series) == before + 1
    assert _metric(api, assigned) == assigned_before + 1


def test_metrics_are_prometheus_text(api: Api) -> None:
    response = api.client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert "# TYPE ledger_http_requests_total counter" in response.text
    assert "# TYPE ledger_http_request_duration_seconds histogram" in response.text
