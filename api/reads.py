"""The read side in the API: where the read-only routes read (the hot standby, if one is set:
``runtime.reads``), and how a read through the standby keeps the writes it was asked after.

A standby replays the primary a moment behind. A read that names a position (``min_position``)
or must answer for every write acknowledged before it (the log paged for auditors) waits, a
bounded time (``LEDGER_VIEW_WAIT_SECONDS``), for the standby to have replayed that far; beyond
the bound it is ``503 standby_behind`` with ``Retry-After``, never an answer older than asked.
"""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import Depends, Request

from api.problems import ApiError
from ledger.application.store import LedgerCore
from runtime.reads import Reads

POLL_SECONDS = 0.02


def _reads(request: Request) -> Reads:
    reads: Reads = request.app.state.reads
    return reads


ReadSide = Annotated[Reads, Depends(_reads)]
"""Where this request's read-only queries go (the standby, or the primary)."""


def standby_behind(position: int, what: str, reached: int | None = None) -> ApiError:
    """503: the primary has ``position`` (of ``what``), the standby has not replayed it yet."""
    at = "" if reached is None else f" (it is at {reached})"
    return ApiError(
        503,
        "standby_behind",
        "Read standby not yet at that position",
        f"The read standby has not yet replayed {what} up to position {position}{at}; the "
        "primary has. Retry shortly.",
        headers={"Retry-After": "1"},
    )


def require_replayed(
    reads: Reads, ledger: LedgerCore, wait: float, *, until: int | None = None
) -> None:
    """Return once the log read here holds every event ``ledger`` (the primary) holds now, up
    to ``until`` if given: at once without a standby, whose log is the primary's; else after
    waiting at most ``wait`` seconds for the standby to replay that far, or refuse."""
    if reads.standby is None:
        return
    position = ledger.head_position()
    if until is not None:
        position = min(position, until)
    deadline = time.monotonic() + wait
    while (head := reads.log.head_position()) < position:
        if time.monotonic() >= deadline:
            raise standby_behind(position, "the log", head)
        time.sleep(POLL_SECONDS)
