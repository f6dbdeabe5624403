"""Agreements over HTTP: their life, the day a view is for, who sees them, who may act, and the
rules a request can break."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from api.schemas_agreements import EXAMPLE_INSTITUTION_ID
from ledger.domain import ids
from ledger.domain.access_key import Role
from tests.api._support import (
    INSTITUTION_USCC,
    JSON,
    TODAY,
    Api,
    assert_problem,
    new_uscc,
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

ADMIN, HUB, BUREAU, AUDITOR = Role.ADMIN, Role.HUB, Role.BUREAU, Role.AUDITOR
WINDOW, INSTITUTION = Role.WINDOW, Role.INSTITUTION


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


# --- who sees what ------------------------------------------------------------------------------

READS = [
    pytest.param("", {}, id="now"),
    pytest.param("", {"version": 1}, id="at-version"),
    pytest.param("", {"as_of": "2099-01-01T00:00:00+00:00"}, id="as-of"),
    pytest.param("/history", {}, id="history"),
]


@pytest.mark.parametrize(("suffix", "params"), READS)
def test_a_window_not_party_to_an_agreement_is_told_it_does_not_exist(
    api: Api, suffix: str, params: dict[str, Any]
) -> None:
    agreement_id = agreement_in_force(api)

    response = api.get(
        f"/v1/agreements/{agreement_id}{suffix}", key=api.keys.window_b, params=params
    )

    problem = assert_problem(response, 404, "agreement_not_found")
    assert problem["detail"] == f"No agreement with id {agreement_id}."


def test_an_institution_not_party_to_an_agreement_is_told_it_does_not_exist(api: Api) -> None:
    agreement_id = str(propose(api, counterparty_id=api.window_b_id)["id"])

    response = api.get(f"/v1/agreements/{agreement_id}", key=api.keys.institution)

    assert_problem(response, 404, "agreement_not_found")


@pytest.mark.parametrize("role", [HUB, BUREAU, AUDITOR, WINDOW, INSTITUTION])
def test_the_parties_the_hub_the_bureau_and_auditors_read_an_agreement(
    api: Api, role: Role
) -> None:
    agreement_id = agreement_in_force(api)

    response = api.get(f"/v1/agreements/{agreement_id}", key=api.keys.for_role(role))

    assert response.status_code == 200, response.text


def test_the_list_shows_a_window_or_an_institution_only_its_own_agreements(api: Api) -> None:
    a_inst = propose(api)["id"]
    hub_b = propose(api, key=api.keys.hub, counterparty_id=api.window_b_id)["id"]
    b_a = propose(api, key=api.keys.window_b, counterparty_id=api.window_a_id)["id"]

    def listed(key: str, **params: Any) -> list[str]:
        response = api.get("/v1/agreements", key=key, params=params)
        assert response.status_code == 200, response.text
        return [a["id"] for a in response.json()["agreements"]]

    assert listed(api.keys.hub) == [a_inst, hub_b, b_a]
    assert listed(api.keys.bureau, party=str(api.window_b_id)) == [hub_b, b_a]
    assert listed(api.keys.window_a) == [a_inst, b_a]
    assert listed(api.keys.window_b) == [hub_b, b_a]
    assert listed(api.keys.window_b, party=str(api.window_a_id)) == [b_a]
    assert listed(api.keys.window_b, party=str(INSTITUTION_ID)) == []
    assert listed(api.keys.institution) == [a_inst]


def test_the_list_is_for_a_day_too(api: Api) -> None:
    agreement_in_force(api)

    response = api.get("/v1/agreements", key=api.keys.hub, params={"as_on": "2027-01-01"})

    assert response.json()["as_on"] == "2027-01-01"
    assert [a["status"] for a in response.json()["agreements"]] == ["expired"]


# --- who may act --------------------------------------------------------------------------------


def _step_bodies() -> dict[str, JSON]:
    return {
        "countersignature": {"document_sha256": DIGEST},
        "amendments": {"ends_on": "2027-06-30"},
        "amendments/countersignature": {"document_sha256": DIGEST},
        "amendments/withdrawal": {"reason": "r"},
        "termination": {"reason": "r", "effective_on": TODAY.isoformat()},
    }


REFUSED = [
    *[
        pytest.param("", role, id=f"propose as {role}")
        for role in (ADMIN, BUREAU, AUDITOR, INSTITUTION)
    ],
    *[
        pytest.param(step, role, id=f"{step} as {role}")
        for step in _step_bodies()
        for role in (ADMIN, BUREAU, AUDITOR)
    ],
]


@pytest.mark.parametrize(("step", "role"), REFUSED)
def test_a_role_that_cannot_be_a_party_gets_403_and_nothing_is_recorded(
    api: Api, step: str, role: Role
) -> None:
    agreement_id = propose(api)["id"]
    head = api.head()

    if step:
        response = act(api, agreement_id, step, api.keys.for_role(role), _step_bodies()[step])
    else:
        response = api.post("/v1/agreements", key=api.keys.for_role(role), json=proposal_body())

    problem = assert_problem(response, 403, "forbidden_role")
    assert role.value in problem["detail"]
    assert api.head() == head


@pytest.mark.parametrize(
    "path", ["/v1/agreements", "/v1/agreements/{id}", "/v1/agreements/{id}/history"]
)
def test_an_admin_key_does_not_read_agreements(api: Api, path: str) -> None:
    agreement_id = propose(api)["id"]

    response = api.get(path.format(id=agreement_id), key=api.keys.admin)

    assert_problem(response, 403, "forbidden_role")


@pytest.mark.parametrize("step", list(_step_bodies()))
def test_a_window_not_party_to_an_agreement_cannot_act_on_it(api: Api, step: str) -> None:
    agreement_id = agreement_in_force(api)
    head = api.head()

    response = act(api, agreement_id, step, api.keys.window_b, _step_bodies()[step])

    assert_problem(response, 404, "agreement_not_found")
    assert api.head() == head


def test_the_hub_cannot_act_on_an_agreement_it_is_not_party_to(api: Api) -> None:
    agreement_id = propose(api)["id"]

    response = act(api, agreement_id, "countersignature", api.keys.hub, {"document_sha256": DIGEST})

    assert_problem(response, 422, "not_a_party")


# --- rules a request can break ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        pytest.param({"counterparty_id": "WINDOW_A"}, "agreement_parties_not_allowed", id="itself"),
        pytest.param({"counterparty_id": str(uuid.uuid4())}, "unknown_party", id="unknown-party"),
        pytest.param({"ends_on": "2025-12-31"}, "invalid_agreement_term", id="ends-before-start"),
        pytest.param({"categories": ["18"]}, "unknown_category", id="unknown-category"),
    ],
)
def test_a_proposal_that_breaks_a_rule_is_refused_with_its_code(
    api: Api, overrides: dict[str, Any], code: str
) -> None:
    if overrides.get("counterparty_id") == "WINDOW_A":
        overrides = {**overrides, "counterparty_id": str(api.window_a_id)}
    head = api.head()

    response = api.post("/v1/agreements", key=api.keys.window_a, json=proposal_body(**overrides))

    assert_problem(response, 422, code)
    assert api.head() == head


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        pytest.param({"categories": []}, "body.categories", id="no-category"),
        pytest.param({"document_sha256": "abc"}, "body.document_sha256", id="short-digest"),
        pytest.param({"counterparty_id": "p-1"}, "body.counterparty_id", id="not-a-uuid"),
        pytest.param({"proposer_id": str(uuid.uuid4())}, "body.proposer_id", id="proposer-in-body"),
    ],
)
def test_a_malformed_proposal_fails_validation(
    api: Api, overrides: dict[str, Any], field: str
) -> None:
    response = api.post("/v1/agreements", key=api.keys.window_a, json=proposal_body(**overrides))

    problem = assert_problem(response, 422, "validation_failed")
    assert [".".join(e["loc"]) for e in problem["errors"]] == [field]


def test_the_same_reference_is_not_proposed_twice(api: Api) -> None:
    body = proposal_body()
    assert api.post("/v1/agreements", key=api.keys.window_a, json=body).status_code == 201

    again = api.post("/v1/agreements", key=api.keys.window_a, json=body)

    assert_problem(again, 409, "agreement_exists")


def _signed_with_pending_amendment(api: Api) -> str:
    agreement_id = agreement_in_force(api)
    act(api, agreement_id, "amendments", api.keys.window_a, {"ends_on": "2027-06-30"})
    return agreement_id


def _terminated(api: Api) -> str:
    agreement_id = agreement_in_force(api)
    act(
        api,
        agreement_id,
        "termination",
        api.keys.window_a,
        {"reason": "r", "effective_on": TODAY.isoformat()},
    )
    return agreement_id


TRANSITIONS = [
    pytest.param(
        lambda api: propose(api)["id"],
        "countersignature",
        "window_a",
        {"document_sha256": DIGEST},
        "not_the_counterparty",
        id="proposer-countersigns",
    ),
    pytest.param(
        agreement_in_force,
        "countersignature",
        "institution",
        {"document_sha256": DIGEST},
        "agreement_step_out_of_order",
        id="countersigned-twice",
    ),
    pytest.param(
        lambda api: propose(api)["id"],
        "countersignature",
        "institution",
        {"document_sha256": NEW_DIGEST},
        "document_digest_mismatch",
        id="another-document",
    ),
    pytest.param(
        lambda api: propose(api)["id"],
        "amendments",
        "window_a",
        {"ends_on": "2027-06-30"},
        "agreement_step_out_of_order",
        id="amend-a-proposal",
    ),
    pytest.param(
        _signed_with_pending_amendment,
        "amendments",
        "institution",
        {"ends_on": "2027-12-31"},
        "amendment_pending",
        id="second-amendment",
    ),
    pytest.param(
        agreement_in_force,
        "amendments",
        "window_a",
        {"categories": ["14"]},
        "amendment_changes_nothing",
        id="amendment-changes-nothing",
    ),
    pytest.param(
        _signed_with_pending_amendment,
        "amendments/countersignature",
        "window_a",
        {"document_sha256": DIGEST},
        "not_the_counterparty",
        id="amendment-countersigned-by-its-proposer",
    ),
    pytest.param(
        agreement_in_force,
        "amendments/countersignature",
        "institution",
        {"document_sha256": DIGEST},
        "no_pending_amendment",
        id="countersign-no-amendment",
    ),
    pytest.param(
        agreement_in_force,
        "amendments/withdrawal",
        "institution",
        {"reason": "r"},
        "no_pending_amendment",
        id="withdraw-no-amendment",
    ),
    pytest.param(
        agreement_in_force,
        "termination",
        "institution",
        {"reason": "r", "effective_on": "2026-03-01"},
        "invalid_termination_date",
        id="termination-in-the-past",
    ),
    pytest.param(
        _terminated,
        "amendments",
        "institution",
        {"ends_on": "2027-06-30"},
        "agreement_terminated",
        id="amend-after-termination",
    ),
    pytest.param(
        _terminated,
        "termination",
        "institution",
        {"reason": "r", "effective_on": TODAY.isoformat()},
        "agreement_terminated",
        id="terminated-twice",
    ),
    pytest.param(
        lambda api: propose(api)["id"],
        "countersignature",
        "institution",
        {"document_sha256": DIGEST, "occurred_at": "2026-03-01T10:00:00+08:00"},
        "occurred_before_previous_step",
        id="signed-before-proposed",
    ),
]


@pytest.mark.parametrize(("prepare", "step", "key", "body", "code"), TRANSITIONS)
def test_an_illegal_step_is_refused_with_its_code_and_records_nothing(
    api: Api, prepare: Any, step: str, key: str, body: JSON, code: str
) -> None:
    agreement_id = prepare(api)
    head = api.head()

    response = act(api, agreement_id, step, getattr(api.keys, key), body)

    assert_problem(response, 422, code)
    assert api.head() == head


def test_a_step_on_a_stale_version_is_refused(api: Api) -> None:
    agreement_id = propose(api)["id"]

    response = api.post(
        f"/v1/agreements/{agreement_id}/countersignature",
        key=api.keys.institution,
        json={"document_sha256": DIGEST},
        headers={"If-Match": '"2"'},
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
