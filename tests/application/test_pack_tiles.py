"""A full evidence pack carries the hash tiles of its anchor's tree, checked against its root."""

from __future__ import annotations

import zipfile
from pathlib import Path

from evidence.tile_path import parse_tile_path
from ledger.application.app import LedgerApplication
from ledger.audit.tiles import AuditTiles
from tests._audit import append_events, export, rewrite_pack, seal, store_of, verify


def tile_parts(pack: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.startswith("tile/")}


def test_a_full_pack_holds_every_hash_tile_of_its_anchor_as_served(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 300)
    seal(ledger)

    export(ledger, tmp_path / "pack.zip")
    result = verify(tmp_path / "pack.zip")

    tiles = tile_parts(tmp_path / "pack.zip")
    assert sorted(tiles) == ["tile/0/000", "tile/0/001.p/44", "tile/1/000.p/1"]
    served = AuditTiles(store_of(ledger), ledger.log_source)
    assert all(served.hashes(parse_tile_path(p)) == data for p, data in tiles.items())
    assert result.ok, result.failure
    assert result.tiles == 3


def test_a_pack_until_an_earlier_checkpoint_holds_the_tiles_of_that_tree(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 7)
    seal(ledger, every=5)

    export(ledger, tmp_path / "pack.zip", until=ledger.head_position() - 3)

    assert sorted(tile_parts(tmp_path / "pack.zip")) == ["tile/0/000.p/5"]
    assert verify(tmp_path / "pack.zip").tiles == 1


def test_a_changed_missing_or_foreign_tile_fails_even_with_the_manifest_made_to_agree(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 300)
    seal(ledger)
    pack = tmp_path / "pack.zip"
    export(ledger, pack)
    tiles = tile_parts(pack)
    forgeries: dict[str, dict[str, bytes | None]] = {
        "full tile changed": {"tile/0/000": flip(tiles["tile/0/000"], 40)},
        "partial tile changed": {"tile/0/001.p/44": flip(tiles["tile/0/001.p/44"], 0)},
        "level 1 changed": {"tile/1/000.p/1": flip(tiles["tile/1/000.p/1"], 31)},
        "missing": {"tile/1/000.p/1": None},
        "foreign": {"tile/0/002.p/1": tiles["tile/0/000"][:32]},
    }

    for name, changes in forgeries.items():
        rewrite_pack(pack, tmp_path / "forged.zip", changes)
        result = verify(tmp_path / "forged.zip")
        assert result.failure is not None, name
        assert result.failure.code == "tiles_mismatch", (name, result.failure)
        assert result.failure.tree_size == 300, name


def test_a_full_pack_without_tiles_as_made_before_them_still_verifies(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 6)
    seal(ledger)
    export(ledger, tmp_path / "pack.zip")

    rewrite_pack(tmp_path / "pack.zip", tmp_path / "old.zip", {"tile/0/000.p/6": None})
    result = verify(tmp_path / "old.zip")

    assert result.ok, result.failure
    assert result.tiles == 0


def flip(data: bytes, at: int) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 1
    return bytes(changed)


def test_a_stream_pack_holds_no_tiles(ledger: LedgerApplication, tmp_path: Path) -> None:
    streams = append_events(ledger, 3)
    seal(ledger)

    export(ledger, tmp_path / "stream.zip", stream=streams[1])

    assert tile_parts(tmp_path / "stream.zip") == {}
    assert verify(tmp_path / "stream.zip").ok
