"""A view table's digest is the SHA-256 of its rows as canonical JSON lines in primary-key order
(text byte by byte): what an auditor can recompute from a plain SELECT, whatever order the rows
were written in. (That PostgreSQL gives the same digest for the same rows is what the drift
checks on PostgreSQL rely on: tests/api/test_view_drift.py compares the two.)"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

import pytest

from projections.catalog import all_projections
from projections.digest import encode, order_by, primary_key, table_digest
from projections.store import SQLiteViewStore

DDL = "name TEXT NOT NULL, n BIGINT, note TEXT, PRIMARY KEY (name)"
ROWS: list[tuple[object, ...]] = [("中", 3, "宁夏"), ("B", 1, None), ("a", 2, 'say "hi"')]


@pytest.fixture
def store() -> Iterator[SQLiteViewStore]:
    store = SQLiteViewStore(":memory:")
    with store.transaction() as tx:
        tx.execute(f"CREATE TABLE t ({DDL})")
        tx.execute("CREATE TABLE u (x REAL PRIMARY KEY)")
    yield store
    store.close()


def fill(store: SQLiteViewStore, rows: Sequence[tuple[object, ...]]) -> None:
    with store.transaction() as tx:
        tx.execute("DELETE FROM t")
        tx.executemany("INSERT INTO t (name, n, note) VALUES (?, ?, ?)", rows)


def digest(store: SQLiteViewStore) -> tuple[int, str]:
    with store.snapshot() as snapshot:
        found = table_digest(snapshot, "t", DDL, postgres=False)
    return found.rows, found.sha256


def test_the_digest_is_the_sha256_of_canonical_lines_in_byte_order_of_the_key(
    store: SQLiteViewStore,
) -> None:
    fill(store, ROWS)

    # "B" (0x42) < "a" (0x61) < "中" (0xE4 0xB8 0xAD): bytes, not a locale's order.
    lines = '["B",1,null]\n["a",2,"say \\"hi\\""]\n["中",3,"宁夏"]\n'
    assert digest(store) == (3, hashlib.sha256(lines.encode("utf-8")).hexdigest())


def test_the_order_rows_were_written_in_does_not_matter_but_every_value_does(
    store: SQLiteViewStore,
) -> None:
    fill(store, ROWS)
    first = digest(store)
    fill(store, list(reversed(ROWS)))
    again = digest(store)
    fill(store, [("中", 3, "宁夏"), ("B", 1, ""), ("a", 2, 'say "hi"')])  # NULL became ''
    changed = digest(store)
    fill(store, ROWS[:2])
    fewer = digest(store)

    assert again == first
    assert changed[0] == first[0]
    assert changed[1] != first[1]
    assert fewer[0] == 2
    assert fewer[1] != first[1]


def test_an_empty_table_has_the_digest_of_nothing(store: SQLiteViewStore) -> None:
    assert digest(store) == (0, hashlib.sha256(b"").hexdigest())


def test_a_value_that_is_neither_text_nor_an_integer_is_refused(store: SQLiteViewStore) -> None:
    with store.transaction() as tx:
        tx.execute("INSERT INTO u (x) VALUES (1.5)")

    with store.snapshot() as snapshot, pytest.raises(TypeError, match="not float"):
        table_digest(snapshot, "u", "x REAL PRIMARY KEY", postgres=False)
    with pytest.raises(TypeError, match="not bool"):
        encode((True,))


def test_every_view_table_is_ordered_by_its_primary_key_text_bytewise_on_postgresql() -> None:
    keys = {t: primary_key(ddl) for p in all_projections() for t, ddl in p.tables.items()}
    ddl_of = {t: ddl for p in all_projections() for t, ddl in p.tables.items()}

    assert keys["view_case_facts"] == ("case_id",)
    assert keys["view_enterprise_sizes"] == ("enterprise_id", "valid_from")
    assert keys["view_directory"] == ("kind", "stream_id")
    # Every table declares its key: each digest reads its rows in one total order.
    assert [t for t, ddl in ddl_of.items() if "PRIMARY KEY" not in ddl.upper()] == []
    assert order_by(ddl_of["view_directory"], postgres=True) == (
        'kind COLLATE "C", stream_id COLLATE "C"'
    )
    assert order_by(ddl_of["view_directory"], postgres=False) == "kind, stream_id"
