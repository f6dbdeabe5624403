"""An evidence pack's events read back as the seal saw them (``evidence.pack_reader.entries``),
across the reader's chunk boundaries."""

from __future__ import annotations

import io
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evidence import pack_reader
from evidence.leaf import LogEntry, leaf_data

ENTRY = st.builds(
    LogEntry,
    position=st.integers(1, 2**63 - 1),
    stream_id=st.uuids(),
    version=st.integers(1, 2**40),
    topic=st.text(min_size=1, max_size=80),
    state=st.binary(max_size=300),
)


@given(st.lists(ENTRY, max_size=30))
def test_every_event_is_read_back_as_it_was_sealed(events: list[LogEntry]) -> None:
    packed = io.BytesIO(b"".join(leaf_data(e) for e in events))

    assert list(pack_reader.entries(packed)) == events


def test_events_split_across_chunks_are_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pack_reader, "CHUNK", 7)
    events = [LogEntry(n, uuid4(), n, f"ledger.domain:E{n}", b"{}" * n) for n in range(1, 40)]

    assert list(pack_reader.entries(io.BytesIO(b"".join(map(leaf_data, events))))) == events
