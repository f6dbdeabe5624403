"""A verified local copy of the served tiles (``evidence.mirror``), on SQLite and PostgreSQL:
made, grown with a consistency proof, resumed from what is on disk, repaired from a damaged
tile, and refused for a forged, shrunk or forked log, keeping the checkpoint it had."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evidence.checkpoint_note import DEFAULT_ORIGIN, TreeHead
from evidence.mirror import CHECKPOINT, Fetch, MirrorError, mirror
from evidence.note import NoteVerifier, sign_note
from evidence.tile_path import decode_bundle
from tests._audit import KEY, OTHER_KEY, append_events, seal
from tests.api._support import STORES, Api, MakeApi, store_url

TRUSTED = [NoteVerifier(DEFAULT_ORIGIN, KEY.public)]


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


@pytest.fixture
def api(make_api: MakeApi) -> Api:
    """The API with the in-process sealer off: tests seal when they mean to."""
    return make_api(sealer="off")


@pytest.fixture
def here(tmp_path: Path) -> Path:
    """The mirror's directory (beside the test's SQLite ledger, not around it)."""
    return tmp_path / "mirror"


def _grown(api: Api, size: int) -> None:
    append_events(api.ledger, size - sum(1 for _ in api.ledger.scan()))
    assert seal(api.ledger).tree_size == size


def _server(api: Api, asked: list[str] | None = None) -> Fetch:
    """The log's server as an auditor reads it."""

    def fetch(path: str) -> bytes:
        if asked is not None:
            asked.append(path)
        response = api.get(f"/{path}", key=api.keys.auditor)
        assert response.status_code == 200, f"{path}: {response.text}"
        return response.content

    return fetch


def _files(directory: Path) -> list[str]:
    return sorted(p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file())


def test_a_mirror_holds_every_tile_and_entry_of_the_signed_tree(api: Api, here: Path) -> None:
    _grown(api, 300)

    report = mirror(_server(api), here, TRUSTED)

    assert (report.tree_size, report.previous_size, report.entries) == (300, None, 300)
    assert _files(here) == [
        "checkpoint", "tile/0/000", "tile/0/001.p/44", "tile/1/000.p/1",
        "tile/entries/000", "tile/entries/001.p/44",
    ]  # fmt: skip
    assert (here / CHECKPOINT).read_bytes() == _server(api)(CHECKPOINT)
    entries = decode_bundle((here / "tile/entries/000").read_bytes(), 256)
    assert len(entries) == 256


def test_a_grown_log_is_proved_consistent_and_only_its_new_tiles_are_fetched(
    api: Api, here: Path
) -> None:
    _grown(api, 300)
    mirror(_server(api), here, TRUSTED)
    _grown(api, 600)
    asked: list[str] = []

    report = mirror(_server(api, asked), here, TRUSTED)

    assert (report.tree_size, report.previous_size, report.entries) == (600, 300, 600)
    assert "tile/0/000" not in asked
    assert "tile/entries/000" not in asked
    assert {"tile/0/001", "tile/0/002.p/88", "tile/entries/001"} <= set(asked)
    # The partial tiles of 300 are gone; those of 600 are there.
    assert _files(here) == [
        "checkpoint", "tile/0/000", "tile/0/001", "tile/0/002.p/88", "tile/1/000.p/2",
        "tile/entries/000", "tile/entries/001", "tile/entries/002.p/88",
    ]  # fmt: skip


def test_a_damaged_tile_on_disk_is_fetched_again(api: Api, here: Path) -> None:
    _grown(api, 300)
    mirror(_server(api), here, TRUSTED)
    tile = here / "tile/0/000"
    good = tile.read_bytes()
    tile.write_bytes(bytes(len(good)))
    _grown(api, 400)

    report = mirror(_server(api), here, TRUSTED)

    assert report.tree_size == 400
    assert tile.read_bytes() == good


def _signed(head: TreeHead) -> bytes:
    return sign_note(head.text, DEFAULT_ORIGIN, KEY.private_key.public_key(), KEY.sign)


def _serving(api: Api, checkpoint: bytes) -> Fetch:
    """The log's tiles, but another checkpoint note."""
    tiles = _server(api)
    return lambda path: checkpoint if path == CHECKPOINT else tiles(path)


@pytest.mark.parametrize(
    ("size", "root", "said"),
    [(300, bytes(32), "the log forked"), (100, None, "a log never shrinks")],
    ids=["forked", "shrunk"],
)
def test_a_forked_or_shrunk_log_is_refused_and_the_mirror_keeps_its_checkpoint(
    api: Api, here: Path, size: int, root: bytes | None, said: str
) -> None:
    _grown(api, 300)
    mirror(_server(api), here, TRUSTED)
    held = (here / CHECKPOINT).read_bytes()
    other = TreeHead(DEFAULT_ORIGIN, size, root or os.urandom(32))

    with pytest.raises(MirrorError, match=said):
        mirror(_serving(api, _signed(other)), here, TRUSTED)

    assert (here / CHECKPOINT).read_bytes() == held


def test_a_grown_tree_that_does_not_extend_the_mirrored_one_is_refused(
    api: Api, here: Path
) -> None:
    _grown(api, 300)
    mirror(_server(api), here, TRUSTED)
    held = (here / CHECKPOINT).read_bytes()
    _grown(api, 400)
    # A note of the grown size whose root is not that of the tiles: no proof leads to it.
    forged = TreeHead(DEFAULT_ORIGIN, 400, os.urandom(32))

    with pytest.raises(MirrorError, match="do not check out"):
        mirror(_serving(api, _signed(forged)), here, TRUSTED)

    assert (here / CHECKPOINT).read_bytes() == held


def test_a_checkpoint_no_trusted_key_signed_is_refused_before_any_tile_is_fetched(
    api: Api, here: Path
) -> None:
    _grown(api, 300)
    asked: list[str] = []

    with pytest.raises(MirrorError, match="does not verify"):
        mirror(_server(api, asked), here, [NoteVerifier(DEFAULT_ORIGIN, OTHER_KEY.public)])

    assert asked == [CHECKPOINT]
    assert not here.exists() or _files(here) == []
