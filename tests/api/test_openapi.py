"""The OpenAPI document: every route, and request examples a client can send as they are."""

from __future__ import annotations

from uuid import UUID

import pytest

from api.schemas.cases import CaseOpening
from ledger.domain.access_key import Role
from tests.api._support import JSON, Api, openapi_document, request_examples, request_schema

ROUTES = {
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("POST", "/v1/platforms"),
    ("GET", "/v1/platforms/{platform_id}"),
    ("POST", "/v1/enterprises"),
    ("GET", "/v1/enterprises/{uscc}"),
    ("POST", "/v1/service-cases"),
    ("GET", "/v1/service-cases"),
    ("GET", "/v1/service-cases/{case_id}"),
    ("GET", "/v1/service-cases/{case_id}/history"),
    ("POST", "/v1/service-cases/{case_id}/assignment"),
    ("POST", "/v1/service-cases/{case_id}/delivery"),
    ("POST", "/v1/service-cases/{case_id}/feedback"),
    ("POST", "/v1/service-cases/{case_id}/closure"),
    ("POST", "/v1/service-cases/{case_id}/cancellation"),
    ("POST", "/v1/activities"),
    ("GET", "/v1/activities/{activity_id}"),
    ("GET", "/v1/activities/{activity_id}/history"),
    ("POST", "/v1/activities/{activity_id}/holding"),
    ("POST", "/v1/activities/{activity_id}/evaluation"),
    ("POST", "/v1/activities/{activity_id}/cancellation"),
    ("POST", "/v1/data-reports"),
    ("GET", "/v1/data-reports"),
    ("GET", "/v1/data-reports/{report_id}"),
    ("GET", "/v1/data-reports/{report_id}/history"),
    ("POST", "/v1/data-reports/{report_id}/submission"),
    ("POST", "/v1/data-reports/{report_id}/acceptance"),
    ("POST", "/v1/data-reports/{report_id}/return"),
    ("GET", "/v1/events"),
    ("POST", "/v1/budgets"),
    ("GET", "/v1/budgets"),
    ("GET", "/v1/budgets/{budget_id}"),
    ("GET", "/v1/budgets/{budget_id}/history"),
    ("POST", "/v1/budgets/{budget_id}/lines"),
    ("POST", "/v1/budgets/{budget_id}/approval"),
    ("POST", "/v1/budgets/{budget_id}/adjustments"),
    ("POST", "/v1/disbursements"),
    ("GET", "/v1/disbursements"),
    ("GET", "/v1/disbursements/{disbursement_id}"),
    ("GET", "/v1/disbursements/{disbursement_id}/history"),
    ("POST", "/v1/disbursements/{disbursement_id}/approval"),
    ("POST", "/v1/disbursements/{disbursement_id}/rejection"),
    ("POST", "/v1/disbursements/{disbursement_id}/payment"),
    ("POST", "/v1/disbursements/{disbursement_id}/reversal"),
}


@pytest.fixture
def document(api: Api) -> JSON:
    return openapi_document(api)


def _listed(document: JSON) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, operations in document["paths"].items()
        for method in operations
    }


def test_the_document_lists_every_route(document: JSON) -> None:
    assert _listed(document) >= ROUTES


def test_every_route_has_a_summary(document: JSON) -> None:
    without = [
        (method, path)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if not operation.get("summary")
    ]

    assert without == []


def test_every_post_body_has_an_example(document: JSON) -> None:
    posts = sorted(path for method, path in _listed(document) if method == "POST")

    without = [path for path in posts if not request_schema(document, path).get("examples")]

    assert without == []


def test_metrics_are_served_but_not_documented(api: Api, document: JSON) -> None:
    assert "/metrics" not in document["paths"]
    assert api.client.get("/metrics").status_code == 200


def _register_example_network(api: Api, document: JSON) -> str:
    """The platform and enterprise examples, sent as they are; a key for that window."""
    (platform,) = request_examples(document, "/v1/platforms")
    registered = api.post("/v1/platforms", key=api.keys.admin, json=platform)
    assert registered.status_code == 201, registered.text
    window_key, _ = api.issue_key(Role.WINDOW, UUID(registered.json()["id"]))
    (enterprise,) = request_examples(document, "/v1/enterprises")
    created = api.post("/v1/enterprises", key=window_key, json=enterprise)
    assert created.status_code == 201, created.text
    return window_key


def test_the_platform_and_enterprise_examples_are_accepted(api: Api, document: JSON) -> None:
    window_key = _register_example_network(api, document)

    (enterprise,) = request_examples(document, "/v1/enterprises")
    read = api.get(f"/v1/enterprises/{enterprise['uscc']}", key=window_key)
    assert read.status_code == 200
    assert read.json()["name"] == enterprise["name"]


OPENINGS = [
    pytest.param(0, id="open-only"),
    pytest.param(1, id="one-call-delivered"),
]


def test_the_examples_cover_each_way_of_opening_a_case() -> None:
    examples = CaseOpening.model_json_schema()["examples"]

    assert len(examples) == len(OPENINGS)
    assert "delivery" not in examples[0]
    assert "delivery" in examples[1]


@pytest.mark.parametrize("index", OPENINGS)
def test_each_case_opening_example_is_accepted(api: Api, document: JSON, index: int) -> None:
    window_key = _register_example_network(api, document)

    response = api.post(
        "/v1/service-cases",
        key=window_key,
        json=request_examples(document, "/v1/service-cases")[index],
    )

    assert response.status_code == 201, response.text


def test_the_step_examples_take_a_case_through_its_life(api: Api, document: JSON) -> None:
    window_key = _register_example_network(api, document)
    openings = request_examples(document, "/v1/service-cases")
    cases = [
        api.post("/v1/service-cases", key=window_key, json=openings[0]).json()["id"],
        api.post(
            "/v1/service-cases", key=window_key, json={**openings[0], "external_ref": "YC-2"}
        ).json()["id"],
    ]
    steps = [(cases[0], s) for s in ("assignment", "delivery", "feedback", "closure")]

    for case_id, step in [*steps, (cases[1], "cancellation")]:
        path = f"/v1/service-cases/{{case_id}}/{step}"
        (example,) = request_examples(document, path)
        response = api.post(f"/v1/service-cases/{case_id}/{step}", key=window_key, json=example)
        assert response.status_code == 200, f"{step}: {response.text}"


def test_each_creation_links_to_the_operations_on_what_it_created(document: JSON) -> None:
    operations = {
        operation["operationId"]: (path, operation)
        for path, methods in document["paths"].items()
        for operation in methods.values()
    }
    links = {
        path: methods["post"]["responses"]["201"].get("links", {})
        for path, methods in document["paths"].items()
        if "201" in methods.get("post", {}).get("responses", {})
    }

    for collection, linked in links.items():
        for name, link in linked.items():
            path, operation = operations[link["operationId"]]
            (parameter,) = link["parameters"]
            assert path.startswith(collection + "/{"), (collection, name)
            assert parameter.removeprefix("path.") in {
                p["name"] for p in operation["parameters"] if p["in"] == "path"
            }
    assert links["/v1/service-cases"]["read_service_case"]["parameters"] == {
        "path.case_id": "$response.body#/id"
    }
    assert links["/v1/enterprises"]["get_enterprise"]["parameters"] == {
        "path.uscc": "$response.body#/uscc"
    }
    assert sum(map(len, links.values())) > 100
