"""The service alliance over HTTP (Art. 6.8): the hub records who joins, leaves and returns, the
members on a day are listed, and an alliance member's activity is marked as an alliance
activity; refused input leaves the log as it was; on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from ledger.application.commands.standing import (
    ChangeInstitutionStanding,
    FailRecheck,
    OrderRectification,
    RequestRevocation,
    Revoke,
    StandingStep,
)
from ledger.domain.access_key import Role
from tests.acting import act
from tests.api._support import (
    JSON,
    SETUP,
    STORES,
    TODAY,
    Api,
    assert_problem,
    assert_refused_unrecorded,
    assert_replayed,
    plan_activity,
    store_url,
)
from tests.api.complaints_support import INSTITUTION_ID, ok
from tests.api.training_support import ALLIANCE, MEMBERSHIPS, joined


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def members_on(api: Api, day: str | None = None, key: str | None = None) -> list[str]:
    params = {} if day is None else {"on": day}
    response = api.get(ALLIANCE, key=key or api.keys.bureau, params=params)
    assert response.status_code == 200, response.text
    body: JSON = response.json()
    assert body["count"] == len(body["members"])
    return [m["member_id"] for m in body["members"]]


def test_a_member_joins_leaves_and_returns_and_is_listed_on_the_days_it_was_one(
    api: Api,
) -> None:
    created = api.post(
        MEMBERSHIPS, key=api.keys.hub,
        json={"member_id": str(api.window_a_id), "joined_on": "2026-01-01", "note": "首批"},
    )  # fmt: skip
    assert created.status_code == 201, created.text
    path = f"{MEMBERSHIPS}/{created.json()['id']}"
    assert created.headers["location"] == path
    joined(api, INSTITUTION_ID, "2026-02-01")

    left = ok(api, f"{path}/departure", api.keys.hub, {"left_on": "2026-02-15", "reasons": "退出"})
    back = ok(api, f"{path}/return", api.keys.hub, {"joined_on": "2026-03-01"})

    window, institution = str(api.window_a_id), str(INSTITUTION_ID)
    assert (left["current"], back["current"], back["member_kind"]) == (False, True, "window")
    assert [p["left_on"] for p in back["periods"]] == ["2026-02-15", None]
    assert members_on(api, "2025-12-31") == []
    assert members_on(api, "2026-01-31") == [window]
    assert members_on(api, "2026-02-14") == [window, institution]
    assert members_on(api, "2026-02-15") == [institution]
    assert members_on(api, key=api.keys.window_b) == [window, institution]  # today, 2 March


@pytest.mark.parametrize("role", [Role.WINDOW, Role.BUREAU, Role.INSTITUTION, Role.AUDITOR])
def test_only_the_hub_keeps_the_membership(api: Api, role: Role) -> None:
    membership = joined(api, api.window_b_id)
    body = {"member_id": str(api.window_a_id), "joined_on": "2026-01-01"}
    key = api.keys.for_role(role)

    assert_refused_unrecorded(api, 403, "forbidden_role", MEMBERSHIPS, key=key, json=body)
    assert_refused_unrecorded(
        api, 403, "forbidden_role", f"{MEMBERSHIPS}/{membership}/departure", key=key,
        json={"left_on": "2026-02-01", "reasons": "x"},
    )  # fmt: skip
    assert api.get(f"{MEMBERSHIPS}/{membership}", key=key).status_code == 200


def test_a_member_joins_once_and_only_a_network_participant_joins(api: Api) -> None:
    joined(api, api.window_a_id)
    again = {"member_id": str(api.window_a_id), "joined_on": "2026-02-01"}
    stranger = {"member_id": str(uuid.uuid4()), "joined_on": "2026-02-01"}

    assert_refused_unrecorded(
        api, 409, "alliance_membership_exists", MEMBERSHIPS, key=api.keys.hub, json=again
    )
    assert_refused_unrecorded(
        api, 422, "unknown_participant", MEMBERSHIPS, key=api.keys.hub, json=stranger
    )


def test_a_membership_never_recorded_is_not_found(api: Api) -> None:
    unknown = f"{MEMBERSHIPS}/{uuid.uuid4()}"

    assert_problem(api.get(unknown, key=api.keys.auditor), 404, "alliance_membership_not_found")
    assert_refused_unrecorded(
        api, 404, "alliance_membership_not_found", f"{unknown}/departure", key=api.keys.hub,
        json={"left_on": "2026-02-01", "reasons": "退出"},
    )  # fmt: skip


def test_a_revoked_institution_does_not_join(api: Api) -> None:
    steps: list[StandingStep] = [
        OrderRectification(
            deadline=TODAY + timedelta(days=30), reasons="r", citation="reason:data_reports_late"
        ),
        FailRecheck(reasons="r"),
        RequestRevocation(reasons="r"),
        Revoke(reasons="r"),
    ]
    for step in steps:
        act(api.ledger, ChangeInstitutionStanding(subject_id=INSTITUTION_ID, step=step), SETUP)

    assert_refused_unrecorded(
        api, 422, "revoked", MEMBERSHIPS, key=api.keys.hub,
        json={"member_id": str(INSTITUTION_ID), "joined_on": "2026-01-01"},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("step", "body", "code"),
    [
        pytest.param("departure", {"left_on": "2026-01-01", "reasons": "x"},
                     "invalid_membership_date", id="left-on-joining"),
        pytest.param("departure", {"left_on": "2026-02-01", "reasons": " "},
                     "validation_failed", id="no-reasons"),
        pytest.param("return", {"joined_on": "2026-02-01"},
                     "alliance_membership_step_out_of_order", id="return-while-member"),
        pytest.param("departure", {"left_on": "2040-01-01", "reasons": "x"},
                     "date_beyond_horizon", id="beyond-horizon"),
    ],
)  # fmt: skip
def test_a_step_out_of_order_or_ill_formed_changes_nothing(
    api: Api, step: str, body: JSON, code: str
) -> None:
    membership = joined(api, api.window_a_id)

    assert_refused_unrecorded(
        api, 422, code, f"{MEMBERSHIPS}/{membership}/{step}", key=api.keys.hub, json=body
    )


def test_a_return_is_no_earlier_than_the_leaving(api: Api) -> None:
    membership = joined(api, api.window_a_id)
    ok(api, f"{MEMBERSHIPS}/{membership}/departure", api.keys.hub,
       {"left_on": "2026-02-01", "reasons": "退出"})  # fmt: skip

    assert_refused_unrecorded(
        api, 422, "invalid_membership_date", f"{MEMBERSHIPS}/{membership}/return",
        key=api.keys.hub, json={"joined_on": "2026-01-31"},
    )  # fmt: skip
    assert_refused_unrecorded(
        api, 422, "alliance_membership_step_out_of_order", f"{MEMBERSHIPS}/{membership}/departure",
        key=api.keys.hub, json={"left_on": "2026-02-20", "reasons": "x"},
    )  # fmt: skip


def test_an_alliance_members_activity_is_marked_once_by_the_hub(api: Api) -> None:
    activity = plan_activity(api)
    path = f"/v1/activities/{activity['id']}/alliance-marking"
    assert activity["alliance"] is None

    assert_refused_unrecorded(api, 422, "not_alliance_member", path, key=api.keys.hub, json={})
    joined(api, api.window_a_id)
    assert_refused_unrecorded(api, 403, "forbidden_role", path, key=api.keys.window_a, json={})
    marked = ok(api, path, api.keys.hub, {"note": "联盟交流活动"})
    assert_refused_unrecorded(
        api, 422, "already_alliance_activity", path, key=api.keys.hub, json={}
    )

    assert marked["alliance"]["note"] == "联盟交流活动"
    assert marked["status"] == "planned"
    history = api.get(f"/v1/activities/{activity['id']}/history", key=api.keys.window_a).json()
    assert history["events"][-1]["type"] == "Activity.MarkedAsAllianceActivity"


def test_a_cancelled_activity_is_not_marked(api: Api) -> None:
    joined(api, api.window_a_id)
    activity = plan_activity(api)
    ok(api, f"/v1/activities/{activity['id']}/cancellation", api.keys.window_a, {"reason": "改期"})

    assert_refused_unrecorded(
        api, 422, "activity_finalised", f"/v1/activities/{activity['id']}/alliance-marking",
        key=api.keys.hub, json={},
    )  # fmt: skip


def test_a_retried_joining_is_answered_as_the_first_time(api: Api) -> None:
    body = {"member_id": str(api.window_a_id), "joined_on": "2026-01-01"}
    headers = {"Idempotency-Key": f"join-{uuid.uuid4()}"}
    first = api.post(MEMBERSHIPS, key=api.keys.hub, json=body, headers=headers)
    head = api.head()
    retry = api.post(MEMBERSHIPS, key=api.keys.hub, json=body, headers=headers)

    assert_replayed(first, retry, 201)
    assert api.head() == head
