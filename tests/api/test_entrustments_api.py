"""The hub's entrustment of its operator over HTTP, on SQLite and PostgreSQL: made, accepted,
appraised by a panel, renewed only after a passing appraisal, lapsed, terminated; who may do
what; refused input records nothing."""

from __future__ import annotations

from typing import Any

import pytest

from ledger.application.commands.experts import RegisterExpert
from ledger.domain.access_key import Role
from tests.acting import act
from tests.api._support import (
    JSON,
    STORES,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    new_ref,
    openapi_document,
    request_examples,
    store_url,
)
from tests.api.onboarding_support import as_hub

ENTRUSTMENTS = "/v1/entrustments"
OPERATOR_USCC = "91640100MA77000015"
SIGNED = "a1" * 32
RENEWED = "b2" * 32


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def entrustment_body(**overrides: Any) -> JSON:
    return {
        "external_ref": new_ref(),
        "operator_name": "宁夏中小企业服务运营有限公司",
        "operator_uscc": OPERATOR_USCC,
        "scope": "both",
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
        "document_sha256": SIGNED,
        "occurred_at": "2025-01-06T10:00:00+08:00",
        **overrides,
    }


def ok(api: Api, path: str, body: JSON, status: int = 200, key: str | None = None) -> JSON:
    response = api.post(path, key=key or api.keys.hub, json=body)
    assert response.status_code == status, response.text
    answer: JSON = response.json()
    return answer


def experts(api: Api, organisation: str = "宁夏大学") -> list[str]:
    return [
        str(
            act(
                api.ledger,
                RegisterExpert(
                    external_ref=new_ref(), name=f"专家{n}", fields=("14",),
                    organisation=organisation, title="教授",
                ),
                as_hub(api),
            ).resource_id
        )
        for n in range(3)
    ]  # fmt: skip


def panel(api: Api, score: int) -> list[JSON]:
    return [
        {"expert_id": e, "overall_operation": score, "service_performance": score,
         "use_of_funds": score}
        for e in experts(api)
    ]  # fmt: skip


def accepted(api: Api) -> str:
    path = f"{ENTRUSTMENTS}/{ok(api, ENTRUSTMENTS, entrustment_body(), 201)['id']}"
    ok(
        api,
        f"{path}/acceptance",
        {"document_sha256": SIGNED, "occurred_at": "2025-01-08T10:00:00+08:00"},
    )
    return path


def appraised(api: Api, score: int) -> str:
    path = accepted(api)
    ok(api, f"{path}/appraisals", {"year": 2025, "marks": panel(api, score)})
    return path


def test_an_entrustment_is_made_accepted_appraised_and_renewed(api: Api) -> None:
    made = api.post(ENTRUSTMENTS, key=api.keys.hub, json=entrustment_body())
    assert made.status_code == 201, made.text
    path = f"{ENTRUSTMENTS}/{made.json()['id']}"
    assert made.headers["location"] == path
    assert (made.json()["status"], made.json()["in_force"]) == ("awaiting_acceptance", False)

    ok(api, f"{path}/acceptance", {"document_sha256": SIGNED.upper()})
    appraisal = ok(api, f"{path}/appraisals", {"year": 2025, "marks": panel(api, 75)})
    assert (appraisal["appraisals"][0]["grade"], appraisal["appraisals"][0]["total"]) == (
        "合格",
        "75.00",
    )
    renewed = ok(api, f"{path}/renewal", {"ends_on": "2026-12-31", "document_sha256": RENEWED})

    assert renewed["status"] == "in_force"
    assert renewed["term_running"] == {
        "starts_on": "2026-01-01", "ends_on": "2026-12-31", "document_sha256": RENEWED,
    }  # fmt: skip
    assert renewed["renewals"][0]["appraisal_year"] == 2025
    history = api.get(f"{path}/history", key=api.keys.bureau).json()["events"]
    assert [e["type"] for e in history][-4:] == [
        "Entrustment.Made", "Entrustment.Accepted", "Entrustment.OperatorAppraised",
        "Entrustment.Renewed",
    ]  # fmt: skip
    listed = api.get(ENTRUSTMENTS, key=api.keys.auditor).json()["entrustments"]
    assert [e["id"] for e in listed] == [made.json()["id"]]


def test_an_entrustment_lapses_after_its_term_without_an_event(api: Api) -> None:
    path = accepted(api)

    in_term = api.get(path, key=api.keys.hub, params={"as_on": "2025-12-31"}).json()
    after = api.get(path, key=api.keys.hub, params={"as_on": "2026-01-01"}).json()

    assert (in_term["status"], in_term["in_force"]) == ("in_force", True)
    assert (after["status"], after["in_force"], after["version"]) == ("lapsed", False, 2)


def test_as_recorded_before_its_acceptance_the_entrustment_was_awaiting_it(api: Api) -> None:
    path = accepted(api)

    first = api.get(path, key=api.keys.hub, params={"version": 1, "as_on": "2025-06-01"}).json()

    assert (first["status"], first["accepted_on"]) == ("awaiting_acceptance", None)


@pytest.mark.parametrize("score", [None, 50])
def test_a_renewal_without_a_passing_appraisal_is_refused_and_records_nothing(
    api: Api, score: int | None
) -> None:
    path = accepted(api) if score is None else appraised(api, score)

    problem = assert_refused_unrecorded(
        api, 422, "renewal_not_earned", f"{path}/renewal", key=api.keys.hub,
        json={"ends_on": "2026-12-31", "document_sha256": RENEWED},
    )  # fmt: skip

    grade = {} if score is None else {"grade": "不合格"}
    assert problem["context"] == {"year": 2025, **grade}


@pytest.mark.parametrize(
    ("step", "body", "code"),
    [
        ("acceptance", {"document_sha256": RENEWED}, "document_digest_mismatch"),
        ("appraisals", {"year": 2026, "marks": []}, "invalid_operator_appraisal_year"),
        (
            "termination",
            {"reason": "违约", "effective_on": "2026-03-01"},
            "invalid_termination_date",
        ),
    ],
)
def test_a_step_that_breaks_a_rule_is_refused_with_its_code(
    api: Api, step: str, body: JSON, code: str
) -> None:
    path = f"{ENTRUSTMENTS}/{ok(api, ENTRUSTMENTS, entrustment_body(), 201)['id']}"
    if step != "acceptance":
        ok(api, f"{path}/acceptance", {"document_sha256": SIGNED})
    if body.get("marks") == []:
        body = {**body, "marks": panel(api, 80)}

    assert_refused_unrecorded(api, 422, code, f"{path}/{step}", key=api.keys.hub, json=body)


def test_an_expert_of_the_operator_itself_does_not_score_it(api: Api) -> None:
    path = accepted(api)
    own = experts(api, organisation="宁夏中小企业服务运营有限公司")
    marks = [
        {"expert_id": e, "overall_operation": 80, "service_performance": 80, "use_of_funds": 80}
        for e in own
    ]

    assert_refused_unrecorded(
        api, 422, "expert_conflict_of_interest", f"{path}/appraisals", key=api.keys.hub,
        json={"year": 2025, "marks": marks},
    )  # fmt: skip


def test_a_terminated_entrustment_accepts_nothing_more(api: Api) -> None:
    path = accepted(api)
    ended = ok(
        api, f"{path}/termination", {"reason": "运营机构严重违约", "effective_on": "2026-04-01"}
    )
    assert ended["termination"]["effective_on"] == "2026-04-01"

    assert_refused_unrecorded(
        api, 422, "entrustment_terminated", f"{path}/appraisals", key=api.keys.hub,
        json={"year": 2025, "marks": panel(api, 80)},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("change", "code"),
    [({"operator_uscc": "91640100MA77000016"}, "invalid_uscc"),
     ({"ends_on": "2024-12-31"}, "invalid_entrustment_term")],
)  # fmt: skip
def test_an_entrustment_with_a_broken_rule_is_refused(api: Api, change: JSON, code: str) -> None:
    assert_refused_unrecorded(
        api, 422, code, ENTRUSTMENTS, key=api.keys.hub, json=entrustment_body(**change)
    )


def test_the_same_reference_is_not_recorded_twice(api: Api) -> None:
    body = entrustment_body()
    ok(api, ENTRUSTMENTS, body, 201)

    assert_refused_unrecorded(
        api, 409, "entrustment_exists", ENTRUSTMENTS, key=api.keys.hub, json=body
    )


@pytest.mark.parametrize(
    "role", [Role.WINDOW, Role.INSTITUTION, Role.BUREAU, Role.AUDITOR, Role.ADMIN]
)
def test_only_the_hub_makes_or_acts_on_an_entrustment(api: Api, role: Role) -> None:
    path = accepted(api)
    key = api.keys.for_role(role)

    for target, body in [
        (ENTRUSTMENTS, entrustment_body()),
        (f"{path}/termination", {"reason": "违约", "effective_on": "2026-04-01"}),
    ]:
        head = api.head()
        problem = assert_problem(api.post(target, key=key, json=body), 403, "forbidden_role")
        assert role.value in problem["detail"]
        assert api.head() == head


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.HUB, 200), (Role.BUREAU, 200), (Role.AUDITOR, 200), (Role.WINDOW, 403),
     (Role.INSTITUTION, 403), (Role.ADMIN, 403)],
)  # fmt: skip
def test_the_hub_the_bureau_and_auditors_read_entrustments(
    api: Api, role: Role, status: int
) -> None:
    path = accepted(api)
    key = api.keys.for_role(role)

    for target in (path, f"{path}/history", ENTRUSTMENTS):
        assert api.get(target, key=key).status_code == status


def test_the_examples_take_an_entrustment_through_its_life(api: Api) -> None:
    document = openapi_document(api)
    (making,) = request_examples(document, ENTRUSTMENTS)
    made = ok(api, ENTRUSTMENTS, making, 201)
    path = f"{ENTRUSTMENTS}/{made['id']}"
    (acceptance,) = request_examples(document, f"{ENTRUSTMENTS}/{{entrustment_id}}/acceptance")
    ok(api, f"{path}/acceptance", acceptance)
    (appraisal,) = request_examples(document, f"{ENTRUSTMENTS}/{{entrustment_id}}/appraisals")
    # The example names one expert; a panel has three of the pool. The example's term starts
    # this year, so it is not renewed before a year of it is appraised.
    assert_problem(
        api.post(f"{path}/appraisals", key=api.keys.hub, json=appraisal), 404, "expert_not_found"
    )
    (renewal,) = request_examples(document, f"{ENTRUSTMENTS}/{{entrustment_id}}/renewal")
    assert_problem(
        api.post(f"{path}/renewal", key=api.keys.hub, json=renewal),
        422,
        "entrustment_step_out_of_order",
    )
    (termination,) = request_examples(document, f"{ENTRUSTMENTS}/{{entrustment_id}}/termination")
    assert (
        ok(api, f"{path}/termination", termination)["termination"]["effective_on"] == "2030-01-01"
    )
