"""An enterprise's contact person over HTTP: sealed, read only by who serves it, erased (PIPL
Art. 47) by destroying its key while the log stays whole; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from ledger.domain.access_key import Role
from tests.api._support import (
    ENTERPRISE_USCC,
    STORES,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    store_url,
)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


ENTERPRISE = f"/v1/enterprises/{ENTERPRISE_USCC}"
CONTACT = f"{ENTERPRISE}/contact"
ERASURE = f"{ENTERPRISE}/contact-erasure"
MA = {"name": "马建国", "phone": "0951-5012345", "email": "majianguo@example.cn"}
WHY = {"ground": "consent_withdrawn", "reason": "企业来函要求删除联系人信息"}


def test_a_contact_is_stored_sealed_and_read_in_clear_by_its_window_and_the_hub(
    api: Api,
) -> None:
    recorded = api.post(CONTACT, key=api.keys.window_a, json=MA)

    assert recorded.status_code == 200, recorded.text
    assert recorded.json()["contact"] == {"state": "recorded", "recorded_by": str(api.window_a_id)}
    assert "马建国" not in recorded.text
    for key in (api.keys.window_a, api.keys.hub):
        read = api.get(CONTACT, key=key)
        assert read.status_code == 200, read.text
        assert read.json() == {"state": "recorded", "recorded_by": str(api.window_a_id), **MA}
        assert read.headers["cache-control"] == "no-store"
    events = api.get("/v1/events?type=Enterprise.ContactRecorded", key=api.keys.auditor)
    assert events.status_code == 200, events.text
    assert "ciphertext" in events.text
    for secret in ("马建国", "5012345", "majianguo"):
        assert secret not in events.text


def test_only_who_serves_the_enterprise_reads_its_contact(api: Api) -> None:
    api.post(CONTACT, key=api.keys.window_a, json=MA)

    other_window = api.get(CONTACT, key=api.keys.window_b)
    assert_problem(other_window, 403, "contact_restricted")
    for role in (Role.AUDITOR, Role.BUREAU, Role.INSTITUTION, Role.ADMIN):
        assert_problem(api.get(CONTACT, key=api.keys.for_role(role)), 403, "forbidden_role")
    shown = api.get(ENTERPRISE, key=api.keys.auditor).json()
    assert shown["contact"]["state"] == "recorded"
    assert "phone" not in shown["contact"]
    assert_refused_unrecorded(
        api, 403, "contact_restricted", CONTACT, key=api.keys.window_b,
        json={**MA, "phone": "13800000000"},
    )  # fmt: skip


def test_recording_the_contact_as_it_stands_records_nothing(api: Api) -> None:
    first = api.post(CONTACT, key=api.keys.window_a, json=MA)
    head = api.head()

    again = api.post(CONTACT, key=api.keys.window_a, json=MA)

    assert again.status_code == 200
    assert again.headers["etag"] == first.headers["etag"]
    assert api.head() == head
    changed = api.post(CONTACT, key=api.keys.window_a, json={**MA, "phone": "13995112233"})
    assert changed.status_code == 200
    assert api.get(CONTACT, key=api.keys.hub).json()["phone"] == "13995112233"


def test_bad_contacts_change_nothing(api: Api) -> None:
    for body, code in (
        ({"name": "马建国"}, "contact_empty"),
        ({**MA, "phone": "call me"}, "invalid_contact"),
        ({**MA, "email": "not-an-address"}, "invalid_contact"),
        ({**MA, "fax": "0951"}, "validation_failed"),
        ({"phone": "13800000000"}, "validation_failed"),
    ):
        problem = assert_refused_unrecorded(
            api, 422, code, CONTACT, key=api.keys.window_a, json=body
        )
        assert "call me" not in str(problem.get("detail", ""))
    assert_problem(api.get(CONTACT, key=api.keys.hub), 404, "contact_not_found")
    unknown = api.post("/v1/enterprises/91640104MA71TJ3Y8G/contact", key=api.keys.hub, json=MA)
    assert_problem(unknown, 404, "enterprise_not_found")


def test_erasure_destroys_every_version_and_says_who_when_and_why(api: Api) -> None:
    api.post(CONTACT, key=api.keys.window_a, json=MA)
    api.post(CONTACT, key=api.keys.window_a, json={**MA, "phone": "13995112233"})
    log_before = api.get("/v1/events?type=Enterprise.ContactRecorded", key=api.keys.auditor).json()

    erased = api.post(ERASURE, key=api.keys.hub, json=WHY)

    assert erased.status_code == 200, erased.text
    state = erased.json()["contact"]
    assert (state["state"], state["ground"]) == ("erased", "consent_withdrawn")
    assert api.get(CONTACT, key=api.keys.window_a).json() == state
    for version in (2, 3):
        old = api.get(ENTERPRISE, key=api.keys.hub, params={"version": version})
        assert old.status_code == 200
    log_after = api.get("/v1/events?type=Enterprise.ContactRecorded", key=api.keys.auditor).json()
    assert log_after["events"] == log_before["events"]  # untouched: only the keys are gone
    erasure = api.get("/v1/events?type=Enterprise.ContactErased", key=api.keys.auditor).json()
    (event,) = erasure["events"]
    assert event["data"]["reason"] == WHY["reason"]
    assert event["data"]["ground"] == "consent_withdrawn"
    assert event["meta"]["actor"].startswith("key:")
    assert_refused_unrecorded(api, 422, "no_contact_to_erase", ERASURE, key=api.keys.hub, json=WHY)


def test_a_contact_can_be_recorded_again_after_erasure_under_a_new_key(api: Api) -> None:
    api.post(CONTACT, key=api.keys.window_a, json=MA)
    api.post(ERASURE, key=api.keys.window_a, json=WHY)

    again = api.post(CONTACT, key=api.keys.window_b, json={**MA, "name": "李娜"})

    assert again.status_code == 200, again.text
    assert api.get(CONTACT, key=api.keys.window_b).json()["name"] == "李娜"
    recorded = api.get("/v1/events?type=Enterprise.ContactRecorded", key=api.keys.auditor).json()
    first, second = (e["data"]["key_id"] for e in recorded["events"])
    assert first != second


def test_erasure_needs_a_known_ground_and_a_reason_and_its_own_role(api: Api) -> None:
    api.post(CONTACT, key=api.keys.window_a, json=MA)

    assert_refused_unrecorded(
        api, 422, "unknown_erasure_ground", ERASURE, key=api.keys.hub,
        json={**WHY, "ground": "because"},
    )  # fmt: skip
    assert_refused_unrecorded(
        api, 422, "validation_failed", ERASURE, key=api.keys.hub, json={**WHY, "reason": " "}
    )
    assert_refused_unrecorded(
        api, 403, "contact_restricted", ERASURE, key=api.keys.window_b, json=WHY
    )
    assert_refused_unrecorded(api, 403, "forbidden_role", ERASURE, key=api.keys.bureau, json=WHY)
    assert api.get(CONTACT, key=api.keys.hub).json()["name"] == MA["name"]
