"""Cursors of the lists paged in log order: every position reads back as itself, and any other
text is refused as a cursor we never gave, never read as some other position."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.deps import LARGEST
from api.paging import cursor_of, position_of
from api.problems import ApiError

POSITIONS = st.integers(min_value=0, max_value=LARGEST)


@given(POSITIONS)
def test_every_position_reads_back_from_its_cursor(position: int) -> None:
    assert position_of(cursor_of(position)) == position


def _read(text: str) -> int | ApiError:
    try:
        return position_of(text)
    except ApiError as refused:
        return refused


@given(st.text(max_size=64) | POSITIONS.map(cursor_of).map(lambda c: c + "="))
def test_a_text_is_either_a_cursor_we_gave_or_refused(text: str) -> None:
    read = _read(text)

    if isinstance(read, ApiError):
        assert (read.status_code, read.code) == (422, "invalid_cursor")
    else:
        assert cursor_of(read) == text


def test_no_cursor_reads_from_the_start() -> None:
    assert position_of(None) == 0


def test_a_position_beyond_a_bigint_is_refused() -> None:
    with pytest.raises(ApiError) as refused:
        position_of(cursor_of(LARGEST + 1))

    assert refused.value.code == "invalid_cursor"
