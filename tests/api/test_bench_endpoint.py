"""The benchmark suite's parse-only endpoint is served only when a setting asks for it."""

from __future__ import annotations

from tests.api._support import Api, MakeApi, opening_body


def test_the_parse_only_endpoint_is_not_served_by_default(api: Api) -> None:
    response = api.post("/v1/_bench/parse", key=None, json=opening_body())

    assert response.status_code == 404


def test_the_parse_only_endpoint_validates_a_case_body_and_records_nothing(
    make_api: MakeApi,
) -> None:
    api = make_api(bench_endpoints=True)
    head = api.ledger.head_position()

    ok = api.post("/v1/_bench/parse", key=None, json=opening_body(external_ref="YC-PARSE"))
    bad = api.post("/v1/_bench/parse", key=None, json=opening_body(channel="fax"))

    assert ok.status_code == 200
    assert ok.json() == {"external_ref": "YC-PARSE"}
    assert bad.status_code == 422
    assert api.ledger.head_position() == head
