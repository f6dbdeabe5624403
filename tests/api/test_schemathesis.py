"""The API against its own OpenAPI document, with generated requests (schemathesis): no 5xx, only
documented statuses and content types, responses that match their schemas, and every error a
problem+json.

Run in-process through the app's own test client (its lifespan already running), with the keys
of two roles. `make test` runs a small, seeded sample of the reads; `make fuzz` (or
FUZZ_EXAMPLES=N) runs every operation, writes included, with N examples each.
"""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.core.failures import FailureGroup
from schemathesis.core.result import Ok
from schemathesis.specs.openapi import checks

from tests.api._support import Api, MakeApi, openapi_document

FULL = int(os.environ.get("FUZZ_EXAMPLES", "0"))
EXAMPLES = FULL or 2
# A 5xx is checked here, not by not_a_server_error: a 503 with Retry-After is documented (a view
# behind the `min_position` asked for), any other is a failure.
CHECKS = [
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]
# Endpoints that answer in their own formats and are checked by their own tests.
SKIPPED = {"/metrics", "/docs", "/redoc"}


def _send(api: Api, case: Case[Any], key: str) -> httpx.Response:
    kwargs: dict[str, Any] = case.as_transport_kwargs(
        base_url="http://testserver", headers={"Authorization": f"Bearer {key}"}
    )
    response: httpx.Response = api.client.request(
        kwargs["method"],
        kwargs["url"],
        headers=kwargs["headers"],
        params=kwargs.get("params"),
        json=kwargs.get("json"),
        content=kwargs.get("data"),
    )
    return response


def _is_problem(response: httpx.Response) -> bool:
    if response.status_code < 400:
        return True
    body = (
        response.json()
        if response.headers.get("content-type") == "application/problem+json"
        else {}
    )
    return isinstance(body, dict) and body.get("status") == response.status_code and "code" in body


@pytest.mark.parametrize("role", ["hub", "window_a"])
def test_generated_requests_get_only_documented_answers(make_api: MakeApi, role: str) -> None:
    api = make_api(view_wait_seconds=0)  # a view behind min_position answers 503 at once
    schema = schemathesis.openapi.from_dict(openapi_document(api))
    every = [result for result in schema.get_all_operations() if isinstance(result, Ok)]
    operations = [
        r.ok() for r in every if r.ok().path not in SKIPPED and (FULL or r.ok().method == "get")
    ]
    key: str = getattr(api.keys, role)
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Case[Any]) -> None:
            response = _send(api, case, key)
            try:
                case.validate_response(response, checks=CHECKS)
            except FailureGroup as group:  # collected, so one run reports every operation
                failures.extend(
                    f"{case.method} {case.formatted_path} {response.status_code}: {f.title}"
                    for f in group.exceptions
                )
            if response.status_code >= 500 and not (
                response.status_code == 503 and "retry-after" in response.headers
            ):
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code}")
            if not _is_problem(response):
                failures.append(
                    f"{case.method} {case.formatted_path}: not a problem: {response.text}"
                )

        run()

    assert len(operations) > 40 if not FULL else len(operations) > 100
    assert failures == [], "\n".join(sorted(set(failures)))
