"""Who may call the expert-pool, onboarding and publication routes: every route against every
role, and requests with no key."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from ledger.application.commands.experts import RegisterExpert
from ledger.domain import ids
from ledger.domain.access_key import Role
from tests.acting import act
from tests.api._routes import (
    Route,
    assert_unauthenticated_and_unrecorded,
    role_cases,
    role_tests,
)
from tests.api._support import TODAY, Api
from tests.api.onboarding_support import (
    after_the_notice,
    application_at,
    application_body,
    as_hub,
    expert_body,
    publication_at,
    publication_body,
    register_expert,
)

HUB, BUREAU, AUDITOR, WINDOW = Role.HUB, Role.BUREAU, Role.AUDITOR, Role.WINDOW
POOL_READERS = frozenset({HUB, BUREAU, AUDITOR})
PUBLICATION_READERS = frozenset({WINDOW, HUB, BUREAU, AUDITOR})
ONBOARDING = "/v1/onboarding-applications"


def _application(stage: str, suffix: str = "") -> Callable[[Api, Role], str]:
    return lambda api, _role: f"{ONBOARDING}/{application_at(api, stage)}{suffix}"


def _connectable(api: Api, _role: Role) -> str:
    application_id = application_at(api, "in_notice")
    after_the_notice(api)
    return f"{ONBOARDING}/{application_id}/connection"


ROLE_TEST_EXPERT = "EXP-ROLES"


def _reviewable(api: Api, _role: Role) -> str:
    """A submitted application, and the expert the body names registered in the pool."""
    act(
        api.ledger,
        RegisterExpert(
            external_ref=ROLE_TEST_EXPERT, name="王芳", fields=("10",), organisation="", title=""
        ),
        as_hub(api),
    )
    return f"{ONBOARDING}/{application_at(api, 'submitted')}/reviews"


def _publication(stage: str, suffix: str = "") -> Callable[[Api, Role], str]:
    return lambda api, _role: f"/v1/publications/{publication_at(api, stage)}{suffix}"


def _own_approved_publication(api: Api, role: Role) -> str:
    """The hub publishes its own; a window (or anyone else) window A's."""
    if role is HUB:
        publication_id = publication_at(api, "approved", api.hub_id, actor="test:hub-editor")
    else:
        publication_id = publication_at(api, "approved")
    return f"/v1/publications/{publication_id}/publication"


def _constant(path: str) -> Callable[[Api, Role], str]:
    return lambda _api, _role: path


NOTICE = {"starts_on": TODAY.isoformat(), "ends_on": (TODAY + timedelta(days=6)).isoformat()}

ROUTES = [
    Route(
        "POST",
        "/v1/experts",
        frozenset({HUB}),
        _constant("/v1/experts"),
        lambda *_: expert_body(),
        created=True,
    ),
    Route("GET", "/v1/experts", POOL_READERS, _constant("/v1/experts")),
    Route(
        "GET",
        "/v1/experts/{id}",
        POOL_READERS,
        lambda api, _: f"/v1/experts/{register_expert(api)}",
    ),
    Route(
        "GET",
        "/v1/experts/{id}/history",
        POOL_READERS,
        lambda api, _: f"/v1/experts/{register_expert(api)}/history",
    ),
    Route(
        "POST",
        "/v1/experts/{id}/deactivation",
        frozenset({HUB}),
        lambda api, _: f"/v1/experts/{register_expert(api)}/deactivation",
        lambda *_: {"reason": "退出"},
    ),
    Route(
        "POST",
        ONBOARDING,
        frozenset({HUB}),
        _constant(ONBOARDING),
        lambda *_: application_body(),
        created=True,
    ),
    Route("GET", ONBOARDING, POOL_READERS, _constant(ONBOARDING)),
    Route("GET", f"{ONBOARDING}/{{id}}", POOL_READERS, _application("submitted")),
    Route(
        "GET", f"{ONBOARDING}/{{id}}/history", POOL_READERS, _application("submitted", "/history")
    ),
    Route(
        "POST",
        f"{ONBOARDING}/{{id}}/reviews",
        frozenset({HUB}),
        _reviewable,
        lambda *_: {"expert_id": str(ids.expert_id(ROLE_TEST_EXPERT)), "score": 75},
    ),
    Route(
        "POST",
        f"{ONBOARDING}/{{id}}/review-conclusion",
        frozenset({HUB}),
        _application("reviewed", "/review-conclusion"),
        lambda *_: {},
    ),
    Route(
        "POST",
        f"{ONBOARDING}/{{id}}/approval",
        frozenset({BUREAU}),
        _application("review_concluded", "/approval"),
        lambda *_: {},
    ),
    Route(
        "POST",
        f"{ONBOARDING}/{{id}}/rejection",
        frozenset({BUREAU}),
        _application("review_concluded", "/rejection"),
        lambda *_: {"reasons": "不符合条件"},
    ),
    Route(
        "POST",
        f"{ONBOARDING}/{{id}}/notice",
        frozenset({HUB, BUREAU}),
        _application("approved", "/notice"),
        lambda *_: {**NOTICE, "channel": "网站"},
    ),
    Route(
        "POST",
        f"{ONBOARDING}/{{id}}/objections",
        frozenset({HUB, BUREAU}),
        _application("in_notice", "/objections"),
        lambda *_: {"grounds": "场地不符"},
    ),
    Route(
        "POST",
        f"{ONBOARDING}/{{id}}/objections/{{no}}/resolution",
        frozenset({BUREAU}),
        _application("objected_to", "/objections/1/resolution"),
        lambda *_: {"outcome": "dismissed", "reasons": "不属实"},
    ),
    Route("POST", f"{ONBOARDING}/{{id}}/connection", frozenset({HUB}), _connectable, lambda *_: {}),
    Route(
        "POST",
        f"{ONBOARDING}/{{id}}/withdrawal",
        frozenset({HUB}),
        _application("submitted", "/withdrawal"),
        lambda *_: {"reason": "撤回"},
    ),
    Route(
        "POST",
        "/v1/publications",
        frozenset({WINDOW, HUB}),
        _constant("/v1/publications"),
        lambda *_: publication_body(),
        created=True,
    ),
    Route("GET", "/v1/publications", PUBLICATION_READERS, _constant("/v1/publications")),
    Route("GET", "/v1/publications/{id}", PUBLICATION_READERS, _publication("submitted")),
    Route(
        "GET",
        "/v1/publications/{id}/history",
        PUBLICATION_READERS,
        _publication("submitted", "/history"),
    ),
    Route(
        "POST",
        "/v1/publications/{id}/approval",
        frozenset({HUB}),
        _publication("submitted", "/approval"),
        lambda *_: {},
    ),
    Route(
        "POST",
        "/v1/publications/{id}/rejection",
        frozenset({HUB}),
        _publication("submitted", "/rejection"),
        lambda *_: {"reasons": "不合规"},
    ),
    Route(
        "POST",
        "/v1/publications/{id}/publication",
        frozenset({WINDOW, HUB}),
        _own_approved_publication,
        lambda *_: {"channel": "网站"},
    ),
    Route(
        "POST",
        "/v1/publications/{id}/withdrawal",
        frozenset({WINDOW, HUB}),
        _publication("submitted", "/withdrawal"),
        lambda *_: {"reason": "撤回"},
    ),
]

CASES = role_cases(ROUTES)
(
    test_a_role_the_route_is_not_for_gets_403_and_nothing_is_recorded,
    test_a_role_the_route_is_for_is_answered,
) = role_tests(CASES)


@pytest.mark.parametrize("route", CASES.every_route)
def test_a_request_without_a_key_gets_401(api: Api, route: Route) -> None:
    assert_unauthenticated_and_unrecorded(api, route, sorted(route.allowed)[0])
