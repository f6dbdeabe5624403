"""The ledger's own checks for schemathesis, loaded by ``bench/fuzz_server.py`` through
``SCHEMATHESIS_HOOKS=fuzz_checks``: what the API promises beyond its OpenAPI document.

- ``no_server_error``: no 5xx, except ``503`` with ``Retry-After`` (a view behind the
  ``min_position`` asked for, or an overload: documented, and meant to be retried). It stands in
  for schemathesis's ``not_a_server_error``, which fails every 5xx.
- ``errors_are_problems``: every 4xx and 5xx is ``application/problem+json`` (RFC 9457) whose
  ``status`` is the response's and which names its ``code``.
"""

from __future__ import annotations

import json
from typing import Any

import schemathesis
from schemathesis import Case, CheckContext, Response

PROBLEM_JSON = "application/problem+json"


def _header(response: Response, name: str) -> str | None:
    values = response.headers.get(name)
    return values[0] if values else None


@schemathesis.check
def no_server_error(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """A 5xx is a failure unless it is a 503 that says when to retry."""
    status = response.status_code
    if status >= 500 and not (status == 503 and _header(response, "retry-after")):
        raise AssertionError(f"{case.method} {case.formatted_path} answered {status}")
    return None


@schemathesis.check
def errors_are_problems(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Every error answer is a problem+json of its own status, with a code."""
    if response.status_code < 400:
        return None
    content_type = (_header(response, "content-type") or "").split(";")[0].strip()
    if content_type != PROBLEM_JSON:
        raise AssertionError(f"{response.status_code} answered as {content_type!r}")
    try:
        body = json.loads(response.content)
    except ValueError:
        raise AssertionError(f"{response.status_code}: the problem is not JSON") from None
    if not isinstance(body, dict):
        raise AssertionError(f"{response.status_code}: the problem is not an object")
    if body.get("status") != response.status_code or not body.get("code"):
        raise AssertionError(f"{response.status_code}: the problem's status or code is wrong")
    return None
