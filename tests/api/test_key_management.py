"""Keys over HTTP: an admin issues, lists and revokes any key, the hub a window's or an
institution's; the secret is shown once and only its hash is recorded."""

from __future__ import annotations

from typing import Any

from ledger.domain.access_key import AccessKey
from tests.api._support import Api, accepted, assert_problem, assert_refused_unrecorded, created

KEYS = "/v1/access-keys"


def _issue(api: Api, key: str, **body: Any) -> Any:
    return api.post(KEYS, key=key, json={"name": "数据对接", **body})


def _window_key(api: Api, key: str | None = None) -> dict[str, Any]:
    return created(
        _issue(api, key or api.keys.admin, role="window", platform_id=str(api.window_a_id))
    )


def test_an_admin_issues_a_key_whose_secret_is_shown_once_and_works_at_once(api: Api) -> None:
    response = _issue(
        api, api.keys.admin, role="window", platform_id=str(api.window_a_id)
    )  # fmt: skip

    issued = created(response)
    assert response.headers["location"] == f"{KEYS}/{issued['id']}"
    assert issued["secret"].startswith(issued["hint"].rstrip("…"))
    assert (issued["role"], issued["platform_id"]) == ("window", str(api.window_a_id))
    assert "secret_hash" not in issued
    own = api.get(f"/v1/platforms/{api.window_a_id}", key=issued["secret"])
    assert own.status_code == 200, own.text
    [logged] = [
        e
        for e in api.ledger.log_page(0, 10_000)
        if isinstance(e.event, AccessKey.Issued) and str(e.event.originator_id) == issued["id"]
    ]
    assert vars(logged.event)["meta"].actor.startswith("key:")
    assert issued["secret"] not in str(vars(logged.event))


def test_a_replayed_answer_to_an_issue_cannot_show_the_secret_again(api: Api) -> None:
    body = {"role": "window", "platform_id": str(api.window_a_id), "name": "夜间同步"}
    headers = {"Idempotency-Key": "issue-1"}

    first = api.post(KEYS, key=api.keys.admin, json=body, headers=headers)
    again = api.post(KEYS, key=api.keys.admin, json=body, headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    assert first.json()["secret"]
    assert again.json()["secret"] is None


def test_the_hub_manages_window_and_institution_keys_only(api: Api) -> None:
    issued = _window_key(api, api.keys.hub)

    problem = assert_refused_unrecorded(
        api, 403, "forbidden_role", KEYS, key=api.keys.hub,
        json={"role": "auditor", "name": "审计"},
    )  # fmt: skip
    bureau = next(
        k for k in accepted(api.get(KEYS, key=api.keys.admin))["keys"] if k["role"] == "bureau"
    )
    refused = api.post(
        f"{KEYS}/{bureau['id']}/revocation", key=api.keys.hub, json={"reason": "误操作"}
    )

    assert issued["role"] == "window"
    assert "admin's to issue" in problem["detail"]
    assert_problem(refused, 403, "forbidden_role")
    assert_problem(api.get(f"{KEYS}/{bureau['id']}", key=api.keys.hub), 404, "access_key_not_found")


def test_other_roles_cannot_manage_keys(api: Api) -> None:
    for key in (api.keys.window_a, api.keys.bureau, api.keys.auditor, api.keys.institution):
        assert_refused_unrecorded(
            api, 403, "forbidden_role", KEYS, key=key,
            json={"role": "window", "platform_id": str(api.window_a_id), "name": "x"},
        )  # fmt: skip
        assert_problem(api.get(KEYS, key=key), 403, "forbidden_role")


def test_a_key_is_bound_as_its_role_requires(api: Api) -> None:
    assert_refused_unrecorded(
        api, 422, "key_platform_mismatch", KEYS, key=api.keys.admin,
        json={"role": "window", "name": "无平台"},
    )  # fmt: skip
    assert_refused_unrecorded(
        api, 422, "key_platform_mismatch", KEYS, key=api.keys.admin,
        json={"role": "window", "platform_id": str(api.hub_id), "name": "错平台"},
    )  # fmt: skip
    assert_refused_unrecorded(
        api, 422, "validation_failed", KEYS, key=api.keys.admin,
        json={"role": "root", "name": "x"},
    )  # fmt: skip


def test_the_list_shows_what_the_key_manages_with_filters(api: Api) -> None:
    issued = _window_key(api)

    everything = accepted(api.get(KEYS, key=api.keys.admin))["keys"]
    for_the_hub = accepted(api.get(KEYS, key=api.keys.hub))["keys"]
    window_a = accepted(
        api.get(KEYS, key=api.keys.admin, params={"platform_id": str(api.window_a_id)})
    )["keys"]

    assert {k["role"] for k in everything} >= {"admin", "hub", "bureau", "auditor", "window"}
    assert {k["role"] for k in for_the_hub} == {"window", "institution"}
    assert issued["id"] in {k["id"] for k in window_a}
    assert {k["platform_id"] for k in window_a} == {str(api.window_a_id)}
    assert all("secret" not in k and "secret_hash" not in k for k in everything)


def test_a_revoked_key_stops_working_at_once_and_is_revoked_once(api: Api) -> None:
    issued = _window_key(api, api.keys.hub)
    path = f"{KEYS}/{issued['id']}/revocation"

    revoked = accepted(api.post(path, key=api.keys.hub, json={"reason": "对接人员离职"}))

    assert revoked["revoked"] is True
    refused = api.get(f"/v1/platforms/{api.window_a_id}", key=issued["secret"])
    assert_problem(refused, 401, "unauthenticated")
    assert_refused_unrecorded(
        api, 422, "key_already_revoked", path, key=api.keys.admin, json={"reason": "再次"}
    )
    listed = accepted(api.get(KEYS, key=api.keys.admin, params={"revoked": "true"}))["keys"]
    assert [k["id"] for k in listed] == [issued["id"]]
