"""An enterprise's figures updated over HTTP, as valid from a day; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from ledger.domain.access_key import Role
from tests.api._support import (
    ENTERPRISE_USCC,
    STORES,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    store_url,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


PATH = f"/v1/enterprises/{ENTERPRISE_USCC}/figures"
LARGE = {
    "employees": 2000,
    "revenue_wan": "500000.00",
    "valid_from": "2026-01-01",
    "reason": "年报",
}


def test_new_figures_are_valid_from_a_day_and_the_registration_stays(api: Api) -> None:
    response = api.post(PATH, key=api.keys.window_a, json=LARGE)

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["size_class"], body["is_sme"], body["employees"]) == ("large", False, 2000)
    assert body["size_history"] == [{"valid_from": "2026-01-01", "size_class": "large"}]
    read = api.get(f"/v1/enterprises/{ENTERPRISE_USCC}", key=api.keys.auditor)
    assert read.headers["etag"] == '"2"'
    history = api.get("/v1/events?type=Enterprise.Registered", key=api.keys.auditor).json()
    assert history["events"][0]["data"]["employees"] == 86  # as registered, never edited


def test_bad_figures_change_nothing(api: Api) -> None:
    assert_refused_unrecorded(
        api, 422, "occurred_in_future", PATH, key=api.keys.window_a,
        json={**LARGE, "valid_from": "2026-12-31"},
    )  # fmt: skip
    assert_refused_unrecorded(
        api, 422, "validation_failed", PATH, key=api.keys.window_a, json={**LARGE, "reason": ""}
    )
    unknown = api.post(
        "/v1/enterprises/91640104MA71TJ3Y8G/figures", key=api.keys.window_a, json=LARGE
    )
    assert_problem(unknown, 404, "enterprise_not_found")
    for role in (Role.AUDITOR, Role.BUREAU, Role.INSTITUTION):
        refused = api.post(PATH, key=api.keys.for_role(role), json=LARGE)
        assert_problem(refused, 403, "forbidden_role")
