"""Every list pages one way (``?limit=&cursor=``, ``count``, ``next_cursor``, ``Link``), in the
order its records entered the log: read page by page it is the list read whole, every page but
the last is full even where a list keeps only some of what it reads, and figures beside a list
are of all of it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ledger.domain.access_key import Role
from tests.api._support import Api, assert_problem
from tests.api.complaints_support import COMPLAINTS, lodging_body

# Each list route, the key that reads it, and the name of its items.
LISTS = [
    ("/v1/platforms", "admin", "platforms"),
    ("/v1/institutions", "hub", "institutions"),
    ("/v1/experts", "hub", "experts"),
    ("/v1/agreements", "hub", "agreements"),
    ("/v1/onboarding-applications", "hub", "applications"),
    ("/v1/budgets", "hub", "budgets"),
    ("/v1/appraisals", "bureau", "appraisals"),
    ("/v1/publications", "hub", "publications"),
    ("/v1/periods", "hub", "periods"),
    ("/v1/data-reports", "hub", "reports"),
    ("/v1/access-keys", "admin", "keys"),
    ("/v1/complaints", "hub", "complaints"),
    ("/v1/violations", "hub", "violations"),
    ("/v1/entrustments", "hub", "entrustments"),
    ("/v1/trainings", "hub", "trainings"),
    ("/v1/alliance", "hub", "members"),
    ("/v1/service-cases", "hub", "cases"),
]


def _key(api: Api, name: str) -> str:
    key: str = getattr(api.keys, name)
    return key


def _pages(api: Api, path: str, key: str, limit: int) -> list[dict[str, Any]]:
    """Every page of ``path``, following each page's ``Link``; checks what each says."""
    pages: list[dict[str, Any]] = []
    url = f"{path}{'&' if '?' in path else '?'}limit={limit}"
    while True:
        response = api.get(url, key=key)
        assert response.status_code == 200, response.text
        page = response.json()
        pages.append(page)
        link = response.headers.get("link")
        if page["next_cursor"] is None:
            assert link is None
            return pages
        next_url = httpx.URL(link.removeprefix("<").split(">;")[0])
        assert link.endswith('rel="next"')
        assert next_url.params["cursor"] == page["next_cursor"]
        url = f"{next_url.path}?{next_url.query.decode()}"
        assert len(pages) < 100


@pytest.mark.parametrize(("path", "reader", "items"), LISTS)
def test_every_list_answers_a_page_with_its_count_and_next_cursor(
    api: Api, path: str, reader: str, items: str
) -> None:
    response = api.get(path, key=_key(api, reader))

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["count"] == len(body[items])
    assert body["next_cursor"] is None
    assert "link" not in response.headers


@pytest.mark.parametrize(("path", "reader", "items"), LISTS)
def test_every_list_refuses_a_limit_out_of_bounds_and_a_cursor_it_did_not_give(
    api: Api, path: str, reader: str, items: str
) -> None:
    key = _key(api, reader)
    for limit in ("0", "1001", "x"):
        assert_problem(api.get(f"{path}?limit={limit}", key=key), 422, "validation_failed")
    for cursor in ("p1", "cDAx", "cDE=", "%00"):
        assert_problem(api.get(f"{path}?cursor={cursor}", key=key), 422, "invalid_cursor")


def test_a_list_read_page_by_page_is_the_list_read_whole(api: Api) -> None:
    for n in range(5):
        issued = api.post(
            "/v1/access-keys", key=api.keys.admin, json={"role": "auditor", "name": f"审计{n}"}
        )
        assert issued.status_code == 201, issued.text
    whole = api.get("/v1/access-keys?limit=1000", key=api.keys.admin).json()

    for limit in (1, 2, 5):
        pages = _pages(api, "/v1/access-keys", api.keys.admin, limit)
        assert [k for p in pages for k in p["keys"]] == whole["keys"]
        assert [p["count"] for p in pages[:-1]] == [limit] * (len(pages) - 1)
        assert 0 < pages[-1]["count"] <= limit or len(whole["keys"]) % limit == 0


def test_a_page_of_a_list_that_keeps_only_some_of_what_it_reads_is_full(api: Api) -> None:
    # The auditors' keys among every key: the role is read on the keys, not in the directory.
    for n in range(4):
        for role in ("auditor", "bureau"):
            body = {"role": role, "name": f"{role}{n}"}
            assert api.post("/v1/access-keys", key=api.keys.admin, json=body).status_code == 201
    path = f"/v1/access-keys?role={Role.AUDITOR.value}"
    whole = api.get(f"{path}&limit=1000", key=api.keys.admin).json()["keys"]
    assert len(whole) == 5

    pages = _pages(api, path, api.keys.admin, 2)

    assert [p["count"] for p in pages] == [2, 2, 1]
    assert [k for p in pages for k in p["keys"]] == whole


def test_a_record_added_while_a_client_pages_comes_after_every_one_it_read(api: Api) -> None:
    first = api.get("/v1/access-keys?limit=3", key=api.keys.admin).json()
    body = {"role": "auditor", "name": "新审计"}
    added = api.post("/v1/access-keys", key=api.keys.admin, json=body).json()
    rest = _pages(api, f"/v1/access-keys?cursor={first['next_cursor']}", api.keys.admin, 1000)

    read = [k["id"] for p in [first, *rest] for k in p["keys"]]
    assert read[-1] == added["id"]
    assert len(read) == len(set(read))


def test_the_counts_beside_a_list_are_of_all_of_it_not_of_the_page(api: Api) -> None:
    for _ in range(3):
        lodged = api.post(COMPLAINTS, key=api.keys.hub, json=lodging_body(api.window_a_id))
        assert lodged.status_code == 201, lodged.text

    page = api.get(f"{COMPLAINTS}?limit=1", key=api.keys.hub).json()

    assert page["count"] == len(page["complaints"]) == 1
    assert page["counts"]["lodged"] == 3
    assert page["next_cursor"] is not None
