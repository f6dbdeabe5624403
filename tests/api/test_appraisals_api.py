"""Appraisals over HTTP: who appraises whom, conclusion, verification and scorecards."""

from __future__ import annotations

from typing import Any

import pytest

from ledger.domain.access_key import Role
from tests.api._support import (
    NOW,
    WINDOW_A_USCC,
    Api,
    assert_problem,
    assert_refused_unrecorded,
)
from tests.api.onboarding_support import expert_body
from tests.api.test_standing_api import revoke_window_a

AFTER_2026 = NOW.replace(year=2027, month=1, day=4)
"""A day on which 2026 has ended, so the hub may close it."""


def close_2026(api: Api) -> None:
    """The clock moves into 2027 and the hub closes 2026 (once)."""
    api.clock.now = max(api.clock.now, AFTER_2026)
    response = api.post("/v1/periods", key=api.keys.hub, json={"period": "2026"})
    assert response.status_code in (201, 409), response.text


def run(api: Api, kind: str = "window", key: str | None = None) -> dict[str, object]:
    close_2026(api)
    response = api.post(
        "/v1/appraisals", key=key or api.keys.hub, json={"year": 2026, "subject_kind": kind,
                                                           "as_on": "2026-03-02"},
    )  # fmt: skip
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def test_the_hub_appraises_every_window_at_one_position(api: Api) -> None:
    api.open_case()
    close_2026(api)
    head = api.head()

    body = run(api)

    appraisals = body["appraisals"]
    assert isinstance(appraisals, list)
    assert {a["subject_id"] for a in appraisals} == {str(api.window_a_id), str(api.window_b_id)}
    assert {a["position"] for a in appraisals} != {head}  # each recorded after reading
    assert {a["status"] for a in appraisals} == {"open"}
    assert body["position"] == head


def test_a_year_still_open_is_appraised_provisionally_and_nothing_is_recorded(api: Api) -> None:
    api.open_case()
    head = api.head()
    asked = {"year": 2026, "subject_kind": "window", "as_on": "2026-03-02"}

    shown = api.get("/v1/appraisals/provisional", key=api.keys.bureau, params=asked)
    one = api.get(
        "/v1/appraisals/provisional", key=api.keys.hub,
        params={**asked, "subject_id": str(api.window_a_id)},
    )  # fmt: skip
    by_window = api.get("/v1/appraisals/provisional", key=api.keys.window_a, params=asked)

    assert shown.status_code == 200, shown.text
    body = shown.json()
    assert (body["year_closed"], body["position"], body["as_on"]) == (False, head, "2026-03-02")
    assert body["scheme"]["id"] == "window-demonstration"
    by_subject = {a["subject_id"]: a for a in body["appraisals"]}
    assert set(by_subject) == {str(api.window_a_id), str(api.window_b_id)}
    mine = by_subject[str(api.window_a_id)]
    assert mine["figures"]["cases_delivered"] == 0  # opened, not yet delivered
    assert mine["grade_by_indicators"] == "不合格"
    assert [a["subject_id"] for a in one.json()["appraisals"]] == [str(api.window_a_id)]
    assert one.json()["appraisals"][0] == mine
    assert_problem(by_window, 403, "forbidden_role")
    assert api.head() == head  # shown, never recorded
    listed = api.get("/v1/appraisals", key=api.keys.hub, params={"year": 2026})
    assert listed.json()["appraisals"] == []


def test_a_year_not_closed_is_not_appraised(api: Api) -> None:
    api.open_case()
    body = {"year": 2026, "subject_kind": "window", "as_on": "2026-03-02"}

    problem = assert_refused_unrecorded(
        api, 409, "year_not_closed", "/v1/appraisals", key=api.keys.hub, json=body
    )

    assert "2026 is not closed" in problem["detail"]
    api.clock.now = AFTER_2026  # ended, but still open until the hub closes it
    assert_refused_unrecorded(
        api, 409, "year_not_closed", "/v1/appraisals", key=api.keys.hub, json=body
    )
    close_2026(api)
    assert api.post("/v1/appraisals", key=api.keys.hub, json=body).status_code == 201


@pytest.mark.parametrize(
    ("kind", "refused"),
    [("window", Role.BUREAU), ("institution", Role.BUREAU), ("hub", Role.HUB)],
)
def test_only_the_appraiser_of_a_kind_appraises_it(api: Api, kind: str, refused: Role) -> None:
    response = api.post(
        "/v1/appraisals", key=api.keys.for_role(refused), json={"year": 2026, "subject_kind": kind}
    )

    assert_problem(response, 403, "forbidden_role")


@pytest.mark.parametrize("role", [Role.WINDOW, Role.INSTITUTION, Role.AUDITOR, Role.ADMIN])
def test_other_roles_cannot_appraise(api: Api, role: Role) -> None:
    response = api.post(
        "/v1/appraisals", key=api.keys.for_role(role), json={"year": 2026, "subject_kind": "window"}
    )

    assert_problem(response, 403, "forbidden_role")


def test_a_second_run_skips_what_is_already_appraised(api: Api) -> None:
    run(api)

    again = api.post(
        "/v1/appraisals", key=api.keys.hub, json={"year": 2026, "subject_kind": "window"}
    )

    assert again.status_code == 200
    assert len(again.json()["skipped"]) == 2
    assert again.json()["appraisals"] == []


def test_a_superseded_appraisal_is_appraised_again_by_the_next_run(api: Api) -> None:
    first = _window_a_appraisal(api)
    path = f"/v1/appraisals/{first}/supersession"
    head = api.head()
    by_window = api.post(path, key=api.keys.window_a, json={"reason": "x"})
    by_bureau = api.post(path, key=api.keys.bureau, json={"reason": "x"})  # the hub appraises
    without_reason = api.post(path, key=api.keys.hub, json={"reason": " "})
    assert_problem(by_window, 403, "forbidden_role")
    assert_problem(by_bureau, 403, "forbidden_role")
    assert_problem(without_reason, 422, "validation_failed")
    assert api.head() == head

    superseded = api.post(path, key=api.keys.hub, json={"reason": "考核数据口径有误"})
    again = api.post(
        "/v1/appraisals", key=api.keys.hub, json={"year": 2026, "subject_kind": "window"}
    )

    assert superseded.status_code == 200, superseded.text
    assert (superseded.json()["status"], superseded.json()["superseded_reason"]) == (
        "superseded",
        "考核数据口径有误",
    )
    assert again.status_code == 201, again.text
    [second] = again.json()["appraisals"]
    assert (second["subject_id"], second["supersedes"], second["status"]) == (
        str(api.window_a_id),
        first,
        "open",
    )
    assert [s["subject_id"] for s in again.json()["skipped"]] == [str(api.window_b_id)]
    listed = api.get("/v1/appraisals", key=api.keys.auditor, params={"year": 2026}).json()
    mine = [a for a in listed["appraisals"] if a["subject_id"] == str(api.window_a_id)]
    assert [(a["id"], a["status"]) for a in mine] == [(first, "superseded"), (second["id"], "open")]
    scored = _score(api, first, _expert(api))
    assert_problem(scored, 422, "appraisal_superseded")


def test_a_subject_revoked_before_the_year_is_skipped_with_the_reason(api: Api) -> None:
    revoke_window_a(api)  # in March 2026
    api.clock.now = NOW.replace(year=2028, month=1, day=5)
    for year in ("2026", "2027"):
        closed = api.post("/v1/periods", key=api.keys.hub, json={"period": year})
        assert closed.status_code == 201, closed.text

    ran = api.post(
        "/v1/appraisals", key=api.keys.hub, json={"year": 2027, "subject_kind": "window"}
    )

    assert ran.status_code == 201, ran.text
    assert [a["subject_id"] for a in ran.json()["appraisals"]] == [str(api.window_b_id)]
    [skipped] = ran.json()["skipped"]
    assert skipped["subject_id"] == str(api.window_a_id)
    assert skipped["reason"].startswith("qualification revoked on 2026-03-")
    assert skipped["reason"].endswith("before 2027: not active in it")


def _window_a_appraisal(api: Api) -> str:
    appraisal = next(
        a
        for a in run(api)["appraisals"]  # type: ignore[attr-defined]
        if a["subject_id"] == str(api.window_a_id)
    )
    return str(appraisal["id"])


def _expert(api: Api) -> str:
    """An expert registered now (after the year's close) by the hub."""
    registered = api.post("/v1/experts", key=api.keys.hub, json=expert_body())
    assert registered.status_code == 201, registered.text
    return str(registered.json()["id"])


def _score(api: Api, appraisal_id: str, expert: object, score: int = 50) -> Any:
    return api.post(
        f"/v1/appraisals/{appraisal_id}/expert-scores",
        key=api.keys.hub,
        json={"expert_id": str(expert), "score": score, "opinion": "材料齐全"},
    )


def test_concluding_needs_the_expert_scores_the_scheme_requires(api: Api) -> None:
    appraisal_id = _window_a_appraisal(api)
    assert _score(api, appraisal_id, _expert(api)).status_code == 200

    problem = assert_refused_unrecorded(
        api, 422, "expert_scores_missing", f"/v1/appraisals/{appraisal_id}/conclusion",
        key=api.keys.hub, json={},
    )  # fmt: skip

    assert problem["context"] == {"required": 3, "given": 1}


def test_an_expert_of_the_subjects_own_organisation_does_not_score_it(api: Api) -> None:
    appraisal_id = _window_a_appraisal(api)
    own = api.post(
        "/v1/experts",
        key=api.keys.hub,
        json=expert_body(organisation=f"window {WINDOW_A_USCC}"),  # the window's name
    )
    assert own.status_code == 201, own.text

    problem = assert_problem(
        _score(api, appraisal_id, own.json()["id"]), 422, "expert_conflict_of_interest"
    )

    assert problem["context"] == {"expert_id": own.json()["id"]}


def test_concluding_grades_and_orders_a_failing_window_to_rectify(api: Api) -> None:
    appraisal = {"id": _window_a_appraisal(api)}
    for _ in range(3):
        assert _score(api, appraisal["id"], _expert(api)).status_code == 200

    concluded = api.post(f"/v1/appraisals/{appraisal['id']}/conclusion", key=api.keys.hub, json={})
    again = api.post(f"/v1/appraisals/{appraisal['id']}/conclusion", key=api.keys.hub, json={})

    assert concluded.status_code == 200
    assert concluded.json()["grade"] == "不合格"
    assert concluded.json()["consequence"] == "rectification_ordered"
    platform = api.get(f"/v1/platforms/{api.window_a_id}", key=api.keys.auditor).json()
    assert platform["standing"] == "rectifying"
    assert_problem(again, 422, "appraisal_concluded")


def test_an_auditor_verifies_an_appraisal(api: Api) -> None:
    appraisal_id = run(api)["appraisals"][0]["id"]  # type: ignore[index]
    api.open_case()  # the log moves on

    response = api.get(f"/v1/appraisals/{appraisal_id}/verification", key=api.keys.auditor)

    assert response.status_code == 200
    assert response.json()["identical"] is True
    assert response.json()["differences"] == []


def test_a_window_reads_its_own_appraisal_and_scorecard_but_not_another(api: Api) -> None:
    appraisals = {a["subject_id"]: a["id"] for a in run(api)["appraisals"]}  # type: ignore[attr-defined]
    own, other = appraisals[str(api.window_a_id)], appraisals[str(api.window_b_id)]

    mine = api.get(f"/v1/appraisals/{own}", key=api.keys.window_a)
    theirs = api.get(f"/v1/appraisals/{other}", key=api.keys.window_a)
    card = api.get(f"/v1/appraisals/{own}/scorecard", key=api.keys.window_a)
    their_card = api.get(f"/v1/appraisals/{other}/scorecard", key=api.keys.window_a)

    assert mine.status_code == 200
    assert_problem(theirs, 404, "appraisal_not_found")
    assert card.headers["content-type"].startswith("text/html")
    assert "<svg" in card.text
    assert "年度绩效考核" in card.text
    assert_problem(their_card, 404, "appraisal_not_found")


def test_the_records_behind_a_figure_are_read_at_the_appraisals_position(api: Api) -> None:
    case_id = api.case_ready_for("feedback")  # delivered in 2026, at a discount
    appraisal_id = _window_a_appraisal(api)
    api.open_case()  # after the appraisal's position: not behind its figures
    path = f"/v1/appraisals/{appraisal_id}/records"

    delivered = api.get(path, key=api.keys.window_a, params={"figure": "cases_delivered"})
    free = api.get(path, key=api.keys.auditor, params={"figure": "free_share"})
    as_csv = api.get(path, key=api.keys.hub, params={"figure": "free_share", "format": "csv"})
    unknown = api.get(path, key=api.keys.hub, params={"figure": "windows_connected"})
    theirs = api.get(path, key=api.keys.window_b, params={"figure": "cases_delivered"})

    assert delivered.status_code == 200, delivered.text
    body = delivered.json()
    assert (body["recorded"], body["counted"], body["share_of"]) == (1, 1, None)
    [record] = body["records"]
    assert (record["case_id"], record["counted"]) == (case_id, True)
    assert free.json()["share_of"] == ["free_cases", "cases_delivered"]
    assert [(r["case_id"], r["counted"]) for r in free.json()["records"]] == [(case_id, False)]
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert case_id in as_csv.text
    assert_problem(unknown, 422, "unknown_figure")  # a hub's figure, not a window's
    assert_problem(theirs, 404, "appraisal_not_found")


def test_the_scorecard_exports_as_csv(api: Api) -> None:
    appraisal_id = run(api)["appraisals"][0]["id"]  # type: ignore[index]

    response = api.get(
        f"/v1/appraisals/{appraisal_id}/scorecard", key=api.keys.bureau, params={"format": "csv"}
    )

    assert response.headers["content-type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("indicator,label,figure")
    assert any(line.startswith("scheme_digest,") for line in lines)


def test_an_expert_score_needs_an_expert_of_the_pool(api: Api) -> None:
    appraisal_id = run(api)["appraisals"][0]["id"]  # type: ignore[index]

    response = api.post(
        f"/v1/appraisals/{appraisal_id}/expert-scores",
        key=api.keys.hub,
        json={"expert_id": "00000000-0000-4000-8000-000000000000", "score": 80},
    )

    assert response.status_code == 404
    assert response.json()["code"] == "expert_not_found"


def test_a_retried_run_with_its_key_gets_the_first_answer_and_records_nothing(api: Api) -> None:
    api.open_case()
    close_2026(api)
    body = {"year": 2026, "subject_kind": "window", "as_on": "2026-03-02"}
    headers = {"Idempotency-Key": "appraise-2026"}
    first = api.post("/v1/appraisals", key=api.keys.hub, json=body, headers=headers)
    api.open_case()  # the log moves on: a retry still answers with the figures first read
    head = api.head()

    retry = api.post("/v1/appraisals", key=api.keys.hub, json=body, headers=headers)

    assert first.status_code == retry.status_code == 201, retry.text
    assert retry.json() == first.json()
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.headers["location"] == "/v1/appraisals?year=2026"
    assert api.head() == head


def test_a_run_key_sent_with_another_run_is_refused(api: Api) -> None:
    close_2026(api)
    headers = {"Idempotency-Key": "appraise-once"}
    body = {"year": 2026, "subject_kind": "window", "as_on": "2026-03-02"}
    assert api.post("/v1/appraisals", key=api.keys.hub, json=body, headers=headers).is_success
    head = api.head()

    other = api.post(
        "/v1/appraisals",
        key=api.keys.hub,
        json={**body, "subject_kind": "institution"},
        headers=headers,
    )

    assert_problem(other, 422, "idempotency_key_reused")
    assert api.head() == head
