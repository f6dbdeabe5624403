"""Publications over HTTP: content review by another hub key, publication by the submitter,
and who sees what."""

from __future__ import annotations

import pytest

from ledger.domain.access_key import Role
from tests.api._support import JSON, Api, assert_problem
from tests.api.onboarding_support import publication_at, publication_body

BASE = "/v1/publications"


def _ok(api: Api, path: str, key: str, body: JSON) -> JSON:
    response = api.post(path, key=key, json=body)
    assert response.status_code == 200, response.text
    answer: JSON = response.json()
    return answer


def test_a_window_publication_goes_through_review_to_publication(api: Api) -> None:
    submitted = api.post(BASE, key=api.keys.window_a, json=publication_body(category="100200"))
    assert submitted.status_code == 201, submitted.text
    publication_id = submitted.json()["id"]
    assert submitted.headers["location"] == f"{BASE}/{publication_id}"
    assert submitted.json()["platform_id"] == str(api.window_a_id)

    _ok(api, f"{BASE}/{publication_id}/approval", api.keys.hub, {"note": "合规"})
    published = _ok(
        api, f"{BASE}/{publication_id}/publication", api.keys.window_a, {"channel": "网站"}
    )

    assert (published["status"], published["channel"]) == ("published", "网站")
    seen_by_b = api.get(f"{BASE}/{publication_id}", key=api.keys.window_b)
    assert seen_by_b.status_code == 200


def test_a_document_is_submitted_by_its_digest(api: Api) -> None:
    body = publication_body(body="", content_sha256="9C" * 32, summary="全文见附件")

    response = api.post(BASE, key=api.keys.hub, json=body)

    assert response.status_code == 201, response.text
    assert response.json()["content_sha256"] == "9c" * 32


def test_a_publication_without_content_is_refused(api: Api) -> None:
    response = api.post(BASE, key=api.keys.window_a, json=publication_body(body=""))

    assert_problem(response, 422, "publication_content_missing")


def test_the_same_reference_is_refused_with_409(api: Api) -> None:
    body = publication_body()
    api.post(BASE, key=api.keys.window_a, json=body)

    response = api.post(BASE, key=api.keys.window_a, json=body)

    assert_problem(response, 409, "publication_exists")


def test_the_key_that_submitted_cannot_approve_its_own_submission(api: Api) -> None:
    submitted = api.post(BASE, key=api.keys.hub, json=publication_body())
    publication_id = submitted.json()["id"]

    response = api.post(f"{BASE}/{publication_id}/approval", key=api.keys.hub, json={})
    second_hub_key, _ = api.issue_key(Role.HUB, api.hub_id)
    approved = api.post(f"{BASE}/{publication_id}/approval", key=second_hub_key, json={})

    assert_problem(response, 422, "self_review_not_allowed")
    assert approved.status_code == 200, approved.text


def test_the_hub_does_not_publish_a_windows_publication(api: Api) -> None:
    publication_id = publication_at(api, "approved")

    response = api.post(f"{BASE}/{publication_id}/publication", key=api.keys.hub, json={})

    assert_problem(response, 422, "not_publication_owner")


def test_a_rejected_publication_accepts_nothing_more(api: Api) -> None:
    publication_id = publication_at(api, "rejected")

    response = api.post(f"{BASE}/{publication_id}/publication", key=api.keys.window_a, json={})

    assert_problem(response, 422, "publication_step_out_of_order")


def test_a_rejection_needs_reasons(api: Api) -> None:
    publication_id = publication_at(api, "submitted")

    response = api.post(f"{BASE}/{publication_id}/rejection", key=api.keys.hub, json={})

    assert_problem(response, 422, "validation_failed")


@pytest.mark.parametrize("stage", ["submitted", "approved", "rejected"])
def test_another_window_does_not_see_an_unpublished_publication(api: Api, stage: str) -> None:
    publication_id = publication_at(api, stage)

    read = api.get(f"{BASE}/{publication_id}", key=api.keys.window_b)
    history = api.get(f"{BASE}/{publication_id}/history", key=api.keys.window_b)
    withdrawal = api.post(
        f"{BASE}/{publication_id}/withdrawal", key=api.keys.window_b, json={"reason": "不当"}
    )

    for response in (read, history, withdrawal):
        assert_problem(response, 404, "publication_not_found")


def test_another_window_cannot_withdraw_a_published_item_but_the_hub_can(api: Api) -> None:
    publication_id = publication_at(api, "published")

    refused = api.post(
        f"{BASE}/{publication_id}/withdrawal", key=api.keys.window_b, json={"reason": "不当"}
    )
    withdrawn = _ok(api, f"{BASE}/{publication_id}/withdrawal", api.keys.hub, {"reason": "过时"})

    assert_problem(refused, 422, "not_publication_owner")
    assert withdrawn["status"] == "withdrawn"
    assert_problem(
        api.get(f"{BASE}/{publication_id}", key=api.keys.window_b), 404, "publication_not_found"
    )


def test_a_window_lists_its_own_and_the_published_and_others_list_all(api: Api) -> None:
    own = publication_at(api, "submitted")
    published_by_b = publication_at(api, "published", api.window_b_id)
    hidden = publication_at(api, "approved", api.window_b_id)

    as_a = [p["id"] for p in api.get(BASE, key=api.keys.window_a).json()["publications"]]
    as_bureau = [p["id"] for p in api.get(BASE, key=api.keys.bureau).json()["publications"]]

    assert as_a == [own, published_by_b]
    assert as_bureau == [own, published_by_b, hidden]
