"""Cooperating service institutions over HTTP: registered by the hub, read by the network."""

from __future__ import annotations

from tests.api._support import Api, assert_problem, new_uscc


def _institution_body(uscc: str) -> dict[str, object]:
    return {"uscc": uscc, "name": "宁夏测试咨询服务中心", "region": "640100", "categories": ["14"]}


def test_the_hub_registers_an_institution_and_is_told_where_it_is(api: Api) -> None:
    response = api.post("/v1/institutions", key=api.keys.hub, json=_institution_body(new_uscc()))

    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"/v1/institutions/{body['id']}"
    read = api.get(response.headers["location"], key=api.keys.window_a)
    assert read.json()["status"] == "registered"


def test_an_institution_cannot_be_registered_twice(api: Api) -> None:
    uscc = new_uscc()
    api.post("/v1/institutions", key=api.keys.hub, json=_institution_body(uscc))

    response = api.post("/v1/institutions", key=api.keys.hub, json=_institution_body(uscc))

    assert_problem(response, 409, "institution_exists")
