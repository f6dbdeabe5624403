"""Views over HTTP: freshness, the role rules, CSV export, and rebuild reporting."""

from __future__ import annotations

import csv
import io

from ledger.domain.access_key import Role
from tests.api._support import ENTERPRISE_USCC, Api, assert_problem


def delivered_case(api: Api, key: str | None = None) -> dict[str, object]:
    case = api.open_case(key=key)
    api.step(str(case["id"]), "assignment", key=key)
    return api.step(str(case["id"]), "delivery", key=key)


def test_a_view_read_with_min_position_sees_the_write_it_follows(api: Api) -> None:
    written = delivered_case(api)

    response = api.get(
        "/v1/views/service-statistics",
        key=api.keys.hub,
        params={"year": 2026, "period": "month", "min_position": written["position"]},
    )

    assert response.status_code == 200
    [row] = response.json()["statistics"]
    assert (row["window_id"], row["period"], row["delivered"]) == (
        str(api.window_a_id),
        "2026-03",
        1,
    )


def test_a_view_that_cannot_reach_min_position_in_time_answers_503(make_api: object) -> None:
    api = make_api(view_wait_seconds=0.05)  # type: ignore[operator]

    response = api.get(
        "/v1/views/participants", key=api.keys.hub, params={"min_position": 10_000_000}
    )

    body = assert_problem(response, 503, "view_behind")
    assert response.headers["Retry-After"] == "1"
    assert "10000000" in body["detail"]


def test_a_rebuilding_view_is_reported_not_served(make_api: object) -> None:
    # No daemon in this process, so the rebuild stays where the test leaves it.
    api = make_api(embedded_views=False)  # type: ignore[operator]
    views = api.client.app.state.views
    with views.store.transaction() as tx:
        views._reset(tx, views.projections["registry"])

    response = api.get("/v1/views/participants", key=api.keys.auditor)

    assert_problem(response, 503, "view_rebuilding")


def test_a_window_reads_only_its_own_statistics(api: Api) -> None:
    delivered_case(api)
    delivered_case(api, key=api.keys.window_b)

    own = api.get("/v1/views/service-statistics", key=api.keys.window_a, params={"year": 2026})
    other = api.get(
        "/v1/views/service-statistics",
        key=api.keys.window_a,
        params={"year": 2026, "window_id": str(api.window_b_id)},
    )
    everyone = api.get("/v1/views/service-statistics", key=api.keys.bureau, params={"year": 2026})

    assert {r["window_id"] for r in own.json()["statistics"]} == {str(api.window_a_id)}
    assert_problem(other, 403, "forbidden_platform")
    assert len(everyone.json()["statistics"]) == 2


def test_an_enterprise_history_spans_windows_for_the_hub_but_not_for_a_window(api: Api) -> None:
    delivered_case(api)
    delivered_case(api, key=api.keys.window_b)
    path = f"/v1/views/enterprises/{ENTERPRISE_USCC}/services"

    hub = api.get(path, key=api.keys.hub, params={"min_position": api.head()}).json()
    window = api.get(path, key=api.keys.window_a).json()

    assert hub["count"] == 2
    assert {s["window_id"] for s in window["services"]} == {str(api.window_a_id)}


def test_the_registry_lists_the_network_with_its_standing(api: Api) -> None:
    everyone = api.get("/v1/views/participants", key=api.keys.window_a).json()
    windows = api.get(
        "/v1/views/participants", key=api.keys.auditor, params={"kind": "window", "limit": 1}
    ).json()

    kinds = sorted(row["kind"] for row in everyone["participants"])
    assert kinds == ["hub", "institution", "window", "window"]
    assert everyone["count"] == 4
    assert {row["standing"] for row in everyone["participants"]} == {"good"}
    assert all(row["revoked_on"] is None for row in everyone["participants"])
    [first] = windows["participants"]
    assert first["kind"] == "window"
    assert first["id"] in {str(api.window_a_id), str(api.window_b_id)}


def test_views_export_as_csv(api: Api) -> None:
    response = api.get(
        "/v1/views/participants", key=api.keys.auditor, params={"format": "csv", "kind": "window"}
    )

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {r["id"] for r in rows} == {str(api.window_a_id), str(api.window_b_id)}
    assert rows[0]["kind"] == "window"


def test_view_status_shows_each_views_lag(api: Api) -> None:
    response = api.get("/v1/views/status", key=api.keys.admin)
    refused = api.get("/v1/views/status", key=api.keys.window_a)

    names = {v["name"] for v in response.json()["views"]}
    assert {"registry", "service_cases"} <= names
    assert_problem(refused, 403, "forbidden_role")


def test_statistics_are_refused_to_roles_that_do_not_read_them(api: Api) -> None:
    for role in (Role.ADMIN, Role.INSTITUTION):
        response = api.get(
            "/v1/views/service-statistics", key=api.keys.for_role(role), params={"year": 2026}
        )
        assert_problem(response, 403, "forbidden_role")
