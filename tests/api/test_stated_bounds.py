"""Bounds are stated, not silent: every `limit` the document bounds is refused above its
maximum, never capped, and a date or time in a query is ISO 8601, never a number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tests.api._support import JSON, Api, MakeApi, assert_problem, openapi_document

FILLER = "7b0e3b52-95a4-4c1e-9d0c-2f6c0b5c1f6e"
REQUIRED = {"year": "2026"}


def _filled(path: str) -> str:
    values = {"uscc": "91640100MA76T8GX0C", "objection_no": "1", "tree_size": "1"}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m[1], FILLER), path)


def _query_parameters(document: JSON, kind: str) -> Iterator[tuple[str, JSON, JSON]]:
    for path, operations in document["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            schemas = [parameter["schema"], *parameter["schema"].get("anyOf", [])]
            schema = next(
                (s for s in schemas if s.get("type") == kind or s.get("format") == kind), None
            )
            if parameter["in"] == "query" and schema is not None:
                yield path, parameter, schema


def _required(document: JSON, path: str) -> dict[str, str]:
    parameters = document["paths"][path]["get"].get("parameters", [])
    return {
        p["name"]: REQUIRED[p["name"]] for p in parameters if p["required"] and p["in"] == "query"
    }


def test_every_limit_above_its_stated_maximum_is_refused(api: Api) -> None:
    document = openapi_document(api)
    limits = [
        (path, schema["maximum"])
        for path, parameter, schema in _query_parameters(document, "integer")
        if parameter["name"] == "limit"
    ]
    accepted = []
    for path, maximum in limits:
        params = {**_required(document, path), "limit": str(maximum + 1)}
        # Asked by a key that may read the route (the access keys are the admin's and hub's).
        for key in (api.keys.auditor, api.keys.admin):
            response = api.get(_filled(path), key=key, params=params)
            if response.status_code != 403:
                break
        if response.status_code != 422 or response.json()["errors"][0]["loc"] != ["query", "limit"]:
            accepted.append((path, maximum, response.status_code))

    assert len(limits) >= 4
    assert accepted == []


def test_the_log_s_page_size_is_the_setting_and_stated_as_its_maximum(make_api: MakeApi) -> None:
    api = make_api(log_page_limit=2)
    document = openapi_document(api)
    (limit,) = [
        p for p in document["paths"]["/v1/events"]["get"]["parameters"] if p["name"] == "limit"
    ]

    assert limit["schema"]["maximum"] == 2
    assert "x-maximum-setting" not in str(document)
    assert api.get("/v1/events", key=api.keys.auditor, params={"limit": 2}).status_code == 200
    refused = api.get("/v1/events", key=api.keys.auditor, params={"limit": 3})
    problem = assert_problem(refused, 422, "validation_failed")
    assert problem["errors"][0]["loc"] == ["query", "limit"]
    audit = api.get("/v1/audit/access", key=api.keys.auditor, params={"limit": 3})
    assert_problem(audit, 422, "validation_failed")


def test_the_default_log_page_limit_is_stated_and_5000_is_refused(api: Api) -> None:
    refused = api.get("/v1/events", key=api.keys.auditor, params={"limit": 5000})

    assert_problem(refused, 422, "validation_failed")
    events = openapi_document(api)["paths"]["/v1/events"]["get"]["parameters"]
    assert [p["schema"]["maximum"] for p in events if p["name"] == "limit"] == [1000]


def test_every_date_or_time_in_a_query_refuses_a_number(api: Api) -> None:
    document = openapi_document(api)
    dated = [
        (path, parameter["name"])
        for kind in ("date", "date-time")
        for path, parameter, _ in _query_parameters(document, kind)
    ]
    accepted = []
    for path, name in dated:
        params = {**_required(document, path), name: "0"}
        response = api.get(_filled(path), key=api.keys.auditor, params=params)
        if response.status_code != 422 or response.json()["errors"][0]["loc"] != ["query", name]:
            accepted.append((path, name, response.status_code))

    assert len(dated) >= 6
    assert accepted == []


def test_as_on_zero_is_refused_and_an_iso_day_is_read(api: Api) -> None:
    path = "/v1/views/data-report-timeliness"

    problem = assert_problem(
        api.get(path, key=api.keys.hub, params={"year": "2026", "as_on": "0"}),
        422,
        "validation_failed",
    )
    assert problem["errors"][0]["type"] == "iso_8601"
    assert (
        api.get(path, key=api.keys.hub, params={"year": "2026", "as_on": "2026-03-02"}).status_code
        == 200
    )
