"""Every rule a request about an agreement can break is refused over HTTP with its code, and
nothing is recorded."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.api._support import (
    JSON,
    TODAY,
    Api,
    assert_problem,
    assert_refused_unrecorded,
)
from tests.api.agreements_support import (
    DIGEST,
    NEW_DIGEST,
    act,
    agreement_in_force,
    proposal_body,
    propose,
)

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
    assert_refused_unrecorded(
        api, 422, code, "/v1/agreements", key=api.keys.window_a, json=proposal_body(**overrides)
    )


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
