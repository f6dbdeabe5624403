"""Input at the edges: integers beyond a bigint, weak ETags, control characters, secret hashes."""

from __future__ import annotations

import pytest

from tests.api._support import Api, assert_problem, opening_body

TOO_LARGE = str(2**63)  # one past the largest bigint


@pytest.mark.parametrize(
    "path",
    [
        f"/v1/events?after={TOO_LARGE}",
        f"/v1/audit/proof/inclusion?position={TOO_LARGE}",
        f"/v1/audit/proof/inclusion?position=1&tree_size={TOO_LARGE}",
        f"/v1/audit/proof/consistency?from=1&to={TOO_LARGE}",
        f"/v1/audit/checkpoints/{TOO_LARGE}",
        f"/v1/audit/access?after={TOO_LARGE}",
        f"/v1/views/participants?offset={TOO_LARGE}",
        f"/v1/views/participants?min_position={TOO_LARGE}",
        f"/v1/service-cases/00000000-0000-4000-8000-000000000000?version={TOO_LARGE}",
    ],
)
def test_an_integer_beyond_a_bigint_is_a_422_not_a_500(api: Api, path: str) -> None:
    response = api.get(path, key=api.keys.auditor)

    assert_problem(response, 422, "validation_failed")


def test_the_largest_bigint_is_still_taken(api: Api) -> None:
    response = api.get(f"/v1/events?after={2**63 - 1}", key=api.keys.auditor)

    assert response.status_code == 200, response.text
    assert response.json()["events"] == []


def test_a_weak_etag_never_matches_and_changes_nothing(api: Api) -> None:
    case_id = api.case_ready_for("delivery")
    head = api.head()

    response = api.post(
        f"/v1/service-cases/{case_id}/delivery",
        key=api.keys.window_a,
        json={"delivered_on": "2026-03-02", "mode": "online", "fee_type": "free"},
        headers={"If-Match": 'W/"2"'},
    )

    assert_problem(response, 412, "weak_if_match")
    assert api.head() == head


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f", "\u202e", "\u2066", "\r"])
def test_control_characters_in_text_are_refused(api: Api, character: str) -> None:
    head = api.head()

    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(description=f"政策{character}咨询"),
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert f"U+{ord(character):04X}" in response.text, problem
    assert api.head() == head


def test_tabs_and_newlines_are_text(api: Api) -> None:
    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(description="第一行\n\t第二行"),
    )

    assert response.status_code == 201, response.text
    assert response.json()["description"] == "第一行\n\t第二行"


def test_the_log_never_shows_an_access_keys_secret_hash(api: Api) -> None:
    for key in (api.keys.auditor, api.keys.hub):
        events = api.get("/v1/events?after=0&limit=1000", key=key).json()["events"]
        issued = [e for e in events if e["type"].endswith("AccessKey.Issued")]

        assert issued, "the fixture issues keys"
        assert all("secret_hash" not in e["data"] for e in issued)
        assert all("role" in e["data"] for e in issued)
