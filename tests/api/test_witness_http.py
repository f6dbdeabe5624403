"""The witness over HTTP (C2SP ``tlog-witness``): ``POST /add-checkpoint`` answers with the
cosignature line or the spec's status and body, and monitors read the cosigned checkpoint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence.cosignature import verify_cosignatures
from tests.api._support import TestClient
from tests.unit.test_witness import KEY, LOG, ORIGIN, extend, note, tree
from witness import StateDirectory, Witness, create_witness_app, origin_hash

TEXT = "text/plain; charset=utf-8"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    state = StateDirectory(tmp_path / "state")
    try:
        with TestClient(create_witness_app(Witness(KEY, [LOG], state))) as client:
            yield client
    finally:
        state.close()


def test_a_cosignature_is_text_and_the_monitor_reads_the_cosigned_checkpoint(
    client: TestClient,
) -> None:
    t = tree(6)
    monitored = f"/{origin_hash(ORIGIN)}/checkpoint"
    assert client.get(monitored).status_code == 404

    added = client.post("/add-checkpoint", content=extend(t, 0, 6))
    served = client.get(monitored)

    assert added.status_code == 200
    assert added.headers["content-type"] == TEXT
    assert added.text.startswith(f"\u2014 {KEY.name} ")
    assert added.text.endswith("\n")
    assert verify_cosignatures(note(6, t.root()) + added.content, [KEY.cosigner])
    assert served.status_code == 200
    assert served.content == note(6, t.root()) + added.content


def test_a_stale_old_size_is_409_with_the_known_size_as_tlog_size_text(client: TestClient) -> None:
    t = tree(6)
    client.post("/add-checkpoint", content=extend(t, 0, 2))

    stale = client.post("/add-checkpoint", content=extend(t, 0, 6))

    assert stale.status_code == 409
    assert stale.headers["content-type"] == "text/x.tlog.size"
    assert stale.text == "2\n"


def test_refusals_are_text_with_their_status_and_a_huge_body_is_413(client: TestClient) -> None:
    t, forked = tree(6), tree(6, salt=b"fork")
    client.post("/add-checkpoint", content=extend(t, 0, 3))

    fork = client.post("/add-checkpoint", content=extend(forked, 3, 6))
    unknown = client.post("/add-checkpoint", content=b"old 0\n\n" + note(3, t.root(3), origin="x"))
    huge = client.post("/add-checkpoint", content=b"old 0\n" + b"A" * 70_000)
    wrong_method = client.get("/add-checkpoint")

    assert (fork.status_code, fork.headers["content-type"]) == (422, TEXT)
    assert "not consistent with tree size 3" in fork.text
    assert unknown.status_code == 404
    assert huge.status_code == 413
    assert wrong_method.status_code == 405
