"""Every read keeps HTTP's promises: HEAD answers as GET does without a body, If-None-Match is
answered 304, OPTIONS and a 405 name every method a path takes."""

from __future__ import annotations

import re

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from api.http_reads import HttpReadsMiddleware, digest_etag, matches
from tests.api._support import Api, TestClient, assert_problem, openapi_document

FILLER = "7b0e3b52-95a4-4c1e-9d0c-2f6c0b5c1f6e"
GRADING = {"level": 2, "filing_number": "64010099001-26001", "next_review_on": "2027-03-01"}


def _filled(path: str) -> str:
    values = {"uscc": "91640100MA76T8GX0C", "objection_no": "1", "tree_size": "1"}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m[1], FILLER), path)


def _bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_head_answers_every_get_route_with_its_status_and_headers_and_no_body(api: Api) -> None:
    case = api.open_case()
    document = openapi_document(api)
    paths = [_filled(p) for p, ops in document["paths"].items() if "get" in ops]
    paths.append(f"/v1/service-cases/{case['id']}")
    differ = []
    for path in paths:
        get = api.client.get(path, headers=_bearer(api.keys.hub))
        head = api.client.head(path, headers=_bearer(api.keys.hub))
        said = {h: get.headers.get(h) for h in ("content-type", "content-length", "etag")}
        if path == "/metrics":  # counts this very request: its length moves between the two
            said = {"content-type": get.headers.get("content-type")}
        if (
            head.status_code != get.status_code
            or head.content
            or any(head.headers.get(h) != v for h, v in said.items())
        ):
            differ.append((path, get.status_code, head.status_code))
        assert get.headers.get("content-length") in (None, str(len(get.content))), path

    assert differ == []


def test_a_resource_is_not_modified_while_its_version_is_the_one_named(api: Api) -> None:
    case = api.open_case()
    path = f"/v1/service-cases/{case['id']}"
    first = api.get(path, key=api.keys.hub)

    for named in ('"1"', 'W/"1"', '"7", "1"', "*", "1"):
        again = api.get(path, key=api.keys.hub, headers={"If-None-Match": named})
        assert again.status_code == 304, named
        assert again.content == b""
        assert again.headers["etag"] == first.headers["etag"] == '"1"'
        assert "content-type" not in again.headers
    assert api.get(path, key=api.keys.hub, headers={"If-None-Match": '"2"'}).status_code == 200
    api.step(case["id"], "assignment")
    changed = api.get(path, key=api.keys.hub, headers={"If-None-Match": '"1"'})
    assert (changed.status_code, changed.headers["etag"]) == (200, '"2"')
    head = api.client.head(path, headers={**_bearer(api.keys.hub), "If-None-Match": '"2"'})
    assert (head.status_code, head.content) == (304, b"")


def test_a_list_has_a_digest_etag_that_changes_with_its_answer(api: Api) -> None:
    first = api.get("/v1/platforms", key=api.keys.hub)
    etag = first.headers["etag"]

    assert etag.startswith('W/"')
    assert api.get("/v1/platforms", key=api.keys.hub).headers["etag"] == etag
    same = api.get("/v1/platforms", key=api.keys.hub, headers={"If-None-Match": etag})
    assert (same.status_code, same.content, same.headers["etag"]) == (304, b"", etag)
    # The case list is read from a view: each read waits for the case just opened.
    api.open_case()
    at = {"min_position": api.head()}
    after = api.get("/v1/service-cases", key=api.keys.hub, params=at).headers["etag"]
    api.open_case()
    changed = api.get(
        "/v1/service-cases", key=api.keys.hub, params={"min_position": api.head()},
        headers={"If-None-Match": after},
    )  # fmt: skip
    assert changed.status_code == 200
    assert changed.headers["etag"] != after


def test_a_dated_resource_read_for_today_is_never_a_304(api: Api) -> None:
    base = f"/v1/platforms/{api.window_a_id}/security"
    graded = api.post(f"{base}/grading", key=api.keys.window_a, json=GRADING)
    etag = graded.headers["etag"]

    today = api.get(base, key=api.keys.hub, headers={"If-None-Match": etag})
    on_a_day = api.get(
        base, key=api.keys.hub, params={"as_on": "2026-03-02"}, headers={"If-None-Match": etag}
    )

    assert (today.status_code, today.headers["etag"]) == (200, etag)
    assert (on_a_day.status_code, on_a_day.headers["etag"]) == (304, etag)


def test_an_answer_not_to_be_stored_gets_no_digest_etag() -> None:
    async def contact(request: Request) -> Response:
        return Response(b'{"phone": "13900000000"}', headers={"Cache-Control": "no-store"})

    async def plain(request: Request) -> Response:
        return Response(b"{}")

    app = Starlette(routes=[Route("/contact", contact), Route("/plain", plain)])
    app.add_middleware(HttpReadsMiddleware)
    with TestClient(app) as client:
        assert "etag" not in client.get("/contact").headers
        assert client.get("/plain").headers["etag"] == digest_etag(b"{}")


def test_errors_are_never_304(api: Api) -> None:
    response = api.get(
        f"/v1/service-cases/{FILLER}", key=api.keys.hub, headers={"If-None-Match": "*"}
    )

    assert_problem(response, 404, "service_case_not_found")


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/v1/platforms", "GET, HEAD, OPTIONS, POST"),
        (f"/v1/service-cases/{FILLER}", "GET, HEAD, OPTIONS"),
        (f"/v1/service-cases/{FILLER}/delivery", "OPTIONS, POST"),
        ("/healthz", "GET, HEAD, OPTIONS"),
    ],
)
def test_options_and_a_405_name_every_method_the_path_takes(
    api: Api, path: str, allowed: str
) -> None:
    options = api.client.options(path)
    refused = api.client.delete(path, headers=_bearer(api.keys.hub))

    assert (options.status_code, options.headers["allow"], options.content) == (204, allowed, b"")
    assert_problem(refused, 405, "method_not_allowed")
    assert refused.headers["allow"] == allowed


def test_options_on_no_route_is_a_404_problem(api: Api) -> None:
    assert_problem(api.client.options("/v1/nothing-here"), 404, "route_not_found")


@pytest.mark.parametrize(
    ("header", "etag", "matched"),
    [
        ('"3"', '"3"', True),
        ('W/"3"', '"3"', True),
        ('"3"', 'W/"3"', True),
        ('"1", W/"3"', '"3"', True),
        ('"1","2"', '"3"', False),
        ("*", None, True),
        ('"3"', None, False),
        ('"a,b"', '"a,b"', True),
        ("", '"3"', False),
    ],
)
def test_if_none_match_compares_weakly(header: str, etag: str | None, matched: bool) -> None:
    assert matches(header, etag) is matched
