"""Cursors of the lists that page in the log's order: opaque to a client, a log position here.

A client passes back the ``next_cursor`` (or follows the ``Link: rel="next"``) it was given and
never builds one; a cursor it did not get from us is refused, never read as some other place.
"""

from __future__ import annotations

import base64

from api.deps import LARGEST
from api.problems import ApiError

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
