"""Agreements over HTTP: their life, the day a view is for, retries and stale versions, and the
documented routes and examples."""

from __future__ import annotations

from typing import Any

import pytest

from api.schemas.agreements import EXAMPLE_INSTITUTION_ID
from ledger.domain import ids
from tests.api._support import (
    INSTITUTION_USCC,
    JSON,
    TODAY,
    Api,
    assert_problem,
    new_uscc,
    post_if_match,
)
from tests.api.agreements_support import (
    DIGEST,
    INSTITUTION_ID,
    NEW_DIGEST,
    act,
    agreement_in_force,
    countersign,
    proposal_body,
    propose,
    send_proposal,
)

# --- the life of an agreement -------------------------------------------------------------------


def test_a_window_proposes_and_the_institution_countersigns(api: Api) -> None:
    proposed = send_proposal(api)

    assert proposed.status_code == 201, proposed.text
    body = proposed.json()
    assert proposed.headers["location"] == f"/v1/agreements/{body['id']}"
    assert proposed.headers["etag"] == '"1"'
    assert body["status"] == "proposed"
    assert body["proposer"] == {"kind": "window", "id": str(api.window_a_id)}
    assert body["counterparty"] == {"kind": "institution", "id": str(INSTITUTION_ID)}
    assert body["terms"] == {
        "categories": ["14"],
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "document_sha256": DIGEST,
    }
    assert body["terms_applying"] is None

    signed = countersign(api, body["id"])

    assert signed["status"] == "in_force"
    assert signed["version"] == 2
    assert signed["signed_on"] == TODAY.isoformat()
    assert signed["terms_applying"] == body["terms"]
    institution = api.get(f"/v1/institutions/{INSTITUTION_ID}", key=api.keys.hub).json()
    assert institution["status"] == "active"
    assert institution["agreement_ids"] == [body["id"]]


def test_an_amendment_applies_once_the_other_party_countersigns_it(api: Api) -> None:
    agreement_id = agreement_in_force(api)

    pending = act(
        api,
        agreement_id,
        "amendments",
        api.keys.window_a,
        {"categories": ["14", "15"], "document_sha256": NEW_DIGEST, "note": "增加管理咨询"},
    )
    assert pending.status_code == 200, pending.text
    assert pending.json()["terms"]["categories"] == ["14"]
    assert pending.json()["pending_amendment"] == {
        "proposed_by": str(api.window_a_id),
        "terms": {
            "categories": ["14", "15"],
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "document_sha256": NEW_DIGEST,
        },
        "note": "增加管理咨询",
    }

    signed = act(
        api,
        agreement_id,
        "amendments/countersignature",
        api.keys.institution,
        {"document_sha256": NEW_DIGEST},
    )

    assert signed.status_code == 200, signed.text
    assert signed.json()["terms"]["categories"] == ["14", "15"]
    assert signed.json()["pending_amendment"] is None
    assert [p["effective_from"] for p in signed.json()["periods"]] == [TODAY.isoformat()] * 2


def test_a_pending_amendment_is_withdrawn_or_declined(api: Api) -> None:
    agreement_id = agreement_in_force(api)
    act(api, agreement_id, "amendments", api.keys.institution, {"ends_on": "2027-06-30"})

    declined = act(
        api, agreement_id, "amendments/withdrawal", api.keys.window_a, {"reason": "不同意延期"}
    )

    assert declined.status_code == 200, declined.text
    assert declined.json()["pending_amendment"] is None
    assert declined.json()["terms"]["ends_on"] == "2026-12-31"


def test_a_termination_ends_the_agreement_from_its_effective_day(api: Api) -> None:
    agreement_id = agreement_in_force(api)

    ended = act(
        api,
        agreement_id,
        "termination",
        api.keys.institution,
        {"reason": "合作结束", "effective_on": "2026-07-01"},
    )

    assert ended.status_code == 200, ended.text
    assert ended.json()["status"] == "in_force"
    assert ended.json()["termination"] == {
        "terminated_by": str(INSTITUTION_ID),
        "reason": "合作结束",
        "effective_on": "2026-07-01",
    }
    path = f"/v1/agreements/{agreement_id}"
    on_the_day = api.get(path, key=api.keys.hub, params={"as_on": "2026-07-01"})
    assert on_the_day.json()["status"] == "terminated"


# --- the day a view is for ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "as_on", "status"),
    [
        pytest.param({}, TODAY.isoformat(), "in_force", id="today-by-default"),
        pytest.param({"as_on": "2026-12-31"}, "2026-12-31", "in_force", id="last-day"),
        pytest.param({"as_on": "2027-01-01"}, "2027-01-01", "expired", id="after-the-term"),
        pytest.param(
            {"as_on": "2026-03-01"}, "2026-03-01", "not_yet_in_force", id="before-signing"
        ),
        pytest.param(
            {"as_of": "2099-01-01T00:00:00+08:00"}, "2099-01-01", "expired", id="the-day-of-as-of"
        ),
    ],
)
def test_a_view_is_for_a_day_today_unless_asked(
    api: Api, params: dict[str, Any], as_on: str, status: str
) -> None:
    agreement_id = agreement_in_force(api)

    response = api.get(f"/v1/agreements/{agreement_id}", key=api.keys.auditor, params=params)

    assert response.status_code == 200, response.text
    assert response.json()["as_on"] == as_on
    assert response.json()["status"] == status
    assert response.headers["etag"] == '"2"'


def test_an_agreement_is_read_at_an_earlier_version(api: Api) -> None:
    agreement_id = agreement_in_force(api)

    response = api.get(f"/v1/agreements/{agreement_id}", key=api.keys.hub, params={"version": 1})

    assert response.json()["status"] == "proposed"
    assert response.headers["etag"] == '"1"'


def test_the_history_lists_every_event_of_the_agreement(api: Api) -> None:
    agreement_id = agreement_in_force(api)

    response = api.get(f"/v1/agreements/{agreement_id}/history", key=api.keys.institution)

    assert [e["type"] for e in response.json()["events"]] == [
        "Agreement.Proposed",
        "Agreement.Countersigned",
    ]


def test_a_step_on_a_stale_version_is_refused(api: Api) -> None:
    agreement_id = propose(api)["id"]

    response = post_if_match(
        api,
        f"/v1/agreements/{agreement_id}/countersignature",
        api.keys.institution,
        {"document_sha256": DIGEST},
        2,
    )

    assert_problem(response, 412, "version_mismatch")


def test_a_proposal_retried_with_its_idempotency_key_is_replayed(api: Api) -> None:
    body = proposal_body()
    headers = {"Idempotency-Key": "agreement-1"}

    first = api.post("/v1/agreements", key=api.keys.window_a, json=body, headers=headers)
    again = api.post("/v1/agreements", key=api.keys.window_a, json=body, headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()


# --- the documented routes and examples --------------------------------------------------------


def test_the_document_lists_the_agreement_routes(api: Api) -> None:
    paths = api.client.get("/openapi.json").json()["paths"]

    listed = {
        (m.upper(), p) for p, ops in paths.items() for m in ops if p.startswith("/v1/agreements")
    }
    assert listed == {
        ("POST", "/v1/agreements"),
        ("GET", "/v1/agreements"),
        ("GET", "/v1/agreements/{agreement_id}"),
        ("GET", "/v1/agreements/{agreement_id}/history"),
        ("POST", "/v1/agreements/{agreement_id}/countersignature"),
        ("POST", "/v1/agreements/{agreement_id}/amendments"),
        ("POST", "/v1/agreements/{agreement_id}/amendments/countersignature"),
        ("POST", "/v1/agreements/{agreement_id}/amendments/withdrawal"),
        ("POST", "/v1/agreements/{agreement_id}/termination"),
    }
    as_on = [
        p
        for p in paths["/v1/agreements/{agreement_id}"]["get"]["parameters"]
        if p["name"] == "as_on"
    ]
    assert len(as_on) == 1


def _example(api: Api, path: str) -> JSON:
    document = api.client.get("/openapi.json").json()
    ref = document["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"][
        "$ref"
    ]
    (example,) = document["components"]["schemas"][ref.rsplit("/", 1)[1]]["examples"]
    body: JSON = example
    return body


def test_the_examples_take_an_agreement_through_its_life(api: Api) -> None:
    # The example institution is the one this network registered (the same USCC).
    assert str(ids.institution_id(INSTITUTION_USCC)) == EXAMPLE_INSTITUTION_ID
    created = api.post(
        "/v1/agreements", key=api.keys.window_a, json=_example(api, "/v1/agreements")
    )
    assert created.status_code == 201, created.text
    agreement_id = created.json()["id"]
    steps = [
        ("countersignature", api.keys.institution),
        ("amendments", api.keys.window_a),
        ("amendments/countersignature", api.keys.institution),
        ("amendments", api.keys.institution),
        ("amendments/withdrawal", api.keys.window_a),
        ("termination", api.keys.window_a),
    ]

    for step, key in steps:
        example = _example(api, f"/v1/agreements/{{agreement_id}}/{step}")
        if step == "amendments" and key == api.keys.institution:
            example = {"ends_on": "2028-06-30"}  # the example amendment is now agreed
        response = act(api, agreement_id, step, key, example)
        assert response.status_code == 200, f"{step}: {response.text}"


def test_an_institution_registered_over_http_is_created_with_its_location(api: Api) -> None:
    response = api.post(
        "/v1/institutions",
        key=api.keys.hub,
        json={
            "uscc": new_uscc(),
            "name": "宁夏测试服务机构",
            "region": "640100",
            "categories": ["14"],
        },
    )

    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"/v1/institutions/{response.json()['id']}"
