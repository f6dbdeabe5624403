"""The embedded event store keeps history: appended events are never updated or deleted."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.domain.service_case import CaseStatus, ServiceCase
from ledger.persistence.config import StoreConfig
from tests.application.support import assign, envelope, open_case


@pytest.fixture
def db(ledger: LedgerApplication, sqlite_url: str) -> Iterator[sqlite3.Connection]:
    """A second, raw connection to the ledger's file, as an operator with shell access has."""
    with closing(sqlite3.connect(StoreConfig(sqlite_url).sqlite_path)) as connection:
        yield connection


def _rows(db: sqlite3.Connection) -> list[tuple[object, ...]]:
    return db.execute(
        "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events "
        "ORDER BY rowid"
    ).fetchall()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE stored_events SET state = x'00'",
        "UPDATE stored_events SET originator_version = originator_version + 1",
        "DELETE FROM stored_events",
        "DELETE FROM stored_events WHERE originator_version = 1",
    ],
)
def test_the_events_table_refuses_to_change_history(
    db: sqlite3.Connection, window_id: UUID, enterprise: UUID, statement: str
) -> None:
    before = _rows(db)
    assert len(before) == 2
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute(statement)
    db.rollback()
    assert _rows(db) == before


def test_recorded_events_are_read_back_by_a_new_process(
    ledger: LedgerApplication,
    make_ledger: Callable[[str], LedgerApplication],
    sqlite_url: str,
    window_id: UUID,
    enterprise: UUID,
) -> None:
    meta = envelope(window_id)
    case_id = open_case(ledger, window_id, meta=meta, then=[assign(meta)]).resource_id

    reopened = make_ledger(sqlite_url)

    case = reopened.get(ServiceCase, case_id)
    assert (case.version, case.status) == (2, CaseStatus.ASSIGNED)
    assert reopened.head_position() == ledger.head_position() == 4
