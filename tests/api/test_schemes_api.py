"""Appraisal schemes as published records (Art. 11-12): the appraiser of a kind publishes its
scheme effective from a year, then newer versions; every run scores by the scheme in force."""

from __future__ import annotations

from typing import Any

from ledger.domain.schemes import default_scheme
from tests.api._support import Api, assert_problem
from tests.api.test_appraisals_api import close_2026


def scheme(kind: str = "window", version: int = 1, **changes: Any) -> dict[str, Any]:
    document = default_scheme(kind).document()
    return {**document, "id": f"{kind}-ningxia", "version": version, **changes}


def publish(api: Api, key: str, body: dict[str, Any]) -> Any:
    return api.post("/v1/schemes", key=key, json=body)


def in_force(api: Api, kind: str, year: int) -> dict[str, Any]:
    response = api.get(
        "/v1/schemes/in-force", key=api.keys.auditor, params={"subject_kind": kind, "year": year}
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_hub_publishes_the_windows_scheme_and_runs_score_by_it(api: Api) -> None:
    published = publish(
        api,
        api.keys.hub,
        {"effective_from": 2026, "scheme": scheme(), "note": "宁中小企〔2026〕1号"},
    )

    assert published.status_code == 201, published.text
    body = published.json()
    assert (body["subject_kind"], body["effective_from"]) == ("window", 2026)
    [version] = body["versions"]
    assert version["scheme"]["id"] == "window-ningxia"
    assert in_force(api, "window", 2027)["published_id"] == body["id"]  # until a later one
    assert in_force(api, "window", 2025)["source"] == "packaged"
    assert in_force(api, "institution", 2026)["source"] == "packaged"
    close_2026(api)
    ran = api.post(
        "/v1/appraisals", key=api.keys.hub, json={"year": 2026, "subject_kind": "window"}
    )
    assert ran.status_code == 201, ran.text
    assert {a["scheme"]["id"] for a in ran.json()["appraisals"]} == {"window-ningxia"}
    assert {a["scheme"]["digest"] for a in ran.json()["appraisals"]} == {version["digest"]}


def test_only_the_appraiser_of_a_kind_publishes_its_scheme(api: Api) -> None:
    head = api.head()
    window_by_bureau = publish(api, api.keys.bureau, {"effective_from": 2026, "scheme": scheme()})
    hub_by_hub = publish(api, api.keys.hub, {"effective_from": 2026, "scheme": scheme("hub")})
    by_window = publish(api, api.keys.window_a, {"effective_from": 2026, "scheme": scheme()})

    assert_problem(window_by_bureau, 403, "forbidden_role")
    assert_problem(hub_by_hub, 403, "forbidden_role")
    assert_problem(by_window, 403, "forbidden_role")
    assert api.head() == head
    hub_by_bureau = publish(api, api.keys.bureau, {"effective_from": 2026, "scheme": scheme("hub")})
    assert hub_by_bureau.status_code == 201, hub_by_bureau.text
    assert in_force(api, "hub", 2026)["source"] == "published"


def test_a_scheme_has_newer_versions_and_one_record_per_kind_and_year(api: Api) -> None:
    first = publish(api, api.keys.hub, {"effective_from": 2026, "scheme": scheme()}).json()
    path = f"/v1/schemes/{first['id']}/versions"

    again = publish(api, api.keys.hub, {"effective_from": 2026, "scheme": scheme(version=2)})
    same_version = api.post(path, key=api.keys.hub, json={"scheme": scheme(version=1)})
    other_kind = api.post(path, key=api.keys.hub, json={"scheme": scheme("institution", 2)})
    incoherent = api.post(path, key=api.keys.hub, json={"scheme": scheme(version=2, grades=[])})
    newer = api.post(path, key=api.keys.hub, json={"scheme": scheme(version=2), "note": "调整"})

    assert_problem(again, 409, "scheme_exists")
    assert_problem(same_version, 422, "scheme_version_not_newer")
    assert_problem(other_kind, 422, "invalid_scheme")
    assert_problem(incoherent, 422, "validation_failed")
    assert newer.status_code == 200, newer.text
    assert [v["scheme"]["version"] for v in newer.json()["versions"]] == [1, 2]
    current = in_force(api, "window", 2026)
    assert (current["scheme"]["version"], current["digest"]) == (
        2,
        newer.json()["versions"][1]["digest"],
    )
