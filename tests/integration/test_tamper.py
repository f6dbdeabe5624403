"""Tampering by the database superuser is found by `audit verify`, at the right position.

The superuser has to switch the append-only triggers off first (ALTER TABLE … DISABLE TRIGGER
ALL): that is the point. The service wrote and sealed the history as the service role; the
pack is exported after the tampering, as an auditor would get it from the operator.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import psycopg
import pytest

from evidence.checkpoint import Checkpoint
from evidence.verify import VerificationReport
from ledger.application.app import LedgerApplication
from tests._audit import KEY, OTHER_KEY, append_events, export, seal, verify
from tests.integration._support import set_up_network

EVENTS = "ledger_events"


def superuser_sql(url: str, *statements: str, disable: tuple[str, ...] = (EVENTS,)) -> None:
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        for table in disable:
            conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER ALL")
        for statement in statements:
            conn.execute(statement)
        for table in disable:
            conn.execute(f"ALTER TABLE {table} ENABLE TRIGGER ALL")


def positions(url: str) -> list[int]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(f"SELECT notification_id FROM {EVENTS} ORDER BY 1").fetchall()
    return [int(r[0]) for r in rows]


@pytest.fixture
def history(service_ledger: LedgerApplication, postgres_url: str) -> Checkpoint:
    """A sealed log of a dozen events with a gap (a rolled-back write) in its positions."""
    set_up_network(service_ledger)
    append_events(service_ledger, 4)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        # What a write that took a position and then rolled back leaves behind.
        conn.execute("SELECT nextval('ledger_events_notification_id_seq')")
    append_events(service_ledger, 6)
    return seal(service_ledger, every=4)


def exported(ledger: LedgerApplication, tmp_path: Path, **kwargs: object) -> VerificationReport:
    export(ledger, tmp_path / "pack.zip")
    return verify(tmp_path / "pack.zip", **kwargs)  # type: ignore[arg-type]


def failed_at(report: VerificationReport) -> tuple[str, int | None]:
    assert report.failure is not None, "the tampering went unnoticed"
    return report.failure.code, report.failure.position


def test_an_untouched_log_with_a_gap_in_its_positions_verifies(
    service_ledger: LedgerApplication, history: Checkpoint, postgres_url: str, tmp_path: Path
) -> None:
    got = positions(postgres_url)
    assert got != list(range(got[0], got[0] + len(got))), "the history should have a gap"

    report = exported(service_ledger, tmp_path, trusted=history)

    assert report.ok, report.failure
    assert report.events == len(got)


def test_one_flipped_byte_of_a_stored_event_is_found_at_its_position(
    service_ledger: LedgerApplication, history: Checkpoint, postgres_url: str, tmp_path: Path
) -> None:
    target = positions(postgres_url)[7]
    superuser_sql(
        postgres_url,
        f"UPDATE {EVENTS} SET state = set_byte(state, 20, get_byte(state, 20) # 1) "
        f"WHERE notification_id = {target}",
    )

    assert failed_at(exported(service_ledger, tmp_path)) == ("altered_event", target)


def test_a_deleted_event_is_found_at_its_position(
    service_ledger: LedgerApplication, history: Checkpoint, postgres_url: str, tmp_path: Path
) -> None:
    target = positions(postgres_url)[5]
    superuser_sql(postgres_url, f"DELETE FROM {EVENTS} WHERE notification_id = {target}")

    assert failed_at(exported(service_ledger, tmp_path)) == ("missing_event", target)


def test_two_events_swapped_in_order_are_found_at_the_first_of_them(
    service_ledger: LedgerApplication, history: Checkpoint, postgres_url: str, tmp_path: Path
) -> None:
    first, second = positions(postgres_url)[3], positions(postgres_url)[9]
    superuser_sql(
        postgres_url,
        f"UPDATE {EVENTS} SET notification_id = -1 WHERE notification_id = {first}",
        f"UPDATE {EVENTS} SET notification_id = {first} WHERE notification_id = {second}",
        f"UPDATE {EVENTS} SET notification_id = {second} WHERE notification_id = -1",
    )

    assert failed_at(exported(service_ledger, tmp_path)) == ("altered_event", first)


def test_a_cut_tail_is_found_at_the_first_missing_position(
    service_ledger: LedgerApplication, history: Checkpoint, postgres_url: str, tmp_path: Path
) -> None:
    kept = positions(postgres_url)[:8]
    cut = positions(postgres_url)[8]
    superuser_sql(postgres_url, f"DELETE FROM {EVENTS} WHERE notification_id > {kept[-1]}")

    assert failed_at(exported(service_ledger, tmp_path)) == ("missing_event", cut)


def test_a_tail_cut_from_the_seal_too_is_found_with_the_auditors_checkpoint(
    service_ledger: LedgerApplication, history: Checkpoint, postgres_url: str, tmp_path: Path
) -> None:
    kept = positions(postgres_url)[:8]
    superuser_sql(
        postgres_url,
        f"DELETE FROM {EVENTS} WHERE notification_id > {kept[-1]}",
        "DELETE FROM ledger_merkle_leaves WHERE leaf_index >= 8",
        "DELETE FROM ledger_checkpoints WHERE tree_size > 8",
        disable=(EVENTS, "ledger_merkle_leaves", "ledger_checkpoints"),
    )

    report = exported(service_ledger, tmp_path, trusted=history)

    assert failed_at(report) == ("trusted_ahead", kept[-1])
    assert f"after position {kept[-1]}" in report.failure.message  # type: ignore[union-attr]


def test_a_forged_event_inserted_into_a_gap_is_found_at_its_position(
    service_ledger: LedgerApplication, history: Checkpoint, postgres_url: str, tmp_path: Path
) -> None:
    got = positions(postgres_url)
    gap = next(p + 1 for p, q in itertools.pairwise(got) if q != p + 1)
    superuser_sql(
        postgres_url,
        f"INSERT INTO {EVENTS} (originator_id, originator_version, topic, state, notification_id) "
        f"SELECT gen_random_uuid(), 1, topic, state, {gap} FROM {EVENTS} "
        f"WHERE notification_id = {got[0]}",
    )

    assert failed_at(exported(service_ledger, tmp_path)) == ("unsealed_event", gap)


def test_a_replaced_checkpoint_is_found_by_its_signature(
    service_ledger: LedgerApplication, history: Checkpoint, postgres_url: str, tmp_path: Path
) -> None:
    with psycopg.connect(postgres_url) as conn:
        row = conn.execute(
            "SELECT tree_size, last_position, sealed_at FROM ledger_checkpoints "
            "ORDER BY tree_size LIMIT 1 OFFSET 1"
        ).fetchone()
    assert row is not None
    size, last, at = row
    forged = Checkpoint.sign(OTHER_KEY, size, b"\x42" * 32, last, at)
    superuser_sql(
        postgres_url,
        f"UPDATE ledger_checkpoints SET root_hash = '\\x{forged.root_hash.hex()}', "
        f"signature = '\\x{forged.signature.hex()}' WHERE tree_size = {size}",
        disable=("ledger_checkpoints",),
    )

    report = exported(service_ledger, tmp_path)

    assert failed_at(report) == ("bad_signature", last)
    assert report.failure is not None
    assert report.failure.tree_size == size


def test_a_history_rewritten_and_resealed_with_the_operators_key_fails_the_trusted_checkpoint(
    service_ledger: LedgerApplication, history: Checkpoint, postgres_url: str, tmp_path: Path
) -> None:
    target = positions(postgres_url)[2]
    superuser_sql(
        postgres_url,
        f"UPDATE {EVENTS} SET state = set_byte(state, 20, get_byte(state, 20) # 1) "
        f"WHERE notification_id = {target}",
        "DELETE FROM ledger_merkle_leaves",
        "DELETE FROM ledger_merkle_nodes",
        "DELETE FROM ledger_checkpoints",
        disable=(EVENTS, "ledger_merkle_leaves", "ledger_merkle_nodes", "ledger_checkpoints"),
    )
    seal(service_ledger, every=4, key=KEY)

    self_consistent = exported(service_ledger, tmp_path)
    against_auditor = verify(tmp_path / "pack.zip", trusted=history)

    assert self_consistent.ok, "re-sealed with the same key, the pack vouches for itself"
    assert failed_at(against_auditor)[0] == "trusted_mismatch"
