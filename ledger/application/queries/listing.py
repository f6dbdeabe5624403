"""Lists of one kind of aggregate: ids from the directory view, then only those aggregates.

A list is read whole or one page at a time (:class:`Page`): the entries after a log position,
at most so many. A page is full unless it is the last, even when a list keeps only some of the
aggregates it loads, and it says where the next one reads on (``next_after``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ledger.application.ports import Directory
from ledger.application.store import LedgerCore
from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import NotFoundError

A = TypeVar("A", bound=LedgerAggregate)


@dataclass(frozen=True)
class Page:
    """The part of a list to read: what entered the log after position ``after``, at most
    ``limit`` of it (every one if ``None``)."""

    after: int = 0
    limit: int | None = None


WHOLE = Page()
"""The whole list."""


class Listed(list[A], Generic[A]):
    """Aggregates of one kind in log order (``positions``: where each entered the log), and the
    position the next page reads on after (``None``: there is nothing more)."""

    def __init__(self, entries: Iterable[tuple[A, int]] = (), next_after: int | None = None):
        pairs = list(entries)
        super().__init__(a for a, _ in pairs)
        self.positions = [p for _, p in pairs]
        self.next_after = next_after

    def kept(self, keep: Callable[[A], bool]) -> Listed[A]:
        """Those of this list (read whole) that ``keep`` keeps."""
        return Listed((a, p) for a, p in zip(self, self.positions, strict=True) if keep(a))

    def paged(self, page: Page) -> Listed[A]:
        """The part ``page`` of this list (read whole)."""
        pairs = [(a, p) for a, p in zip(self, self.positions, strict=True) if p > page.after]
        if page.limit is None or len(pairs) <= page.limit:
            return Listed(pairs)
        return Listed(pairs[: page.limit], next_after=pairs[page.limit - 1][1])


def listed(
    ledger: LedgerCore,
    directory: Directory,
    kind: str,
    aggregate_type: type[A],
    not_found: type[NotFoundError],
    page: Page = WHOLE,
    keep: Callable[[A], bool] | None = None,
    **filters: object,
) -> Listed[A]:
    """The aggregates of ``kind`` the directory names (with ``filters``) that ``keep`` keeps,
    in log order: ``page`` of them.

    One aggregate past the page is looked for to tell whether there is a next page."""
    label = kind.replace("_", " ")
    found: list[tuple[A, int]] = []
    after = page.after
    while page.limit is None or len(found) <= page.limit:
        wanted = None if page.limit is None else page.limit + 1 - len(found)
        entries = directory.entries(kind, after=after, limit=wanted, **filters)  # type: ignore[arg-type]
        for stream_id, position in entries:
            aggregate = ledger.load(stream_id, aggregate_type, not_found, label)
            if keep is None or keep(aggregate):
                found.append((aggregate, position))
        if wanted is None or len(entries) < wanted:
            break
        after = entries[-1][1]
    if page.limit is None or len(found) <= page.limit:
        return Listed(found)
    return Listed(found[: page.limit], next_after=found[page.limit - 1][1])
