"""The documented request examples for activities and data reports work as they are sent."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest

from ledger.domain.access_key import Role
from tests.api._support import JSON, Api, openapi_document, request_examples

# After the examples' activity (16 March) and before their report's due date (10 April).
EXAMPLES_NOW = datetime(2026, 4, 5, 2, 0, tzinfo=UTC)


@pytest.fixture
def document(api: Api) -> JSON:
    return openapi_document(api)


@pytest.fixture
def example_window_key(api: Api, document: JSON) -> str:
    """The platform example registered, and a key for that window."""
    api.clock.now = EXAMPLES_NOW
    (platform,) = request_examples(document, "/v1/platforms")
    registered = api.post("/v1/platforms", key=api.keys.admin, json=platform)
    assert registered.status_code == 201, registered.text
    key, _ = api.issue_key(Role.WINDOW, UUID(registered.json()["id"]))
    return key


def test_the_activity_examples_take_activities_through_their_life(
    api: Api, document: JSON, example_window_key: str
) -> None:
    (planning,) = request_examples(document, "/v1/activities")
    held = api.post("/v1/activities", key=example_window_key, json=planning).json()["id"]
    other = api.post(
        "/v1/activities", key=example_window_key, json={**planning, "external_ref": "YC-2"}
    ).json()["id"]

    for activity_id, step in [(held, "holding"), (held, "evaluation"), (other, "cancellation")]:
        (example,) = request_examples(document, f"/v1/activities/{{activity_id}}/{step}")
        response = api.post(
            f"/v1/activities/{activity_id}/{step}", key=example_window_key, json=example
        )
        assert response.status_code == 200, f"{step}: {response.text}"


def test_the_data_report_examples_take_a_report_through_its_life(
    api: Api, document: JSON, example_window_key: str
) -> None:
    monthly, quarterly = request_examples(document, "/v1/data-reports")
    report = api.post("/v1/data-reports", key=api.keys.hub, json=monthly)
    assert report.status_code == 201, report.text
    other = api.post("/v1/data-reports", key=api.keys.hub, json=quarterly)
    assert other.status_code == 201, other.text

    for step, key in [
        ("submission", example_window_key),
        ("return", api.keys.hub),
        ("submission", example_window_key),
        ("acceptance", api.keys.hub),
    ]:
        (example,) = request_examples(document, f"/v1/data-reports/{{report_id}}/{step}")
        response = api.post(f"/v1/data-reports/{report.json()['id']}/{step}", key=key, json=example)
        assert response.status_code == 200, f"{step}: {response.text}"
    assert response.json()["status"] == "accepted"
