"""Where each view is: its tracking row (position in the log, state) and its status."""

from __future__ import annotations

from dataclasses import dataclass

from projections.failures import ViewFailure

TRACKING_TABLE = "ledger_projection_tracking"
TRACKING_DDL = (
    f"CREATE TABLE IF NOT EXISTS {TRACKING_TABLE} ("
    "name TEXT PRIMARY KEY, version INTEGER NOT NULL, position BIGINT NOT NULL, "
    "state TEXT NOT NULL)"
)
LIVE, REBUILDING = "live", "rebuilding"


@dataclass(frozen=True)
class ViewStatus:
    """Where view ``name`` is: its ``position`` in the log, its ``state`` (``live``,
    ``rebuilding``, or ``stalled`` on the event of ``failure``), and the ``head`` read with it."""

    name: str
    version: int
    position: int
    state: str
    head: int
    failure: ViewFailure | None = None

    @property
    def lag(self) -> int:
        return max(0, self.head - self.position)

    @property
    def error(self) -> str | None:
        """The class of the exception the view stalled on, if it is stalled."""
        return None if self.failure is None else self.failure.error

    @property
    def failed_position(self) -> int | None:
        """The position of the event the view stalled on, if it is stalled."""
        return None if self.failure is None else self.failure.position
