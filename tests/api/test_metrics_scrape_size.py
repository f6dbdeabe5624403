"""One /metrics scrape stays small however many routes, methods and answers a workload touches:
every label has bounded values and the duration histogram has few buckets."""

from __future__ import annotations

import re
import uuid

from tests.api._support import Api

BYTES_PER_PATH = 2_000
BASE_BYTES = 40_000
"""The bound, stated in docs/operations.md ("Metrics of the API"): a scrape grows with the
routes the API has (each has its series), never with what callers send."""

_PARAM = re.compile(r"\{[^}]+\}")
_OPERATIONS = ("get", "post", "put", "patch", "delete")
# What a scanner sends besides the documented methods; each must not open series of its own.
_STRAY_METHODS = ("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "PROPFIND", "TRACE")


def _mixed_workload(api: Api) -> int:
    """Every documented operation as every kind of caller would send it (a real key, a wrong
    key, no key, a body that is not JSON), stray methods on every path, and unknown paths; how
    many documented paths there are."""
    paths = api.client.get("/openapi.json").json()["paths"]
    keys = (api.keys.admin, api.keys.window_a, api.keys.auditor, "sml_not-a-key", None)
    for template, operations in paths.items():
        path = _PARAM.sub(lambda _: str(uuid.uuid4()), template)
        for method in operations:
            if method not in _OPERATIONS:
                continue
            for key in keys:
                if method == "get":
                    api.get(path, key=key, params={"limit": "x"})
                    api.get(path, key=key)
                else:
                    api.post(path, key=key, content=b"{not json")
                    api.post(path, key=key, json={})
        for method in _STRAY_METHODS:
            api.client.request(method, path)
    for n in range(50):
        api.get(f"/nowhere/{uuid.uuid4()}?n={n}", key=None)
    api.open_case()
    return len(paths)


def test_a_scrape_after_a_mixed_workload_stays_under_its_bound(api: Api) -> None:
    paths = _mixed_workload(api)

    scrape = api.client.get("/metrics").content

    buckets = scrape.count(b"_bucket{")
    print(f"scrape: {len(scrape)} bytes, {buckets} bucket lines")  # noqa: T201
    assert len(scrape) < BASE_BYTES + BYTES_PER_PATH * paths, (len(scrape), buckets, paths)
    assert b"/nowhere" not in scrape
    assert b'method="PROPFIND"' not in scrape
