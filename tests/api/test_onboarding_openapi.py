"""The OpenAPI document for the expert pool, onboarding and publications: every route is listed,
and the request examples, sent as they are, take an application and publications through."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.api._support import JSON, Api, new_uscc, request_examples
from tests.api.onboarding_support import expert_body

ONBOARDING = "/v1/onboarding-applications/{application_id}"
ROUTES = {
    ("POST", "/v1/experts"),
    ("GET", "/v1/experts"),
    ("GET", "/v1/experts/{expert_id}"),
    ("GET", "/v1/experts/{expert_id}/history"),
    ("POST", "/v1/experts/{expert_id}/deactivation"),
    ("POST", "/v1/onboarding-applications"),
    ("GET", "/v1/onboarding-applications"),
    ("GET", ONBOARDING),
    ("GET", f"{ONBOARDING}/history"),
    *(
        ("POST", f"{ONBOARDING}/{step}")
        for step in (
            "reviews",
            "review-conclusion",
            "approval",
            "rejection",
            "notice",
            "objections",
            "objections/{objection_no}/resolution",
            "connection",
            "withdrawal",
        )
    ),
    ("POST", "/v1/publications"),
    ("GET", "/v1/publications"),
    ("GET", "/v1/publications/{publication_id}"),
    ("GET", "/v1/publications/{publication_id}/history"),
    *(
        ("POST", f"/v1/publications/{{publication_id}}/{step}")
        for step in ("approval", "rejection", "publication", "withdrawal")
    ),
}


@pytest.fixture
def document(api: Api) -> JSON:
    body: JSON = api.client.get("/openapi.json").json()
    return body


def _send(api: Api, document: JSON, template: str, key: str, index: int = 0, **ids: str) -> JSON:
    response = api.post(
        template.format(**ids), key=key, json=request_examples(document, template)[index]
    )
    assert response.status_code in {200, 201}, f"{template}: {response.text}"
    body: JSON = response.json()
    return body


def test_the_document_lists_every_route(document: JSON) -> None:
    listed = {
        (method.upper(), path)
        for path, operations in document["paths"].items()
        for method in operations
    }

    assert listed >= ROUTES


def test_the_onboarding_examples_take_an_application_to_a_connected_window(
    api: Api, document: JSON
) -> None:
    hub, bureau = api.keys.hub, api.keys.bureau
    _send(api, document, "/v1/experts", hub)
    for _ in range(2):
        api.post("/v1/experts", key=hub, json=expert_body())
    experts = [e["id"] for e in api.get("/v1/experts", key=hub).json()["experts"]]
    application = _send(api, document, "/v1/onboarding-applications", hub)
    a = {"application_id": application["id"]}

    _send(api, document, f"{ONBOARDING}/reviews", hub, **a)
    for expert_id in experts[1:]:
        review = {"expert_id": expert_id, "score": 80}
        api.post(f"/v1/onboarding-applications/{a['application_id']}/reviews", key=hub, json=review)
    _send(api, document, f"{ONBOARDING}/review-conclusion", hub, **a)
    _send(api, document, f"{ONBOARDING}/approval", bureau, **a)
    _send(api, document, f"{ONBOARDING}/notice", hub, **a)
    api.clock.now = datetime(2026, 3, 3, 2, 0, tzinfo=UTC)
    _send(api, document, f"{ONBOARDING}/objections", hub, **a)
    _send(
        api,
        document,
        f"{ONBOARDING}/objections/{{objection_no}}/resolution",
        bureau,
        objection_no="1",
        **a,
    )
    api.clock.now = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
    connected = _send(api, document, f"{ONBOARDING}/connection", hub, **a)

    assert connected["status"] == "connected"
    _send(api, document, "/v1/experts/{expert_id}/deactivation", hub, expert_id=experts[0])


def test_the_rejection_and_withdrawal_examples_are_accepted(api: Api, document: JSON) -> None:
    hub = api.keys.hub
    application = _send(api, document, "/v1/onboarding-applications", hub)
    experts = [api.post("/v1/experts", key=hub, json=expert_body()).json()["id"] for _ in "abc"]
    path = f"/v1/onboarding-applications/{application['id']}"
    for expert_id in experts:
        api.post(f"{path}/reviews", key=hub, json={"expert_id": expert_id, "score": 30})
    api.post(f"{path}/review-conclusion", key=hub, json={})
    second = api.post(
        "/v1/onboarding-applications",
        key=hub,
        json={
            **request_examples(document, "/v1/onboarding-applications")[0],
            "external_ref": "ONB-2",
            "uscc": new_uscc(),  # another applicant: one application is open per applicant
        },
    ).json()

    rejected = _send(
        api, document, f"{ONBOARDING}/rejection", api.keys.bureau, application_id=application["id"]
    )
    withdrawn = _send(api, document, f"{ONBOARDING}/withdrawal", hub, application_id=second["id"])

    assert (rejected["status"], withdrawn["status"]) == ("rejected", "withdrawn")


def test_the_publication_examples_take_publications_through_review(
    api: Api, document: JSON
) -> None:
    window, hub = api.keys.window_a, api.keys.hub
    text = _send(api, document, "/v1/publications", window, 0)
    digest = _send(api, document, "/v1/publications", window, 1)
    one = "/v1/publications/{publication_id}"

    _send(api, document, f"{one}/approval", hub, publication_id=text["id"])
    published = _send(api, document, f"{one}/publication", window, publication_id=text["id"])
    withdrawn = _send(api, document, f"{one}/withdrawal", window, publication_id=text["id"])
    rejected = _send(api, document, f"{one}/rejection", hub, publication_id=digest["id"])

    assert published["status"] == "published"
    assert withdrawn["status"] == "withdrawn"
    assert rejected["status"] == "rejected"
