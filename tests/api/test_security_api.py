"""Platforms' information security files over HTTP (Art. 6.2, 9.2): grading, inspections and
their rectification, incidents; who may record and read what; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ledger.domain.access_key import Role
from tests.api._support import (
    STORES,
    TODAY,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    store_url,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def base(api: Api, platform: object | None = None) -> str:
    return f"/v1/platforms/{platform or api.window_a_id}/security"


GRADING = {"level": 2, "filing_number": "64010099001-26001", "next_review_on": "2027-03-01"}
LATER = (TODAY + timedelta(days=30)).isoformat()
FINDINGS = {"findings": ["后台未启用双因素认证", "日志留存不足六个月"], "deadline": LATER}


def test_a_window_grades_itself_and_its_file_opens_with_the_first_record(api: Api) -> None:
    graded = api.post(f"{base(api)}/grading", key=api.keys.window_a, json=GRADING)

    assert graded.status_code == 200, graded.text
    body = graded.json()
    assert body["platform_id"] == str(api.window_a_id)
    assert body["grading"] == {
        "level": 2, "filing_number": "64010099001-26001", "graded_on": TODAY.isoformat(),
        "next_review_on": "2027-03-01", "review_overdue": False,
    }  # fmt: skip
    assert graded.headers["etag"] == '"2"'  # opened and graded in one save
    for key in (api.keys.window_a, api.keys.hub, api.keys.bureau, api.keys.auditor):
        read = api.get(base(api), key=key)
        assert read.status_code == 200, read.text
        assert read.json()["grading"]["level"] == 2
    history = api.get(f"{base(api)}/history", key=api.keys.auditor).json()["events"]
    assert [e["type"] for e in history] == ["SecurityFile.Opened", "SecurityFile.Graded"]


def test_an_inspection_s_findings_are_rectified_by_the_window_late_or_not(api: Api) -> None:
    inspected = api.post(f"{base(api)}/inspections", key=api.keys.hub, json=FINDINGS)
    assert inspected.status_code == 200, inspected.text
    (inspection,) = inspected.json()["inspections"]
    assert (inspection["number"], inspection["status"]) == (1, "open")
    assert inspection["inspector_id"] == str(api.hub_id)
    clear = api.post(f"{base(api)}/inspections", key=api.keys.bureau, json={})
    assert clear.json()["inspections"][1]["status"] == "clear"
    assert clear.json()["inspections"][1]["inspector_id"] is None  # the bureau

    api.clock.now += timedelta(days=40)
    overdue = api.get(base(api), key=api.keys.hub).json()
    assert (overdue["open_findings"], overdue["overdue_findings"]) == (1, 1)
    rectified = api.post(
        f"{base(api)}/inspections/1/rectification", key=api.keys.window_a,
        json={"note": "已启用双因素认证"},
    )  # fmt: skip

    assert rectified.status_code == 200, rectified.text
    assert rectified.json()["inspections"][0]["status"] == "rectified_late"
    assert rectified.json()["open_findings"] == 0
    assert_refused_unrecorded(
        api, 422, "nothing_to_rectify", f"{base(api)}/inspections/1/rectification",
        key=api.keys.window_a, json={"note": "again"},
    )  # fmt: skip


def test_incidents_are_reported_and_closed_once(api: Api) -> None:
    reported = api.post(
        f"{base(api)}/incidents", key=api.keys.window_a,
        json={"severity": "larger", "summary": "门户网站遭受攻击", "personal_data_involved": True},
    )  # fmt: skip
    assert reported.status_code == 200, reported.text
    assert reported.json()["open_incidents"] == 1

    closed = api.post(
        f"{base(api)}/incidents/1/closure", key=api.keys.window_a,
        json={"measures": "封禁来源地址", "reported_to": "银川市网信办"},
    )  # fmt: skip

    incident = closed.json()["incidents"][0]
    assert (incident["status"], incident["reported_to"]) == ("closed", "银川市网信办")
    assert incident["personal_data_involved"] is True
    assert_refused_unrecorded(
        api, 422, "incident_closed", f"{base(api)}/incidents/1/closure", key=api.keys.window_a,
        json={"measures": "x"},
    )  # fmt: skip


def test_who_may_record_and_read_what(api: Api) -> None:
    api.post(f"{base(api)}/grading", key=api.keys.window_a, json=GRADING)

    assert_problem(api.get(base(api), key=api.keys.window_b), 404, "security_file_not_found")
    assert_refused_unrecorded(
        api, 422, "wrong_platform_kind", f"{base(api)}/grading", key=api.keys.window_b,
        json=GRADING,
    )  # fmt: skip
    assert_refused_unrecorded(
        api, 422, "wrong_platform_kind", f"{base(api)}/grading", key=api.keys.hub, json=GRADING
    )
    hub_file = base(api, api.hub_id)
    assert_refused_unrecorded(
        api, 403, "not_security_inspector", f"{hub_file}/inspections", key=api.keys.hub,
        json=FINDINGS,
    )  # fmt: skip
    by_bureau = api.post(f"{hub_file}/inspections", key=api.keys.bureau, json=FINDINGS)
    assert by_bureau.status_code == 200
    for role in (Role.AUDITOR, Role.INSTITUTION, Role.ADMIN):
        refused = api.post(f"{base(api)}/grading", key=api.keys.for_role(role), json=GRADING)
        assert_problem(refused, 403, "forbidden_role")
    unknown = api.post(
        "/v1/platforms/00000000-0000-0000-0000-000000000001/security/grading",
        key=api.keys.window_a, json=GRADING,
    )  # fmt: skip
    assert_problem(unknown, 404, "platform_not_found")


def test_bad_records_change_nothing(api: Api) -> None:
    grading = f"{base(api)}/grading"
    for body, code in (
        ({**GRADING, "level": 6}, "invalid_protection_level"),
        ({**GRADING, "next_review_on": TODAY.isoformat()}, "invalid_review_date"),
        ({**GRADING, "next_review_on": "2031-01-01"}, "invalid_review_date"),
        ({**GRADING, "level": "2"}, "validation_failed"),
    ):
        assert_refused_unrecorded(api, 422, code, grading, key=api.keys.window_a, json=body)
    inspections = f"{base(api)}/inspections"
    for refused, code in (
        ({"findings": ["x"]}, "invalid_rectification_deadline"),
        ({"findings": ["x"], "deadline": TODAY.isoformat()}, "invalid_rectification_deadline"),
        ({"findings": ["x"] * 51, "deadline": LATER}, "validation_failed"),
    ):
        assert_refused_unrecorded(api, 422, code, inspections, key=api.keys.hub, json=refused)
    assert_refused_unrecorded(
        api, 422, "unknown_incident_severity", f"{base(api)}/incidents", key=api.keys.window_a,
        json={"severity": "catastrophic", "summary": "x"},
    )  # fmt: skip
    api.post(inspections, key=api.keys.hub, json=FINDINGS)
    assert_refused_unrecorded(
        api, 422, "unknown_inspection", f"{base(api)}/inspections/9/rectification",
        key=api.keys.window_a, json={"note": "x"},
    )  # fmt: skip
    assert_refused_unrecorded(
        api, 422, "unknown_incident", f"{base(api)}/incidents/1/closure", key=api.keys.window_a,
        json={"measures": "x"},
    )  # fmt: skip


def test_the_overview_shows_every_platform_and_a_window_only_itself(api: Api) -> None:
    api.post(f"{base(api)}/grading", key=api.keys.window_a, json=GRADING)
    api.post(f"{base(api)}/inspections", key=api.keys.hub, json=FINDINGS)

    rows = api.get("/v1/views/security", key=api.keys.bureau).json()["platforms"]

    by_id = {r["platform_id"]: r for r in rows}
    assert by_id[str(api.window_a_id)]["level"] == 2
    assert by_id[str(api.window_a_id)]["open_findings"] == 1
    assert by_id[str(api.window_b_id)]["level"] is None
    own = api.get("/v1/views/security", key=api.keys.window_b).json()["platforms"]
    assert [r["platform_id"] for r in own] == [str(api.window_b_id)]


def test_a_retry_with_the_same_key_records_once(api: Api) -> None:
    headers = {"Idempotency-Key": "incident-1"}
    body = {"severity": "general", "summary": "扫描探测"}
    first = api.post(f"{base(api)}/incidents", key=api.keys.window_a, json=body, headers=headers)
    retry = api.post(f"{base(api)}/incidents", key=api.keys.window_a, json=body, headers=headers)

    assert retry.content == first.content
    assert retry.headers["idempotent-replayed"] == "true"
    assert len(api.get(base(api), key=api.keys.hub).json()["incidents"]) == 1
