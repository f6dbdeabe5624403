"""The expert pool over HTTP: the hub registers and deactivates; the hub, bureau, auditors read."""

from __future__ import annotations

from tests.api._support import Api, assert_problem
from tests.api.onboarding_support import expert_body, register_expert


def test_the_hub_registers_an_expert_that_the_bureau_then_reads(api: Api) -> None:
    body = expert_body(fields=["140300", "10"])

    registered = api.post("/v1/experts", key=api.keys.hub, json=body)

    assert registered.status_code == 201, registered.text
    read = api.get(registered.headers["location"], key=api.keys.bureau)
    assert read.headers["etag"] == '"1"'
    expert = read.json()
    assert (expert["external_ref"], expert["fields"], expert["active"]) == (
        body["external_ref"],
        ["10", "140300"],
        True,
    )


def test_an_expert_is_registered_once_under_a_reference(api: Api) -> None:
    body = expert_body()
    api.post("/v1/experts", key=api.keys.hub, json=body)

    response = api.post("/v1/experts", key=api.keys.hub, json={**body, "name": "另一位"})

    assert_problem(response, 409, "expert_exists")


def test_an_unknown_field_code_is_refused(api: Api) -> None:
    response = api.post("/v1/experts", key=api.keys.hub, json=expert_body(fields=["18"]))

    assert_problem(response, 422, "unknown_category")


def test_a_deactivated_expert_is_listed_inactive_and_deactivated_once(api: Api) -> None:
    expert_id = register_expert(api)

    first = api.post(
        f"/v1/experts/{expert_id}/deactivation", key=api.keys.hub, json={"reason": "本人申请"}
    )
    again = api.post(
        f"/v1/experts/{expert_id}/deactivation", key=api.keys.hub, json={"reason": "再次"}
    )

    assert first.status_code == 200, first.text
    assert_problem(again, 422, "expert_already_deactivated")
    (listed,) = api.get("/v1/experts", key=api.keys.auditor).json()["experts"]
    assert (listed["id"], listed["active"], listed["deactivation_reason"]) == (
        str(expert_id),
        False,
        "本人申请",
    )


def test_an_unknown_expert_is_not_found(api: Api) -> None:
    response = api.post(
        f"/v1/experts/{api.hub_id}/deactivation", key=api.keys.hub, json={"reason": "退出"}
    )

    assert_problem(response, 404, "expert_not_found")
