"""Over HTTP: a case is assigned to an institution by its id, and delivered by it only under an
agreement in force between the window and the institution, covering the case's category."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from ledger.application.commands.standing import (
    ChangeInstitutionStanding,
    FailRecheck,
    OrderRectification,
    RequestRevocation,
    Revoke,
    StandingStep,
)
from ledger.domain.time import CST
from tests.acting import act as handle_as
from tests.api._support import (
    JSON,
    NOW,
    SETUP,
    TODAY,
    Api,
    assert_problem,
    delivery_body,
    opening_body,
)
from tests.api.agreements_support import INSTITUTION_ID, act, agreement_in_force, propose

TO_INSTITUTION = {"provider_kind": "institution", "provider_id": str(INSTITUTION_ID)}


def _assigned_case(api: Api, **overrides: Any) -> str:
    case_id = str(api.open_case(**overrides)["id"])
    response = api.post(
        f"/v1/service-cases/{case_id}/assignment", key=api.keys.window_a, json=TO_INSTITUTION
    )
    assert response.status_code == 200, response.text
    return case_id


def _deliver(api: Api, case_id: str) -> Any:
    return api.post(
        f"/v1/service-cases/{case_id}/delivery", key=api.keys.window_a, json=delivery_body()
    )


def test_an_institution_is_assigned_by_id_under_its_registered_name(api: Api) -> None:
    case_id = _assigned_case(api)

    case = api.get(f"/v1/service-cases/{case_id}", key=api.keys.window_a).json()

    assert case["assignment"] == {
        "provider_kind": "institution",
        "provider_name": "宁夏中卫科技咨询服务中心",
        "provider_id": str(INSTITUTION_ID),
    }


def test_a_delivery_under_an_agreement_in_force_is_recorded(api: Api) -> None:
    agreement_in_force(api)
    case_id = _assigned_case(api, category="140300")

    response = _deliver(api, case_id)

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "delivered"


def test_a_delivery_without_an_agreement_is_refused_and_nothing_is_recorded(api: Api) -> None:
    case_id = _assigned_case(api)
    head = api.head()

    response = _deliver(api, case_id)

    problem = assert_problem(response, 422, "no_agreement_in_force")
    assert str(INSTITUTION_ID) in problem["detail"]
    assert api.head() == head


@pytest.mark.parametrize(
    "prepare",
    [
        pytest.param(lambda api: propose(api), id="proposal-not-countersigned"),
        pytest.param(lambda api: agreement_in_force(api, categories=["10"]), id="other-category"),
        pytest.param(
            lambda api: agreement_in_force(api, ends_on=(TODAY - timedelta(days=1)).isoformat()),
            id="term-ended-yesterday",
        ),
        pytest.param(
            lambda api: agreement_in_force(api, key=api.keys.window_b),
            id="another-windows-agreement",
        ),
        pytest.param(
            lambda api: act(
                api,
                agreement_in_force(api),
                "termination",
                api.keys.institution,
                {"reason": "r", "effective_on": TODAY.isoformat()},
            ),
            id="terminated-today",
        ),
    ],
)
def test_an_agreement_that_does_not_cover_the_delivery_does_not_count(
    api: Api, prepare: Any
) -> None:
    prepare(api)
    case_id = _assigned_case(api, category="140300")

    assert_problem(_deliver(api, case_id), 422, "no_agreement_in_force")


def test_a_service_recorded_in_one_call_follows_the_same_rule(api: Api) -> None:
    body = opening_body(category="140300", assignment=TO_INSTITUTION, delivery=delivery_body())

    refused = api.post("/v1/service-cases", key=api.keys.window_a, json=body)
    assert_problem(refused, 422, "no_agreement_in_force")

    agreement_in_force(api)
    recorded = api.post("/v1/service-cases", key=api.keys.window_a, json=body)
    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["status"] == "delivered"


def test_an_expert_still_delivers_without_an_agreement(api: Api) -> None:
    case_id = api.case_ready_for("delivery")

    assert _deliver(api, case_id).status_code == 200


@pytest.mark.parametrize(
    ("assignment", "status", "code"),
    [
        pytest.param(
            {"provider_kind": "institution"}, 422, "institution_not_identified", id="no-id"
        ),
        pytest.param(
            {
                "provider_kind": "expert",
                "provider_name": "王教授",
                "provider_id": str(INSTITUTION_ID),
            },
            422,
            "provider_id_not_allowed",
            id="expert-with-id",
        ),
        pytest.param(
            {"provider_kind": "institution", "provider_id": "00000000-0000-4000-8000-000000000000"},
            422,
            "unknown_institution",
            id="unregistered",
        ),
        pytest.param(
            {**TO_INSTITUTION, "provider_name": "别的名字"},
            422,
            "validation_failed",
            id="institution-with-a-name",
        ),
        pytest.param({"provider_kind": "expert"}, 422, "validation_failed", id="expert-no-name"),
    ],
)
def test_an_assignment_names_an_institution_by_id_and_an_expert_by_name(
    api: Api, assignment: JSON, status: int, code: str
) -> None:
    case_id = str(api.open_case()["id"])
    head = api.head()

    response = api.post(
        f"/v1/service-cases/{case_id}/assignment", key=api.keys.window_a, json=assignment
    )

    assert_problem(response, status, code)
    assert api.head() == head


def test_a_case_is_not_assigned_to_a_revoked_institution(api: Api) -> None:
    deadline = NOW.astimezone(CST).date() + timedelta(days=30)
    steps: list[StandingStep] = [
        OrderRectification(deadline=deadline, reasons="r", citation="reason:data_reports_late"),
        FailRecheck(reasons="r"),
        RequestRevocation(reasons="r"),
        Revoke(reasons="r"),
    ]
    for step in steps:
        handle_as(
            api.ledger, ChangeInstitutionStanding(subject_id=INSTITUTION_ID, step=step), SETUP
        )
    case_id = str(api.open_case()["id"])

    response = api.post(
        f"/v1/service-cases/{case_id}/assignment", key=api.keys.window_a, json=TO_INSTITUTION
    )

    assert_problem(response, 422, "revoked")
