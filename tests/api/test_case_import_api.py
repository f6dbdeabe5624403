"""POST /v1/service-cases:batch: a window's bulk import, judged record by record."""

from __future__ import annotations

from typing import Any

import pytest

from ledger.application.group_commit import GroupCommitConfig
from tests.api._support import (
    JSON,
    Api,
    assert_problem,
    assignment_body,
    delivery_body,
    feedback_body,
    new_ref,
    opening_body,
    post_if_match,
)

BATCH = "/v1/service-cases:batch"


def delivered(**overrides: Any) -> JSON:
    """A record of a delivered, rated service (four events)."""
    record: JSON = {
        "assignment": assignment_body(),
        "delivery": delivery_body(),
        "feedback": feedback_body(),
        **overrides,
    }
    return opening_body(**record)


def test_valid_records_are_appended_and_each_bad_one_is_reported_with_its_index(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    transactions: list[int] = []
    original = api.ledger.recorder.insert_events

    def counting(stored_events: Any, **kwargs: Any) -> Any:
        transactions.append(len(stored_events))
        return original(stored_events, **kwargs)

    monkeypatch.setattr(api.ledger.recorder, "insert_events", counting)
    twice = new_ref()
    records = [
        delivered(),
        {"external_ref": new_ref(), "uscc": "not a uscc"},
        delivered(external_ref=twice),
        delivered(delivery=delivery_body(delivered_on="2026-03-01")),
        delivered(external_ref=twice),
        delivered(),
        "not a record",
    ]

    response = api.post(BATCH, key=api.keys.window_a, json={"records": records})

    assert response.status_code == 200, response.text
    body = response.json()
    assert [(r["index"], r["status"]) for r in body["results"]] == [
        (0, "created"),
        (1, "rejected"),
        (2, "created"),
        (3, "rejected"),
        (4, "exists"),
        (5, "created"),
        (6, "rejected"),
    ]
    assert (body["created"], body["exists"], body["rejected"]) == (3, 1, 3)
    assert body["results"][6]["code"] == "validation_failed"
    assert body["results"][1]["code"] == "validation_failed"
    assert "uscc" in body["results"][1]["detail"]
    assert body["results"][3]["code"] == "invalid_delivery_date"
    assert body["results"][4]["code"] == "external_ref_exists"
    assert transactions == [3 * 4], "three delivered cases, four events each, one transaction"
    for result in body["results"]:
        if result["status"] == "created":
            history = api.get(
                f"/v1/service-cases/{result['id']}/history", key=api.keys.window_a
            ).json()
            assert history["events"][-1]["position"] == result["position"]
            assert result["version"] == 4
    rejected = body["results"][3]["id"]
    assert api.get(f"/v1/service-cases/{rejected}", key=api.keys.window_a).status_code == 404


def test_sending_the_same_batch_again_appends_nothing_new(api: Api) -> None:
    records = [delivered() for _ in range(5)]
    first = api.post(BATCH, key=api.keys.window_a, json={"records": records}).json()
    head = api.ledger.head_position()

    again = api.post(BATCH, key=api.keys.window_a, json={"records": records}).json()

    assert api.ledger.head_position() == head
    assert again["created"] == 0
    assert again["exists"] == 5
    assert [r["id"] for r in again["results"]] == [r["id"] for r in first["results"]]


def test_a_batch_is_refused_whole_only_when_its_envelope_is_wrong(api: Api) -> None:
    too_many = api.post(BATCH, key=api.keys.window_a, json={"records": [{}] * 1001})
    empty = api.post(BATCH, key=api.keys.window_a, json={"records": []})
    unknown = api.post(BATCH, key=api.keys.window_a, json={"records": [delivered()], "x": 1})

    assert [r.status_code for r in (too_many, empty, unknown)] == [422, 422, 422]
    assert too_many.json()["code"] == "validation_failed"


@pytest.mark.parametrize("role", ["hub", "bureau", "auditor", "admin", "institution"])
def test_only_a_window_imports_cases(api: Api, role: str) -> None:
    response = api.post(BATCH, key=getattr(api.keys, role), json={"records": [delivered()]})

    assert response.status_code == 403
    assert response.json()["code"] == "forbidden_role"


def test_records_are_imported_for_the_keys_window_only(api: Api) -> None:
    ref = new_ref()
    a = api.post(BATCH, key=api.keys.window_a, json={"records": [delivered(external_ref=ref)]})
    b = api.post(BATCH, key=api.keys.window_b, json={"records": [delivered(external_ref=ref)]})

    case_a, case_b = a.json()["results"][0], b.json()["results"][0]
    assert (case_a["status"], case_b["status"]) == ("created", "created")
    assert case_a["id"] != case_b["id"], "the same reference at two windows is two cases"
    assert api.get(f"/v1/service-cases/{case_a['id']}", key=api.keys.window_b).status_code == 404


# --- group commit on the serving path ------------------------------------------------------------


def test_the_api_saves_commands_through_the_group_committer_by_default(api: Api) -> None:
    committer = api.ledger.uow.committer
    assert committer is not None
    before = committer.stats().commands_total

    response = api.post("/v1/service-cases", key=api.keys.window_a, json=delivered())

    assert response.status_code == 201
    assert committer.stats().commands_total == before + 1
    assert response.json()["position"] == api.ledger.head_position()
    scrape = api.client.get("/metrics").text
    assert "ledger_group_commit_batch_commands_count" in scrape
    assert "ledger_group_commit_queue_commands" in scrape


def test_group_commit_can_be_turned_off(make_api: Any) -> None:
    api: Api = make_api(group_commit=False)

    response = api.post("/v1/service-cases", key=api.keys.window_a, json=delivered())

    assert response.status_code == 201
    assert api.ledger.uow.committer is None


def test_a_full_commit_queue_is_refused_with_503_and_retry_after(api: Api) -> None:
    committer = api.ledger.uow.committer
    assert committer is not None
    committer.config = GroupCommitConfig(max_queue=0)
    head = api.ledger.head_position()

    response = api.post("/v1/service-cases", key=api.keys.window_a, json=delivered())

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert response.json()["code"] == "unavailable"
    assert api.ledger.head_position() == head


def test_a_stale_if_match_is_still_412_with_group_commit(api: Api) -> None:
    opened = api.post("/v1/service-cases", key=api.keys.window_a, json=opening_body()).json()

    response = post_if_match(
        api, f"/v1/service-cases/{opened['id']}/assignment", api.keys.window_a, assignment_body(), 7
    )

    assert response.status_code == 412
    assert response.json()["code"] == "version_mismatch"


def test_a_record_sent_again_with_other_content_is_a_conflict_with_the_differences(
    api: Api,
) -> None:
    record = delivered()
    api.post(BATCH, key=api.keys.window_a, json={"records": [record]})
    head = api.ledger.head_position()
    corrected = {**record, "delivery": delivery_body(fee_amount="260.00")}

    answer = api.post(BATCH, key=api.keys.window_a, json={"records": [corrected]}).json()

    assert api.ledger.head_position() == head
    assert (answer["exists"], answer["conflict"]) == (0, 1)
    [result] = answer["results"]
    assert (result["status"], result["code"]) == ("conflict", "import_conflict")
    [difference] = result["differences"]
    assert difference["field"] == "delivery"
    assert difference["recorded"]["fee_amount"] == "300.00"
    assert difference["sent"]["fee_amount"] == "260.00"


def test_two_records_of_one_batch_with_one_reference_and_other_content_conflict(
    api: Api,
) -> None:
    record = delivered()
    other = {**record, "description": "另一项服务"}

    answer = api.post(BATCH, key=api.keys.window_a, json={"records": [record, other]}).json()

    assert [r["status"] for r in answer["results"]] == ["created", "conflict"]
    assert [d["field"] for d in answer["results"][1]["differences"]] == ["description"]


def test_a_retried_batch_with_its_key_gets_the_first_answer_and_records_nothing(
    api: Api,
) -> None:
    twice = new_ref()
    records = [delivered(), delivered(external_ref=twice), {"uscc": "bad"}, opening_body()]
    records.append(delivered(external_ref=twice))
    headers = {"Idempotency-Key": "batch-1"}
    first = api.post(BATCH, key=api.keys.window_a, json={"records": records}, headers=headers)
    head = api.head()

    retry = api.post(BATCH, key=api.keys.window_a, json={"records": records}, headers=headers)

    assert first.status_code == retry.status_code == 200, retry.text
    assert [r["status"] for r in first.json()["results"]] == [
        "created", "created", "rejected", "created", "exists",
    ]  # fmt: skip
    assert retry.json() == first.json()
    assert retry.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert api.head() == head


def test_a_batch_key_sent_with_other_records_is_refused_and_records_nothing(api: Api) -> None:
    headers = {"Idempotency-Key": "batch-2"}
    first = api.post(BATCH, key=api.keys.window_a, json={"records": [delivered()]}, headers=headers)
    head = api.head()

    other = api.post(BATCH, key=api.keys.window_a, json={"records": [delivered()]}, headers=headers)

    assert first.json()["created"] == 1
    assert_problem(other, 422, "idempotency_key_reused")
    assert api.head() == head


def test_a_batch_key_is_not_a_key_of_a_single_write(api: Api) -> None:
    headers = {"Idempotency-Key": "shared-3"}
    api.post(BATCH, key=api.keys.window_a, json={"records": [delivered()]}, headers=headers)

    single = api.post(
        "/v1/service-cases", key=api.keys.window_a, json=opening_body(), headers=headers
    )

    assert_problem(single, 422, "idempotency_key_reused")
