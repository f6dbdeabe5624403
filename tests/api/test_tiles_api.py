"""The sealed tree served as C2SP tlog-tiles (``GET /tile/…``), on SQLite and on PostgreSQL: a log
of a little more than one full level-0 tile, so it has full and partial level-0 tiles and
bundles and a partial level-1 tile; every hash agrees with the inclusion proofs, the tiles
rebuild the checkpoint's root, and Go's ``sumdb/tlog`` proves records from them."""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

import pytest
from eventsourcing.persistence import StoredEvent

from evidence.checkpoint_note import DEFAULT_ORIGIN, TreeHead, verify_checkpoint_note
from evidence.leaf import LogEntry, leaf_data
from evidence.merkle import MemoryTree, leaf_hash
from evidence.note import NoteVerifier
from evidence.tile_path import Tile, decode_bundle, encode_bundle, tiles_of
from evidence.tiles import TileReader, prove_inclusion_from_tiles, verify_tree_from_tiles
from tests._audit import KEY, append_events, seal, sealer_for
from tests._notecheck import build_tilecheck, tilecheck
from tests.api._support import STORES, Api, MakeApi, assert_problem, store_url

SIZE = 300
FULL = "public, max-age=31536000, immutable"


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


@pytest.fixture
def api(make_api: MakeApi) -> Api:
    """The API with the in-process sealer off: tests seal when they mean to."""
    return make_api(sealer="off")


def _sealed(api: Api, size: int = SIZE) -> TreeHead:
    """The log grown to ``size`` events and sealed; the head its served note signs."""
    append_events(api.ledger, size - sum(1 for _ in api.ledger.scan()))
    assert seal(api.ledger).tree_size == size
    note = api.get("/checkpoint", key=api.keys.auditor).content
    return verify_checkpoint_note(note, [NoteVerifier(DEFAULT_ORIGIN, KEY.public)])


def _reader(api: Api, key: str) -> TileReader:
    def read(path: str) -> bytes:
        response = api.get(f"/{path}", key=key)
        assert response.status_code == 200, f"{path}: {response.text}"
        assert response.headers["content-type"] == "application/octet-stream"
        return response.content

    return read


def test_every_tile_holds_the_hashes_of_the_proofs_and_rebuilds_the_signed_root(api: Api) -> None:
    head = _sealed(api)
    read = _reader(api, api.keys.auditor)
    proofs = [
        api.get(f"/v1/audit/proof/inclusion?position={n.id}", key=api.keys.auditor).json()
        for n in api.ledger.scan()
    ]
    tree = MemoryTree(bytes.fromhex(p["leaf_hash"]) for p in proofs)

    report = verify_tree_from_tiles(head, read, entries=True)

    assert report.tiles == 3
    assert report.entries == SIZE
    assert tiles_of(SIZE) == [Tile(0, 0), Tile(0, 1, SIZE - 256), Tile(1, 0, 1)]
    for tile in tiles_of(SIZE):
        expected = tree.levels[tile.height][tile.first : tile.first + tile.width]
        assert read(tile.path) == b"".join(expected), tile.path
    for proof in proofs:
        leaf = bytes.fromhex(proof["leaf_hash"])
        path = prove_inclusion_from_tiles(head, proof["leaf_index"], leaf, read)
        assert [h.hex() for h in path] == proof["path"]
    entries = decode_bundle(read("tile/entries/000"), 256)
    entries += decode_bundle(read(f"tile/entries/001.p/{SIZE - 256}"), SIZE - 256)
    assert entries == [leaf_data(LogEntry.of(n)) for n in api.ledger.scan()]


def test_full_tiles_are_cached_for_good_partial_ones_briefly_and_bundles_privately(
    api: Api,
) -> None:
    _sealed(api)

    def cache(path: str) -> str:
        response = api.get(path, key=api.keys.bureau)
        assert response.status_code == 200, response.text
        return str(response.headers["cache-control"])

    assert cache("/tile/0/000") == FULL
    assert cache(f"/tile/0/001.p/{SIZE - 256}") == "public, max-age=60"
    assert cache("/tile/1/000.p/1") == "public, max-age=60"
    assert cache("/tile/entries/000") == "private, max-age=31536000, immutable"
    assert cache(f"/tile/entries/001.p/{SIZE - 256}") == "private, max-age=60"


def test_nothing_beyond_the_latest_checkpoint_is_served(api: Api) -> None:
    _sealed(api)
    # Sealed leaves that no checkpoint signs yet: stored, but in no signed tree.
    append_events(api.ledger, 10)
    sealer_for(api.ledger).seal()
    key = api.keys.hub

    assert api.get(f"/tile/0/001.p/{SIZE - 256}", key=key).status_code == 200
    assert api.get("/tile/0/001.p/2", key=key).status_code == 200  # inside the sealed tree
    for path in [
        f"/tile/0/001.p/{SIZE - 256 + 1}",
        f"/tile/entries/001.p/{SIZE - 256 + 10}",
        "/tile/0/001",
        "/tile/entries/001",
        "/tile/0/002.p/1",
        "/tile/1/000",
        "/tile/1/000.p/2",
        "/tile/2/000.p/1",
        "/tile/63/x999/x999/999",
    ]:
        found = assert_problem(api.get(path, key=key), 404, "tile_not_sealed")
        assert found["context"] == {"tree_size": SIZE}, path


def test_before_anything_is_sealed_there_are_no_tiles(api: Api) -> None:
    assert_problem(api.get("/tile/0/000.p/1", key=api.keys.auditor), 404, "no_checkpoint")
    assert_problem(api.get("/tile/entries/000.p/1", key=api.keys.auditor), 404, "no_checkpoint")


MALFORMED = [
    "/tile/0/1",
    "/tile/0/0000",
    "/tile/0/x000/000",
    "/tile/00/000",
    "/tile/64/000",
    "/tile/-1/000",
    "/tile/abc/000",
    "/tile/0/000.p/0",
    "/tile/0/000.p/256",
    "/tile/0/000.p/01",
    "/tile/0/000.p/x",
    "/tile/0/000/",
    "/tile/0/",
    "/tile/entries/",
    "/tile/entries/1",
    "/tile/entries/entries/000",
    "/tile/8/0/000",
    "/tile/0/x001/x002/x003/x004/x005/x006/x007/008",
    "/tile/0/" + "x999/" * 400 + "999",
    "/tile/0/%00",
]


def test_a_malformed_tile_path_is_a_problem_never_a_failure(api: Api) -> None:
    _sealed(api, 260)  # one log for every path: a tile of each level exists

    for path in MALFORMED:
        response = api.get(path, key=api.keys.auditor)
        assert response.status_code == 400, path
        assert_problem(response, 400, "invalid_tile_path")


def test_tiles_are_for_the_roles_that_read_the_checkpoint(api: Api) -> None:
    _sealed(api, 260)

    for key in (api.keys.auditor, api.keys.bureau, api.keys.hub):
        assert api.get("/tile/0/000", key=key).status_code == 200
        assert api.get("/tile/entries/000", key=key).status_code == 200
    for key in (api.keys.window_a, api.keys.institution, api.keys.admin):
        assert_problem(api.get("/tile/0/000", key=key), 403, "forbidden_role")
        assert_problem(api.get("/tile/entries/000", key=key), 403, "forbidden_role")
    assert_problem(api.get("/tile/0/000", key=None), 401, "unauthenticated")
    assert_problem(api.get("/tile/entries/x/y", key=None), 401, "unauthenticated")


def test_go_proves_records_from_the_served_tiles_against_the_served_checkpoint(
    api: Api, tmp_path: Path
) -> None:
    program = build_tilecheck(tmp_path)
    _sealed(api)
    served = tmp_path / "log"
    read = _reader(api, api.keys.auditor)
    note = api.get("/checkpoint", key=api.keys.auditor).content
    (served / "checkpoint").parent.mkdir()
    (served / "checkpoint").write_bytes(note)
    for tile in tiles_of(SIZE):
        for path in [tile.path, *([tile.entries().path] if tile.level == 0 else [])]:
            (served / path).parent.mkdir(parents=True, exist_ok=True)
            (served / path).write_bytes(read(path))
    vkey = api.get("/v1/audit/verifier-key", key=api.keys.auditor).text.strip()

    done = tilecheck(program, vkey, served)

    assert done.returncode == 0, done.stderr
    assert done.stdout == f"root ok, {SIZE} records proven\n"
    # A forged record whose leaf hash is forged to match in its tile: only the root tells.
    bundle, level0 = served / "tile/entries/000", served / "tile/0/000"
    entries = decode_bundle(bundle.read_bytes(), 256)
    bundle.write_bytes(encode_bundle([b"forged", *entries[1:]]))
    level0.write_bytes(leaf_hash(b"forged") + level0.read_bytes()[32:])
    forged = tilecheck(program, vkey, served)
    assert forged.returncode == 1
    assert "check record 0" in forged.stderr or "inconsistent tile" in forged.stderr


def test_a_bundle_with_an_entry_over_65535_bytes_is_refused_but_its_tile_is_served(
    api: Api,
) -> None:
    count = sum(1 for _ in api.ledger.scan())
    # Larger than any command makes by default, but within what LEDGER_MAX_BODY_BYTES admits.
    big = StoredEvent(uuid4(), 1, "tests.api.test_tiles_api:Big", b"x" * 70_000)
    api.ledger.recorder.insert_events([big])
    position = max(n.id for n in api.ledger.scan())
    seal(api.ledger)

    refused = api.get(f"/tile/entries/000.p/{count + 1}", key=api.keys.auditor)
    found = assert_problem(refused, 409, "entry_too_large")
    assert found["context"] == {"position": position, "bytes": 70_000 + 48 + len(big.topic)}
    assert api.get(f"/tile/entries/000.p/{count}", key=api.keys.auditor).status_code == 200
    assert api.get(f"/tile/0/000.p/{count + 1}", key=api.keys.auditor).status_code == 200
