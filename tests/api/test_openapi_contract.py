"""The OpenAPI document describes the API that answers: who may call, what errors come back and
in which shape, which headers are sent, and operations with stable names; /docs works offline."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from openapi_spec_validator import validate

from tests.api._support import JSON, Api, assert_problem, openapi_document

OPERATION_ID = re.compile(r"^[a-z][a-z0-9_]*$")
PROBLEM = {"$ref": "#/components/schemas/Problem"}
PUBLIC = {("get", "/healthz"), ("get", "/readyz")}


@pytest.fixture
def document(api: Api) -> JSON:
    return openapi_document(api)


def _operations(document: JSON) -> Iterator[tuple[str, str, JSON]]:
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            yield method, path, operation


def test_the_document_is_valid_openapi(document: JSON) -> None:
    validate(document)


def test_every_operation_has_a_readable_unique_operation_id(document: JSON) -> None:
    ids = [operation["operationId"] for _, _, operation in _operations(document)]

    assert [i for i in ids if not OPERATION_ID.match(i)] == []
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_operation_ids_name_the_operation_and_its_resource(document: JSON) -> None:
    paths = document["paths"]

    assert paths["/v1/platforms"]["get"]["operationId"] == "list_platforms"
    assert paths["/v1/service-cases/{case_id}"]["get"]["operationId"] == "read_service_case"
    assert paths["/v1/service-cases"]["get"]["operationId"] == "list_service_cases"
    assert paths["/v1/publications"]["post"]["operationId"] == "submit_publication"
    approve = paths["/v1/publications/{publication_id}/approval"]["post"]
    assert approve["operationId"] == "approve_publication"


def test_every_route_that_needs_a_key_lists_the_bearer_scheme(document: JSON) -> None:
    scheme = document["components"]["securitySchemes"]["bearerAuth"]
    unsecured = [
        (method, path)
        for method, path, operation in _operations(document)
        if operation.get("security") != [{"bearerAuth": []}]
    ]

    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert set(unsecured) == PUBLIC


def test_every_secured_operation_documents_401_and_403_as_problems(document: JSON) -> None:
    for method, path, operation in _operations(document):
        if (method, path) in PUBLIC:
            continue
        for status in ("401", "403", "503"):
            content = operation["responses"][status]["content"]
            assert content == {"application/problem+json": {"schema": PROBLEM}}, (path, status)


def test_every_operation_with_a_body_documents_the_408_of_a_body_too_slow(
    document: JSON,
) -> None:
    missing = [
        (method, path)
        for method, path, operation in _operations(document)
        if "requestBody" in operation
        and operation["responses"].get("408", {}).get("content")
        != {"application/problem+json": {"schema": PROBLEM}}
    ]

    assert missing == []
    assert "408" not in document["paths"]["/v1/platforms"]["get"]["responses"]


def _validated(operation: JSON) -> list[JSON]:
    # If-None-Match takes any text: a tag it does not name is simply not matched.
    return [p for p in operation.get("parameters", []) if p["name"] != "If-None-Match"]


def test_validation_errors_are_documented_as_the_problem_the_service_sends(
    document: JSON,
) -> None:
    missing = [
        (method, path)
        for method, path, operation in _operations(document)
        if (_validated(operation) or "requestBody" in operation)
        and operation["responses"].get("422", {}).get("content")
        != {"application/problem+json": {"schema": PROBLEM}}
    ]

    assert missing == []
    assert "HTTPValidationError" not in str(document)
    problem = document["components"]["schemas"]["Problem"]
    assert set(problem["properties"]) == {
        "type", "title", "status", "detail", "code", "instance", "request_id", "context", "errors",
    }  # fmt: skip


def test_a_validation_error_answers_in_the_documented_shape(api: Api, document: JSON) -> None:
    response = api.post("/v1/service-cases", key=api.keys.window_a, json={})

    problem = assert_problem(response, 422, "validation_failed")
    documented = document["components"]["schemas"]["Problem"]
    assert set(problem) <= set(documented["properties"])
    assert set(documented["required"]) <= set(problem)


def _headers(operation: JSON, status: str) -> set[str]:
    response: dict[str, Any] = operation["responses"][status]
    return set(response.get("headers", {}))


def test_created_resources_document_location_and_writes_their_etag(document: JSON) -> None:
    created = [(p, o) for m, p, o in _operations(document) if "201" in o["responses"]]

    assert [p for p, o in created if "Location" not in _headers(o, "201")] == []
    several = {"/v1/appraisals", "/v1/service-cases:batch"}  # no one resource to version
    assert [p for p, o in created if p not in several and "ETag" not in _headers(o, "201")] == []
    step = document["paths"]["/v1/service-cases/{case_id}/delivery"]["post"]
    assert {"ETag", "Idempotent-Replayed"} <= _headers(step, "200")
    assert "412" in step["responses"]


def test_reads_document_their_etag_and_pages_their_link(document: JSON) -> None:
    paths = document["paths"]

    assert "ETag" in _headers(paths["/v1/service-cases/{case_id}"]["get"], "200")
    assert "Link" in _headers(paths["/v1/events"]["get"], "200")
    assert "Link" in _headers(paths["/v1/service-cases"]["get"], "200")
    assert "Link" in _headers(paths["/v1/audit/access"]["get"], "200")
    assert "Retry-After" in _headers(paths["/v1/events"]["get"], "503")
    lists = [o for _, _, o in _operations(document) if "cursor" in _parameters(o)]
    assert len(lists) >= 17
    assert all("Link" in _headers(o, "200") for o in lists)


def test_the_fields_of_an_answer_are_described_by_their_docstrings(document: JSON) -> None:
    schemas = document["components"]["schemas"]

    secret = schemas["AccessKeyIssued"]["properties"]["secret"]
    assert secret["description"].startswith("The key itself")
    for page in ("CasePage", "PlatformList", "AccessKeyList"):
        assert "next page" in schemas[page]["properties"]["next_cursor"]["description"]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_documentation_pages_load_only_local_assets(api: Api, page: str) -> None:
    response = api.client.get(page)

    assert response.status_code == 200
    urls = re.findall(r"""(?:src|href|url)\s*[=:]\s*['"]([^'"]+)['"]""", response.text)
    assert urls
    assert [u for u in urls if "//" in u] == []
    for url in urls:
        assert api.client.get(url).status_code == 200, url


def test_batch_imports_and_appraisal_runs_take_an_idempotency_key(document: JSON) -> None:
    for path in ("/v1/service-cases:batch", "/v1/appraisals"):
        parameters = document["paths"][path]["post"].get("parameters", [])
        assert "Idempotency-Key" in {p["name"] for p in parameters}, path


def _filled(path: str) -> str:
    values = {"uscc": "91640100MA76T8GX0C", "objection_no": "1", "tree_size": "1"}
    return re.sub(
        r"\{(\w+)\}", lambda m: values.get(m[1], "7b0e3b52-95a4-4c1e-9d0c-2f6c0b5c1f6e"), path
    )


@pytest.mark.parametrize("who", ["no key", "hub", "window"])
def test_every_operation_answers_only_statuses_it_documents(
    api: Api, document: JSON, who: str
) -> None:
    keys = {"no key": None, "hub": api.keys.hub, "window": api.keys.window_a}
    headers = {"Content-Type": "text/plain"}
    if keys[who] is not None:
        headers["Authorization"] = f"Bearer {keys[who]}"
    undocumented = []
    for method, path, operation in _operations(document):
        response = api.client.request(method, _filled(path), headers=headers, content=b"x")
        if str(response.status_code) not in operation["responses"]:
            undocumented.append((method, path, response.status_code))

    assert undocumented == []


def test_every_read_documents_if_none_match_and_its_304(document: JSON) -> None:
    # An event stream (the change feed) has no end to digest: no ETag, no 304 (its own test).
    reads = [
        (path, o)
        for m, path, o in _operations(document)
        if m == "get" and "text/event-stream" not in o["responses"]["200"].get("content", {})
    ]
    missing = [
        path
        for path, operation in reads
        if "If-None-Match" not in {p["name"] for p in operation.get("parameters", [])}
        or "ETag" not in _headers(operation, "304")
        or "content" in operation["responses"]["304"]
        or "ETag" not in _headers(operation, "200")
    ]

    assert reads
    assert missing == []
    assert [(m, p) for m, p, _ in _operations(document) if m in ("head", "options")] == []
    read = document["paths"]["/v1/service-cases/{case_id}"]["get"]["responses"]["200"]
    assert "version" in read["headers"]["ETag"]["description"]
    assert "digest" in _header_description(document, "/v1/platforms")


def _header_description(document: JSON, path: str) -> str:
    description: str = document["paths"][path]["get"]["responses"]["200"]["headers"]["ETag"][
        "description"
    ]
    return description


def test_every_success_answer_has_a_schema(document: JSON) -> None:
    untyped = [
        f"{method.upper()} {path} {status} {media_type}"
        for method, path, operation in _operations(document)
        for status, response in operation["responses"].items()
        if status.startswith("2")
        for media_type, content in response.get("content", {}).items()
        if not content.get("schema")
    ]

    assert untyped == []


def _parameters(operation: JSON) -> set[str]:
    return {p["name"] for p in operation.get("parameters", [])}
