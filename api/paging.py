"""Every list pages one way: ``?limit=&cursor=``, answering ``count`` and ``next_cursor``.

A list is in the log's order and reads on after a position: the cursor is that position,
opaque to a client. A client passes back the ``next_cursor`` (or follows the
``Link: rel="next"``) it was given and never builds one; a cursor it did not get from us is
refused, never read as some other place.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response

from api.deps import LARGEST
from api.problems import ApiError
from api.responses import json_response
from ledger.application.interface import PageFields
from ledger.application.queries.listing import Listed, Page

LIMIT, MOST = 100, 1000
"""How many items a page holds unless ``limit`` says, and at most."""

Limit = Annotated[
    int, Query(ge=1, le=MOST, description=f"At most this many items (default {LIMIT})")
]
Cursor = Annotated[
    str | None,
    Query(max_length=64, description="Where to read on: the `next_cursor` of the last page"),
]


def _page(limit: Limit = LIMIT, cursor: Cursor = None) -> Page:
    return Page(position_of(cursor), limit)


Paging = Annotated[Page, Depends(_page)]
"""The page of a list a request asks for (``?limit=&cursor=``)."""


def paged(request: Request, body: Mapping[str, Any], listed: Listed[Any]) -> Response:
    """``body`` (the items of ``listed`` under their key, and what else the list says) as one
    page: with its ``count`` and ``next_cursor``, and the next page as a ``Link``."""
    following = None if listed.next_after is None else cursor_of(listed.next_after)
    page: PageFields = {"count": len(listed), "next_cursor": following}
    return link_next(request, json_response({**body, **page}), following)


def link_next(request: Request, response: Response, next_cursor: str | None) -> Response:
    """``response`` with the next page of the list ``request`` read as a ``Link`` (if any)."""
    if next_cursor is not None:
        next_url = request.url.include_query_params(cursor=next_cursor)
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response


_PREFIX = "p"


def cursor_of(position: int) -> str:
    """The cursor that reads on after log position ``position``."""
    return base64.urlsafe_b64encode(f"{_PREFIX}{position}".encode("ascii")).decode().rstrip("=")


def position_of(cursor: str | None) -> int:
    """The log position ``cursor`` reads on after (0 for the first page)."""
    if cursor is None:
        return 0
    try:
        raw = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True)
        text = raw.decode("ascii")
    except ValueError:  # not base64 (binascii.Error), not ASCII (in or out)
        raise _invalid() from None
    digits = text.removeprefix(_PREFIX)
    if not (text.startswith(_PREFIX) and digits.isdigit() and len(digits) <= len(str(LARGEST))):
        raise _invalid()
    position = int(digits)
    # Only the one spelling we hand out (no leading zeros, no padding): any other was not ours.
    if position > LARGEST or cursor_of(position) != cursor:
        raise _invalid()
    return position


def _invalid() -> ApiError:
    return ApiError(
        422,
        "invalid_cursor",
        "Invalid cursor",
        "This cursor was not given by this list: pass back the `next_cursor` of the previous "
        "page (or follow its `Link` header), or leave `cursor` out for the first page.",
    )
