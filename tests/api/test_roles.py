"""Who may call what: every route against every role, and requests with no usable key."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from ledger.domain.access_key import Role
from tests.api._routes import (
    Route,
    assert_unauthenticated_and_unrecorded,
    role_cases,
    role_tests,
)
from tests.api._support import (
    ENTERPRISE_USCC,
    STEP_BODIES,
    Api,
    assert_problem,
    enterprise_body,
    opening_body,
    platform_body,
)

ADMIN, HUB, BUREAU, AUDITOR, WINDOW = Role.ADMIN, Role.HUB, Role.BUREAU, Role.AUDITOR, Role.WINDOW


def _case_path(suffix: str = "") -> Callable[[Api, Role], str]:
    return lambda api, _: f"/v1/service-cases/{api.open_case()['id']}{suffix}"


def _step(step: str) -> Route:
    return Route(
        "POST",
        f"/v1/service-cases/{{id}}/{step}",
        frozenset({WINDOW}),
        lambda api, _: f"/v1/service-cases/{api.case_ready_for(step)}/{step}",
        lambda *_: STEP_BODIES[step](),
    )


READERS = frozenset({WINDOW, HUB, BUREAU, AUDITOR})

ROUTES = [
    Route(
        "POST",
        "/v1/platforms",
        frozenset({ADMIN}),
        lambda *_: "/v1/platforms",
        lambda *_: platform_body(),
        created=True,
    ),
    Route(
        "POST",
        "/v1/enterprises",
        frozenset({ADMIN, HUB, WINDOW}),
        lambda *_: "/v1/enterprises",
        lambda *_: enterprise_body(),
        created=True,
    ),
    Route(
        "GET",
        "/v1/enterprises/{uscc}",
        READERS | {ADMIN},
        lambda *_: f"/v1/enterprises/{ENTERPRISE_USCC}",
    ),
    # The network's platforms are public (公示): every role reads them.
    Route(
        "GET",
        "/v1/platforms/{id}",
        frozenset(Role),
        lambda api, _: f"/v1/platforms/{api.window_a_id}",
    ),
    Route(
        "POST",
        "/v1/service-cases",
        frozenset({WINDOW}),
        lambda *_: "/v1/service-cases",
        lambda *_: opening_body(),
        created=True,
    ),
    *(_step(step) for step in STEP_BODIES),
    # Every participant but the admin lists its own cases (an institution those assigned to it).
    Route("GET", "/v1/service-cases", READERS | {Role.INSTITUTION}, lambda *_: "/v1/service-cases"),
    Route("GET", "/v1/service-cases/{id}", READERS, _case_path()),
    Route("GET", "/v1/service-cases/{id}/history", READERS, _case_path("/history")),
    Route("GET", "/v1/events", frozenset({HUB, AUDITOR}), lambda *_: "/v1/events"),
]

CASES = role_cases(ROUTES)


(
    test_a_role_the_route_is_not_for_gets_403_and_nothing_is_recorded,
    test_a_role_the_route_is_for_is_answered,
) = role_tests(CASES)


@pytest.mark.parametrize("route", CASES.every_route)
def test_a_request_without_a_key_gets_401_with_a_bearer_challenge(api: Api, route: Route) -> None:
    response = assert_unauthenticated_and_unrecorded(api, route, ADMIN)

    assert response.headers["www-authenticate"].startswith("Bearer ")


@pytest.mark.parametrize("route", CASES.every_route)
def test_a_revoked_key_gets_401_on_a_route_its_role_may_use(api: Api, route: Route) -> None:
    role = sorted(route.allowed)[0]
    platform = {HUB: api.hub_id, WINDOW: api.window_a_id}.get(role)
    secret, key_id = api.issue_key(role, platform)
    path = route.target(api, role)
    api.revoke_key(key_id)

    response = route.call(api, path, secret, role)

    problem = assert_problem(response, 401, "unauthenticated")
    assert "revoked" in problem["detail"]
    assert response.headers["www-authenticate"].startswith("Bearer ")


@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param("Basic YWRtaW46YWRtaW4=", id="basic-scheme"),
        pytest.param("Bearer", id="no-key"),
        pytest.param("Bearer    ", id="blank-key"),
        pytest.param("sml_no-scheme-at-all", id="no-scheme"),
        pytest.param("Bearer sml_never-issued", id="unknown-key"),
    ],
)
def test_an_authorization_header_without_a_live_bearer_key_gets_401(
    api: Api, authorization: str
) -> None:
    response = api.get(
        f"/v1/enterprises/{ENTERPRISE_USCC}", key=None, headers={"Authorization": authorization}
    )

    assert_problem(response, 401, "unauthenticated")
    assert response.headers["www-authenticate"] == 'Bearer realm="sme-ledger"'


def test_the_bearer_scheme_is_case_insensitive(api: Api) -> None:
    response = api.get(
        f"/v1/enterprises/{ENTERPRISE_USCC}",
        key=None,
        headers={"Authorization": f"bearer {api.keys.bureau}"},
    )

    assert response.status_code == 200, response.text


def test_a_window_reads_any_platform_of_the_network(api: Api) -> None:
    own = api.get(f"/v1/platforms/{api.window_a_id}", key=api.keys.window_a)
    other = api.get(f"/v1/platforms/{api.window_b_id}", key=api.keys.window_a)

    assert own.json()["id"] == str(api.window_a_id)
    assert other.json()["id"] == str(api.window_b_id)


def test_a_platform_that_does_not_exist_is_not_found(api: Api) -> None:
    response = api.get(f"/v1/platforms/{uuid.uuid4()}", key=api.keys.window_a)

    assert_problem(response, 404, "platform_not_found")
