"""Who may call the activity and data-report routes, and what one window may see of another's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ledger.domain.access_key import Role
from tests.api._routes import Route, role_cases, role_tests
from tests.api._support import (
    ACTIVITY_STEP_BODIES,
    READS,
    REPORT_STEP_BODIES,
    REPORTING_NOW,
    Api,
    activity_body,
    activity_ready_for,
    assert_not_found_by_window_a,
    assert_problem,
    assert_refused_unrecorded,
    holding_body,
    plan_activity,
    post_if_match,
    report_ready_for,
    report_request_body,
    request_report,
    submission_body,
)

HUB, BUREAU, AUDITOR, WINDOW = Role.HUB, Role.BUREAU, Role.AUDITOR, Role.WINDOW
READERS = frozenset({WINDOW, HUB, BUREAU, AUDITOR})


def _organiser_key(api: Api, role: Role) -> str:
    return api.keys.hub if role is HUB else api.keys.window_a


def _activity_step(step: str) -> Route:
    return Route(
        "POST",
        f"/v1/activities/{{id}}/{step}",
        frozenset({WINDOW, HUB}),
        lambda api, role: (
            f"/v1/activities/{activity_ready_for(api, step, _organiser_key(api, role))}/{step}"
        ),
        lambda *_: ACTIVITY_STEP_BODIES[step](),
    )


def _activity_path(suffix: str = "") -> Callable[[Api, Role], str]:
    return lambda api, _: f"/v1/activities/{plan_activity(api)['id']}{suffix}"


def _report_step(step: str, allowed: Role) -> Route:
    return Route(
        "POST",
        f"/v1/data-reports/{{id}}/{step}",
        frozenset({allowed}),
        lambda api, _: f"/v1/data-reports/{report_ready_for(api, step)}/{step}",
        lambda *_: REPORT_STEP_BODIES[step](),
    )


def _report_path(suffix: str = "") -> Callable[[Api, Role], str]:
    return lambda api, _: f"/v1/data-reports/{request_report(api)['id']}{suffix}"


def _reports_list(api: Api, _: Role) -> str:
    request_report(api)
    return "/v1/data-reports"


def _new_report_request(api: Api, _: Role) -> str:
    api.clock.now = REPORTING_NOW
    return "/v1/data-reports"


ROUTES = [
    Route(
        "POST",
        "/v1/activities",
        frozenset({WINDOW, HUB}),
        lambda _, __: "/v1/activities",
        lambda *_: activity_body(),
        created=True,
    ),
    *(_activity_step(step) for step in ACTIVITY_STEP_BODIES),
    Route("GET", "/v1/activities/{id}", READERS, _activity_path()),
    Route("GET", "/v1/activities/{id}/history", READERS, _activity_path("/history")),
    Route(
        "POST",
        "/v1/data-reports",
        frozenset({HUB}),
        _new_report_request,
        lambda api, _: report_request_body(api.window_a_id),
        created=True,
    ),
    _report_step("submission", WINDOW),
    _report_step("acceptance", HUB),
    _report_step("return", HUB),
    Route("GET", "/v1/data-reports", READERS, _reports_list),
    Route("GET", "/v1/data-reports/{id}", READERS, _report_path()),
    Route("GET", "/v1/data-reports/{id}/history", READERS, _report_path("/history")),
]

CASES = role_cases(ROUTES)
(
    test_a_role_the_route_is_not_for_gets_403_and_nothing_is_recorded,
    test_a_role_the_route_is_for_is_answered,
) = role_tests(CASES, set_up_refused_as=WINDOW)


@pytest.mark.parametrize("route", CASES.every_route)
def test_a_request_without_a_key_gets_401(api: Api, route: Route) -> None:
    path = route.target(api, WINDOW)

    assert_problem(route.call(api, path, None), 401, "unauthenticated")


# --- one window and another's activities ------------------------------------------------------


@pytest.fixture
def b_activity(api: Api) -> str:
    """An activity window B planned."""
    return str(plan_activity(api, key=api.keys.window_b, external_ref="ACT-1")["id"])


@pytest.mark.parametrize(("suffix", "params"), READS)
def test_a_window_cannot_read_another_windows_activity(
    api: Api, b_activity: str, suffix: str, params: dict[str, object]
) -> None:
    path, detail = f"/v1/activities/{b_activity}", f"No activity with id {b_activity}."
    assert_not_found_by_window_a(api, path, suffix, params, "activity_not_found", detail)


@pytest.mark.parametrize("step", list(ACTIVITY_STEP_BODIES))
def test_a_window_cannot_act_on_another_windows_activity_and_it_is_unchanged(
    api: Api, b_activity: str, step: str
) -> None:
    before = api.get(f"/v1/activities/{b_activity}", key=api.keys.window_b).content
    head = api.head()

    response = post_if_match(
        api,
        f"/v1/activities/{b_activity}/{step}",
        api.keys.window_a,
        ACTIVITY_STEP_BODIES[step](),
        7,
    )

    assert_problem(response, 404, "activity_not_found")
    assert api.get(f"/v1/activities/{b_activity}", key=api.keys.window_b).content == before
    assert api.head() == head


def test_a_window_cannot_read_the_hubs_activity(api: Api) -> None:
    hub_activity = plan_activity(api, key=api.keys.hub)["id"]

    response = api.get(f"/v1/activities/{hub_activity}", key=api.keys.window_a)

    assert_problem(response, 404, "activity_not_found")


@pytest.mark.parametrize("role", [HUB, BUREAU, AUDITOR])
def test_the_hub_bureau_and_auditors_read_every_windows_activity(
    api: Api, b_activity: str, role: Role
) -> None:
    response = api.get(f"/v1/activities/{b_activity}", key=api.keys.for_role(role))

    assert response.status_code == 200
    assert response.json()["organiser_id"] == str(api.window_b_id)


def test_the_hub_sees_a_windows_activity_but_cannot_act_on_it(api: Api, b_activity: str) -> None:
    assert_refused_unrecorded(
        api,
        422,
        "not_activity_organiser",
        f"/v1/activities/{b_activity}/holding",
        key=api.keys.hub,
        json=holding_body(),
    )


def test_an_activity_is_organised_by_the_platform_of_the_key(api: Api) -> None:
    body = plan_activity(api, key=api.keys.window_b)

    assert body["organiser_id"] == str(api.window_b_id)
    history = api.get(f"/v1/activities/{body['id']}/history", key=api.keys.window_b).json()
    assert history["events"][0]["meta"]["platform_id"] == str(api.window_b_id)


# --- one window and another's data reports ----------------------------------------------------


@pytest.fixture
def b_report(api: Api) -> str:
    """A report the hub requested from window B."""
    return str(request_report(api, window_id=api.window_b_id)["id"])


@pytest.mark.parametrize(("suffix", "params"), READS)
def test_a_window_cannot_read_another_windows_report(
    api: Api, b_report: str, suffix: str, params: dict[str, object]
) -> None:
    path, detail = f"/v1/data-reports/{b_report}", f"No data report with id {b_report}."
    assert_not_found_by_window_a(api, path, suffix, params, "data_report_not_found", detail)


def test_a_window_cannot_submit_another_windows_report(api: Api, b_report: str) -> None:
    assert_refused_unrecorded(
        api,
        404,
        "data_report_not_found",
        f"/v1/data-reports/{b_report}/submission",
        key=api.keys.window_a,
        json=submission_body(),
        headers={"If-Match": '"9"'},
    )


def test_a_report_is_requested_in_the_name_of_the_hub_of_the_key(api: Api, b_report: str) -> None:
    response = api.get(f"/v1/data-reports/{b_report}", key=api.keys.window_b)

    assert response.json()["hub_id"] == str(api.hub_id)
    assert response.json()["window_id"] == str(api.window_b_id)
