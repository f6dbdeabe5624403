"""How a projection declares its handlers: one per event type, collected from the class body."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import pytest
from eventsourcing.utils import get_topic

from ledger.domain.expert import Expert
from projections.base import Projection, business_date, on, update
from projections.store import Row, Tx
from tests.unit.builders import meta


class RecordingTx:
    """A transaction that only records the statements it is given."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, tuple[Any, ...]]] = []

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.statements.append((sql, tuple(params)))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        raise NotImplementedError

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        raise NotImplementedError


class ExpertNames(Projection):
    name = "expert_names"
    tables: ClassVar[dict[str, str]] = {"names": "id TEXT PRIMARY KEY, name TEXT, position INT"}

    @on(Expert.Registered)
    def registered(self, tx: Tx, event: Expert.Registered, position: int) -> None:
        tx.execute("INSERT", (str(event.originator_id), event.name, position))

    deactivated = update(
        Expert.Deactivated, "names", "id", "gone_on = ?", lambda e: (business_date(e),)
    )


def test_each_declared_handler_writes_on_the_events_of_its_type() -> None:
    expert = Expert.register(
        external_ref="EXP-1", name="李明", fields=["10"], organisation="宁夏大学", title="教授",
        meta=meta(),
    )  # fmt: skip
    expert.deactivate(reason="Retired.", meta=meta())
    registered, deactivated = expert.collect_events()
    assert isinstance(registered, Expert.Registered)
    assert isinstance(deactivated, Expert.Deactivated)
    projection, tx = ExpertNames(), RecordingTx()

    projection.handle(tx, registered, 7)
    projection.handle(tx, deactivated, 8)

    assert projection.topics() == sorted(
        get_topic(c) for c in (Expert.Registered, Expert.Deactivated)
    )
    assert tx.statements == [
        ("INSERT", (str(expert.id), "李明", 7)),
        (
            "UPDATE names SET gone_on = ?, position = ? WHERE id = ?",
            ("2026-03-02", 8, str(expert.id)),
        ),
    ]


def test_a_projection_may_not_declare_two_handlers_for_one_event_type() -> None:
    with pytest.raises(TypeError, match=r"two handlers for Expert\.Deactivated"):

        class Twice(ExpertNames):
            again = update(Expert.Deactivated, "names", "id", "name = NULL", lambda _: ())
