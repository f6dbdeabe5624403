"""Case lists over HTTP: every participant lists its own cases from the service-cases view (a
window what it recorded, an institution what it was assigned, the overseers every case), filtered,
one page at a time in the order the cases were opened, on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ledger.domain.access_key import Role
from tests.api._support import (
    ENTERPRISE_USCC,
    STORES,
    Api,
    assert_problem,
    enterprise_body,
    new_ref,
    store_url,
)
from tests.api.agreements_support import INSTITUTION_ID

CASES = "/v1/service-cases"


# Refused before anything reaches the store: asked of one store, not of both.
ONE_STORE = pytest.mark.parametrize("ledger_url", ["sqlite"], indirect=True)


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


def _list(api: Api, key: str, **params: Any) -> httpx.Response:
    """``GET /v1/service-cases`` once the view holds every write made so far."""
    return api.get(CASES, key=key, params={"min_position": api.head(), **params})


def _ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [row["case_id"] for row in response.json()["cases"]]


def _opened(api: Api, n: int, key: str | None = None, **overrides: Any) -> list[str]:
    """The ids of ``n`` cases opened one after another (by window A, or ``key``)."""
    return [str(api.open_case(key=key, **overrides)["id"]) for _ in range(n)]


def test_a_window_lists_only_the_cases_it_recorded_in_the_order_opened(api: Api) -> None:
    own = _opened(api, 3)
    others = _opened(api, 2, key=api.keys.window_b)

    listed = _list(api, api.keys.window_a)

    assert _ids(listed) == own
    assert _ids(_list(api, api.keys.window_b)) == others
    body = listed.json()
    assert (body["count"], body["next_cursor"]) == (3, None)
    assert {row["window_id"] for row in body["cases"]} == {str(api.window_a_id)}
    assert "link" not in listed.headers


def test_a_window_naming_another_window_lists_nothing(api: Api) -> None:
    _opened(api, 1)
    _opened(api, 2, key=api.keys.window_b)

    listed = _list(api, api.keys.window_a, platform_id=str(api.window_b_id))

    assert _ids(listed) == []
    assert listed.json()["next_cursor"] is None


@pytest.mark.parametrize("role", [Role.HUB, Role.BUREAU, Role.AUDITOR])
def test_the_overseers_list_every_case_and_one_window_s_by_platform(api: Api, role: Role) -> None:
    a = _opened(api, 2)
    b = _opened(api, 1, key=api.keys.window_b)
    key = api.keys.for_role(role)

    assert _ids(_list(api, key)) == a + b
    assert _ids(_list(api, key, platform_id=str(api.window_b_id))) == b
    assert _ids(_list(api, key, platform_id=str(api.window_a_id))) == a


def test_a_window_finds_its_own_case_by_its_external_reference_and_no_other(api: Api) -> None:
    ref = new_ref()
    [case_id] = _opened(api, 1, external_ref=ref)
    _opened(api, 2)
    # Window B's references are its own: the same one names another case, never window A's.
    [b_case] = _opened(api, 1, key=api.keys.window_b, external_ref=ref)

    found = _list(api, api.keys.window_a, external_ref=ref)

    assert _ids(found) == [case_id]
    assert found.json()["cases"][0]["external_ref"] == ref
    assert _ids(_list(api, api.keys.window_b, external_ref=ref)) == [b_case]
    assert _ids(_list(api, api.keys.window_a, external_ref=new_ref())) == []
    assert _ids(_list(api, api.keys.hub, external_ref=ref)) == [case_id, b_case]


def test_cases_are_filtered_by_status(api: Api) -> None:
    opened = _opened(api, 1)
    delivered = api.case_ready_for("feedback")  # assigned and delivered
    cancelled = _opened(api, 1)[0]
    api.step(cancelled, "cancellation")

    def listed(status: str) -> list[str]:
        return _ids(_list(api, api.keys.window_a, status=status))

    assert listed("opened") == opened
    assert listed("delivered") == [delivered]
    assert listed("cancelled") == [cancelled]
    assert listed("closed") == []


def test_cases_are_filtered_by_category_an_item_or_a_first_level_with_its_items(api: Api) -> None:
    consulting = _opened(api, 1, category="100200")
    finance = _opened(api, 2, category="140300")

    assert _ids(_list(api, api.keys.window_a, category="100200")) == consulting
    assert _ids(_list(api, api.keys.window_a, category="14")) == finance
    assert _ids(_list(api, api.keys.window_a, category="10")) == consulting
    assert _ids(_list(api, api.keys.window_a, category="110100")) == []


def test_cases_are_filtered_by_enterprise(api: Api) -> None:
    other = enterprise_body()
    assert api.post("/v1/enterprises", key=api.keys.window_a, json=other).status_code == 201
    first = _opened(api, 1)
    second = _opened(api, 2, uscc=other["uscc"])

    assert _ids(_list(api, api.keys.window_a, enterprise=ENTERPRISE_USCC)) == first
    assert _ids(_list(api, api.keys.window_a, enterprise=other["uscc"].lower())) == second


def test_cases_are_filtered_by_the_business_date_they_were_opened_on(api: Api) -> None:
    january = _opened(api, 1, occurred_at="2026-01-15T09:00:00+08:00")
    february = _opened(api, 1, occurred_at="2026-02-01T00:30:00+08:00")  # 31 Jan in UTC
    march = _opened(api, 1)  # on the test clock's day, 2 March

    def listed(**period: str) -> list[str]:
        return _ids(_list(api, api.keys.window_a, **period))

    assert listed(**{"from": "2026-02-01"}) == february + march
    assert listed(to="2026-01-31") == january
    assert listed(**{"from": "2026-01-15", "to": "2026-02-01"}) == january + february
    assert listed(**{"from": "2026-03-02", "to": "2026-03-02"}) == march


def test_filters_combine(api: Api) -> None:
    wanted = _opened(api, 1, category="140300")
    _opened(api, 1, category="100200")
    _opened(api, 1, key=api.keys.window_b, category="140300")

    listed = _list(
        api, api.keys.hub, platform_id=str(api.window_a_id), category="14", status="opened"
    )

    assert _ids(listed) == wanted


def _pages(api: Api, key: str, **params: Any) -> list[list[str]]:
    """Every page, following each answer's ``Link: rel="next"`` to the end."""
    response = _list(api, key, **params)
    pages = [_ids(response)]
    while "link" in response.headers:
        link = response.headers["link"]
        assert link.startswith("<"), link
        assert link.endswith('>; rel="next"'), link
        response = api.get(link[1:].removesuffix('>; rel="next"'), key=key)
        pages.append(_ids(response))
    return pages


def test_pages_list_every_case_once_in_the_order_opened(api: Api) -> None:
    a = _opened(api, 7)
    _opened(api, 2, key=api.keys.window_b)

    pages = _pages(api, api.keys.window_a, limit=3)

    assert [len(page) for page in pages] == [3, 3, 1]
    assert [case for page in pages for case in page] == a


def test_the_next_cursor_in_the_body_reads_on_where_the_page_ended(api: Api) -> None:
    a = _opened(api, 5)

    first = _list(api, api.keys.window_a, limit=2).json()
    second = _list(api, api.keys.window_a, limit=2, cursor=first["next_cursor"]).json()
    last = _list(api, api.keys.window_a, limit=2, cursor=second["next_cursor"]).json()

    assert [r["case_id"] for r in first["cases"] + second["cases"] + last["cases"]] == a
    assert last["next_cursor"] is None  # nothing after it


def test_a_full_last_page_says_there_is_nothing_after_it(api: Api) -> None:
    _opened(api, 4)

    first = _list(api, api.keys.window_a, limit=2)
    second = _list(api, api.keys.window_a, limit=2, cursor=first.json()["next_cursor"])

    assert len(_ids(second)) == 2
    assert second.json()["next_cursor"] is None
    assert "link" not in second.headers


def test_a_case_opened_while_paging_comes_after_the_pages_already_read(api: Api) -> None:
    before = _opened(api, 3)
    first = _list(api, api.keys.window_a, limit=2).json()
    # A step on a listed case changes its row, not its place in the list.
    api.step(before[0], "assignment")
    later = _opened(api, 1)

    rest = _list(api, api.keys.window_a, limit=10, cursor=first["next_cursor"])

    assert [r["case_id"] for r in first["cases"]] + _ids(rest) == before + later


def test_the_filters_hold_on_every_page(api: Api) -> None:
    wanted = []
    for n in range(5):
        wanted += _opened(api, 1, category="140300")
        _opened(api, n % 2 + 1, category="100200")

    pages = _pages(api, api.keys.window_a, category="14", limit=2)

    assert [case for page in pages for case in page] == wanted


def test_at_most_1000_cases_are_asked_for_at_once(api: Api) -> None:
    _opened(api, 1)

    assert len(_ids(_list(api, api.keys.window_a, limit=1000))) == 1
    for limit in (0, 1001, -1):
        problem = assert_problem(
            _list(api, api.keys.window_a, limit=limit), 422, "validation_failed"
        )
        assert [e["loc"] for e in problem["errors"]] == [["query", "limit"]]


def test_a_csv_page_links_to_the_next(api: Api) -> None:
    _opened(api, 3)

    response = _list(api, api.keys.window_a, limit=2, format="csv")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.lstrip("\ufeff").splitlines()[0].startswith("case_id,window_id,")
    assert len(response.text.strip().splitlines()) == 3  # the header and two cases
    assert 'rel="next"' in response.headers["link"]


def test_an_institution_lists_the_cases_assigned_to_it(api: Api) -> None:
    assigned = []
    for key in (api.keys.window_a, api.keys.window_b):
        [case_id] = _opened(api, 1, key=key)
        step = api.post(
            f"{CASES}/{case_id}/assignment",
            key=key,
            json={"provider_kind": "institution", "provider_id": str(INSTITUTION_ID)},
        )
        assert step.status_code == 200, step.text
        assigned.append(case_id)
    _opened(api, 1)  # not assigned
    api.case_ready_for("delivery")  # assigned to an expert

    listed = _list(api, api.keys.institution)

    assert _ids(listed) == assigned
    assert {row["provider_id"] for row in listed.json()["cases"]} == {str(INSTITUTION_ID)}
    only_a = _list(api, api.keys.institution, platform_id=str(api.window_a_id))
    assert _ids(only_a) == assigned[:1]


def test_an_admin_key_does_not_list_cases(api: Api) -> None:
    assert_problem(_list(api, api.keys.admin), 403, "forbidden_role")


@ONE_STORE
@pytest.mark.parametrize(
    ("params", "code"),
    [
        pytest.param({"status": "finished"}, "validation_failed", id="unknown-status"),
        pytest.param({"from": "2026-02-30"}, "validation_failed", id="bad-date"),
        pytest.param({"to": "yesterday"}, "validation_failed", id="bad-to-date"),
        pytest.param({"limit": "many"}, "validation_failed", id="limit-not-a-number"),
        pytest.param({"platform_id": "window-a"}, "validation_failed", id="bad-platform"),
        pytest.param({"cursor": "not a cursor"}, "invalid_cursor", id="cursor-not-base64"),
        pytest.param({"cursor": "eDEy"}, "invalid_cursor", id="cursor-not-ours"),
        pytest.param({"cursor": "游标"}, "invalid_cursor", id="cursor-not-ascii"),
        pytest.param({"cursor": "cDEyAA"}, "invalid_cursor", id="cursor-trailing-bytes"),
        pytest.param({"cursor": "cA"}, "invalid_cursor", id="cursor-without-position"),
        pytest.param({"cursor": "cDAxMg"}, "invalid_cursor", id="cursor-not-as-given"),
        pytest.param({"cursor": "cDkyMjMzNzIwMzY4NTQ3NzU4MDg"}, "invalid_cursor", id="beyond-2-63"),
        pytest.param({"cursor": "x" * 65}, "validation_failed", id="cursor-too-long"),
        pytest.param({"category": "1002"}, "unknown_category", id="unknown-category"),
        pytest.param({"enterprise": "91440101MA5CJQ4N50"}, "invalid_uscc", id="bad-uscc"),
        pytest.param({"external_ref": ""}, "validation_failed", id="empty-external-ref"),
    ],
)
def test_bad_input_is_a_422_problem_with_a_stable_code(
    api: Api, params: dict[str, str], code: str
) -> None:
    for key in (api.keys.window_a, api.keys.hub):
        assert_problem(_list(api, key, **params), 422, code)


def test_a_period_that_ends_before_it_starts_is_refused(api: Api) -> None:
    response = _list(api, api.keys.window_a, **{"from": "2026-03-02", "to": "2026-03-01"})

    assert_problem(response, 400, "conflicting_parameters")


def test_a_list_waits_for_the_view_to_reach_min_position(make_api: Any) -> None:
    api = make_api(view_wait_seconds=0.05)

    response = api.get(CASES, key=api.keys.window_a, params={"min_position": 10_000_000})

    assert_problem(response, 503, "view_behind")
