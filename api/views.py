"""Views in the API: freshness (read-your-writes) and CSV and workbook export."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import Depends, Query, Request, Response
from typing_extensions import TypedDict

from api.deps import LARGEST, AppSettings, Ledger
from api.problems import ApiError
from api.reads import POLL_SECONDS, ReadSide, standby_behind
from api.responses import json_response
from api.workbook import MEDIA_TYPE as WORKBOOK
from api.workbook import workbook_bytes
from ledger.domain.time import CST
from projections.directory import ViewDirectory
from projections.failures import ViewStalledError
from projections.folding import folded_at
from projections.runner import ProjectionRunner
from projections.store import Tx
from projections.tracking import LIVE
from runtime.reads import Reads

T = TypeVar("T")
Rows = Sequence[Mapping[str, Any]]
"""What a view route reads: rows of a view (each a TypedDict of :mod:`projections`)."""


def _runner(request: Request) -> ProjectionRunner:
    runner: ProjectionRunner = request.app.state.views
    return runner


Views = Annotated[ProjectionRunner, Depends(_runner)]

MinPosition = Annotated[
    int | None,
    Query(
        ge=0,
        le=LARGEST,
        description="Answer only once the view has caught up with this log position (the "
        "`position` a write answered with); waits a bounded time, then 503 + Retry-After.",
    ),
]
Format = Annotated[
    str,
    Query(
        pattern="^(json|csv|xlsx)$",
        description="json (default), or csv or xlsx (a workbook) for a download",
    ),
]


def _directory(views: Views, ledger: Ledger, settings: AppSettings) -> ViewDirectory:
    # A list answers for every write acknowledged before it was asked for: the directory is
    # read once it has caught up with the head of the log (a bounded wait, else 503).
    require_fresh(views, ("directory",), ledger.head_position(), settings.view_wait_seconds)
    return ViewDirectory(views.store)


Listing = Annotated[ViewDirectory, Depends(_directory)]
"""The directory view, fresh as of the request (for the list routes)."""


AsOfPosition = Annotated[
    int | None,
    Query(
        ge=1,
        le=LARGEST,
        description="Read the view as it stood at this log position (folded again from the log "
        "up to it: its cost is that prefix of the log); at most the head of the log.",
    ),
]


@dataclass(frozen=True)
class Table:
    """One read of the views by a request: as fresh as it asked, in the format it asked for.

    The views are read where ``reads`` says (the hot standby, if one is set), and are as fresh
    there as the request asked."""

    reads: Reads
    wait: float
    format: str
    min_position: int | None
    as_of_position: int | None = None

    @property
    def runner(self) -> ProjectionRunner:
        return self.reads.views

    def answer(
        self,
        views: tuple[str, ...],
        rows_of: Callable[[Tx], Rows],
        key: str,
        filename: str,
    ) -> Response:
        """The rows ``rows_of`` reads, once ``views`` are fresh enough, as ``{key: rows}`` or
        as ``filename``.csv."""
        return table_response(self.read(views, rows_of), key, self.format, filename)

    def read(self, views: tuple[str, ...], read_of: Callable[[Tx], T]) -> T:
        """What ``read_of`` reads, once ``views`` are fresh enough (for an answer of its own
        shape, such as a page)."""
        if self.as_of_position is not None:
            head = self.runner.ledger.head_position()
            if self.as_of_position > head:
                raise ApiError(
                    422, "position_beyond_head", "Position beyond the log",
                    f"as_of_position {self.as_of_position} is beyond the head of the log "
                    f"({head}).",
                )  # fmt: skip
            with folded_at(self.runner.ledger, self.as_of_position, views) as tx:
                return read_of(tx)
        primary = self.reads.primary_views if self.reads.standby is not None else None
        require_fresh(self.runner, views, self.min_position, self.wait, primary=primary)
        with self.runner.store.read() as tx:
            return read_of(tx)

    def today(self) -> date:
        """Today in Ningxia, on the ledger's clock."""
        return self.runner.ledger.clock().astimezone(CST).date()


def _table(
    reads: ReadSide,
    settings: AppSettings,
    format: Format = "json",
    min_position: MinPosition = None,
    as_of_position: AsOfPosition = None,
) -> Table:
    return Table(reads, settings.view_wait_seconds, format, min_position, as_of_position)


ViewTable = Annotated[Table, Depends(_table)]
"""How a view route reads: ``table.answer(views, rows_of, key, filename)``."""


def require_fresh(
    views: ProjectionRunner,
    names: tuple[str, ...],
    min_position: int | None,
    wait: float,
    *,
    primary: ProjectionRunner | None = None,
) -> None:
    """Refuse a stalled or rebuilding view; wait (bounded) for a view behind
    ``min_position``.

    ``views`` on a hot standby are where it has replayed them; ``primary`` then tells, when the
    wait is over, a view the projection workers have not brought that far (``view_behind``)
    from one they have but the standby has not replayed yet (``standby_behind``)."""
    deadline = time.monotonic() + wait
    while True:
        status = {s.name: s for s in views.status() if s.name in names}
        stalled = [s.failure for s in status.values() if s.failure is not None]
        if stalled:
            # Like a rebuilding view: it stays before that event until a release that folds it
            # is deployed, so it is refused at once, never waited for or read as if current.
            raise ViewStalledError.of(stalled[0])
        rebuilding = [n for n, s in status.items() if s.state != LIVE]
        if rebuilding:
            raise ApiError(
                503,
                "view_rebuilding",
                "View rebuilding",
                f"The view {', '.join(rebuilding)} is being rebuilt from the log; try again soon.",
                headers={"Retry-After": "5"},
            )
        behind = [
            n for n, s in status.items() if min_position is not None and s.position < min_position
        ]
        if not behind or min_position is None:
            return
        if time.monotonic() >= deadline:
            if primary is not None and _reached(primary, behind, min_position):
                raise standby_behind(min_position, f"the view {', '.join(behind)}")
            raise ApiError(
                503,
                "view_behind",
                "View not yet at that position",
                f"The view {', '.join(behind)} has not yet reached position {min_position}; "
                "retry shortly.",
                headers={"Retry-After": "1"},
            )
        views.wake.set()
        time.sleep(POLL_SECONDS)


def _reached(views: ProjectionRunner, names: list[str], position: int) -> bool:
    return all(s.position >= position for s in views.status() if s.name in names)


@cache
def rows_answer(row: Any, key: str) -> Any:
    """The JSON answer of a view route whose rows are ``row`` (a TypedDict), for the OpenAPI
    document: ``{key: [row, …], "count": n}`` (``ParticipantRow`` → ``ParticipantRows``), as
    :func:`table_response` builds it. Its downloads are documented apart (api/openapi.py)."""
    name = f"{row.__name__.removesuffix('Row')}Rows"
    typed_dict: Any = TypedDict  # a name known only when called: mypy wants a literal
    answer = typed_dict(name, {key: list[row], "count": int})
    answer.__module__ = row.__module__
    each = (row.__doc__ or "").strip()
    answer.__doc__ = (
        f"The rows read (`{key}`) and how many (`count`); each {each[:1].lower()}{each[1:]}"
    )
    return answer


def table_response(rows: Rows, key: str, fmt: str, filename: str) -> Response:
    """Rows as JSON (``{key: rows}``), or as a CSV or workbook download (nested values as JSON
    text)."""
    if fmt == "json":
        return json_response({key: rows, "count": len(rows)})
    if fmt == "xlsx":
        return Response(
            workbook_bytes(rows, key),
            media_type=WORKBOOK,
            headers={"Content-Disposition": f'attachment; filename="{filename}.xlsx"'},
        )
    buffer = io.StringIO()
    columns = list(rows[0]) if rows else []
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                orjson.dumps(row[c]).decode() if isinstance(row[c], dict | list) else row[c]
                for c in columns
            ]
        )
    return Response(
        buffer.getvalue().encode("utf-8-sig"),  # with a BOM, so spreadsheet programs read UTF-8
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )
