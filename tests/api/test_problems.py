"""Every refusal is application/problem+json with a stable code: 400 to 415."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import orjson
import pytest

from tests.api._support import (
    ENTERPRISE_USCC,
    Api,
    MakeApi,
    assert_problem,
    assert_refused_unrecorded,
    assignment_body,
    enterprise_body,
    new_uscc,
    opening_body,
    platform_body,
    post_if_match,
)

SMALLEST_BODY_LIMIT = 1024


def test_malformed_json_is_a_400_problem(api: Api) -> None:
    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        content=b'{"external_ref": "YC-1",',
        headers={"Content-Type": "application/json"},
    )

    problem = assert_problem(response, 400, "malformed_json")
    assert problem["errors"][0]["type"] == "json_invalid"


def test_a_missing_key_is_a_401_problem(api: Api) -> None:
    response = api.get(f"/v1/enterprises/{ENTERPRISE_USCC}", key=None)

    assert_problem(response, 401, "unauthenticated")
    assert response.headers["www-authenticate"] == 'Bearer realm="sme-ledger"'


def test_a_role_not_allowed_is_a_403_problem_naming_the_allowed_roles(api: Api) -> None:
    response = api.get("/v1/events", key=api.keys.bureau)

    problem = assert_problem(response, 403, "forbidden_role")
    assert "auditor, hub" in problem["detail"]


def test_an_unknown_route_is_a_404_problem(api: Api) -> None:
    response = api.get("/v1/no-such-thing", key=api.keys.auditor)

    assert_problem(response, 404, "route_not_found")


def test_an_unknown_case_is_a_404_problem(api: Api) -> None:
    case_id = uuid.uuid4()

    response = api.get(f"/v1/service-cases/{case_id}", key=api.keys.auditor)

    problem = assert_problem(response, 404, "service_case_not_found")
    assert problem["context"] == {"id": str(case_id)}


def test_an_unknown_enterprise_is_a_404_problem(api: Api) -> None:
    response = api.get(f"/v1/enterprises/{new_uscc()}", key=api.keys.auditor)

    assert_problem(response, 404, "enterprise_not_found")


def test_a_method_the_route_does_not_have_is_a_405_problem(api: Api) -> None:
    response = api.client.delete(
        f"/v1/enterprises/{ENTERPRISE_USCC}", headers={"Authorization": f"Bearer {api.keys.admin}"}
    )

    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "method_not_allowed"
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"


def test_reusing_an_external_ref_is_a_409_problem(api: Api) -> None:
    case = api.open_case()
    head = api.head()

    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(external_ref=case["external_ref"], description="再来一次"),
    )

    problem = assert_problem(response, 409, "external_ref_exists")
    assert problem["context"] == {"id": case["id"]}
    assert api.head() == head


def test_registering_an_enterprise_twice_is_a_409_problem(api: Api) -> None:
    response = api.post(
        "/v1/enterprises", key=api.keys.window_a, json=enterprise_body(ENTERPRISE_USCC)
    )

    assert_problem(response, 409, "enterprise_exists")


def test_registering_a_platform_twice_is_a_409_problem(api: Api) -> None:
    body = platform_body()
    api.post("/v1/platforms", key=api.keys.admin, json=body)

    response = api.post("/v1/platforms", key=api.keys.admin, json=body)

    assert_problem(response, 409, "platform_exists")


def test_a_stale_if_match_is_a_412_problem_naming_the_current_version(api: Api) -> None:
    case_id = api.case_ready_for("delivery")
    head = api.head()

    response = post_if_match(
        api,
        f"/v1/service-cases/{case_id}/delivery",
        api.keys.window_a,
        {"delivered_on": "2026-03-02", "mode": "online", "fee_type": "free"},
        1,
    )

    problem = assert_problem(response, 412, "version_mismatch")
    assert problem["context"] == {"current_version": 2}
    assert api.head() == head


@pytest.mark.parametrize("if_match", ['"2"', "2"])
def test_an_if_match_naming_the_current_version_lets_the_command_through(
    api: Api, if_match: str
) -> None:
    case_id = api.case_ready_for("delivery")

    response = api.post(
        f"/v1/service-cases/{case_id}/delivery",
        key=api.keys.window_a,
        json={"delivered_on": "2026-03-02", "mode": "online", "fee_type": "free"},
        headers={"If-Match": if_match},
    )

    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"3"'


def test_an_if_match_that_is_not_a_version_is_a_400_problem(api: Api) -> None:
    case_id = api.case_ready_for("assignment")

    response = api.post(
        f"/v1/service-cases/{case_id}/assignment",
        key=api.keys.window_a,
        json=assignment_body(),
        headers={"If-Match": '"abc"'},
    )

    assert_problem(response, 400, "invalid_if_match")


# --- body size --------------------------------------------------------------------------------


@pytest.fixture
def small_api(make_api: MakeApi) -> Api:
    """The app with the smallest body limit the settings allow."""
    return make_api(max_body_bytes=SMALLEST_BODY_LIMIT)


def _padded_opening(size: int) -> bytes:
    """An opening whose JSON is exactly ``size`` bytes long."""
    body = opening_body(description="")
    empty = len(orjson.dumps(body))
    return orjson.dumps({**body, "description": "x" * (size - empty)})


def test_a_body_declared_larger_than_the_limit_is_a_413_problem(small_api: Api) -> None:
    head = small_api.head()

    response = small_api.post(
        "/v1/service-cases",
        key=small_api.keys.window_a,
        content=_padded_opening(SMALLEST_BODY_LIMIT + 1),
        headers={"Content-Type": "application/json"},
    )

    problem = assert_problem(response, 413, "body_too_large")
    assert str(SMALLEST_BODY_LIMIT) in problem["detail"]
    assert small_api.head() == head


def test_a_body_streamed_without_a_length_is_cut_off_at_the_limit(small_api: Api) -> None:
    body = _padded_opening(4 * SMALLEST_BODY_LIMIT)

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 256):
            yield body[start : start + 256]

    head = small_api.head()

    response = small_api.post(
        "/v1/service-cases",
        key=small_api.keys.window_a,
        content=chunks(),
        headers={"Content-Type": "application/json"},
    )

    assert "content-length" not in response.request.headers
    assert_problem(response, 413, "body_too_large")
    assert small_api.head() == head


def test_a_body_exactly_at_the_limit_is_accepted(small_api: Api) -> None:
    response = small_api.post(
        "/v1/service-cases",
        key=small_api.keys.window_a,
        content=_padded_opening(SMALLEST_BODY_LIMIT),
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 201, response.text


# --- media type --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        pytest.param(None, id="none"),
        pytest.param("text/plain", id="text"),
        pytest.param("application/x-www-form-urlencoded", id="form"),
        pytest.param("application/xml", id="xml"),
    ],
)
def test_a_command_body_that_is_not_declared_json_is_a_415_problem(
    api: Api, content_type: str | None
) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    assert_refused_unrecorded(
        api,
        415,
        "unsupported_media_type",
        "/v1/service-cases",
        key=api.keys.window_a,
        content=orjson.dumps(opening_body()),
        headers=headers,
    )


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-8", "application/merge-patch+json"]
)
def test_json_with_parameters_or_a_json_suffix_is_json(api: Api, content_type: str) -> None:
    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        content=orjson.dumps(opening_body()),
        headers={"Content-Type": content_type},
    )

    assert response.status_code == 201, response.text
