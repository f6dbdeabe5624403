"""Who sees an agreement (its parties, the hub, the bureau, auditors) and who may act on it."""

from __future__ import annotations

from typing import Any

import pytest

from ledger.domain.access_key import Role
from tests.api._support import (
    JSON,
    TODAY,
    Api,
    assert_problem,
)
from tests.api.agreements_support import (
    DIGEST,
    INSTITUTION_ID,
    act,
    agreement_in_force,
    proposal_body,
    propose,
)

ADMIN, HUB, BUREAU, AUDITOR = Role.ADMIN, Role.HUB, Role.BUREAU, Role.AUDITOR
WINDOW, INSTITUTION = Role.WINDOW, Role.INSTITUTION


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
