"""Evidence packs on the embedded store: export, offline verification, and what it catches."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import orjson
import pytest

from evidence.checkpoint import Checkpoint
from evidence.verify import verify_pack
from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import RevokeKey
from ledger.domain.errors import NoCheckpointError, PositionNotSealedError
from tests._audit import KEY, OTHER_KEY, append_events, export, meta, seal, store_of, verify
from tests.acting import act


def sql(ledger: LedgerApplication, *statements: str) -> None:
    """Run SQL on the ledger's SQLite file directly, as someone with the file would."""
    datastore: Any = ledger.recorder.datastore  # type: ignore[attr-defined]
    with datastore.transaction(commit=True) as c:
        for statement in statements:
            c.execute(statement)


def positions(ledger: LedgerApplication) -> list[int]:
    return [n.id for n in ledger.scan()]


def test_a_full_pack_of_an_untouched_log_verifies(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 12)
    cp = seal(ledger, every=5)

    report = export(ledger, tmp_path / "pack.zip")
    result = verify(tmp_path / "pack.zip", trusted=cp)

    assert result.ok, result.failure
    assert (report.kind, report.events, report.checkpoints) == ("full", 12, 3)
    assert (result.events, result.checkpoints, result.tree_size) == (12, 3, 12)
    assert result.warnings == []


def test_a_pack_ends_at_the_first_checkpoint_covering_until(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 10)
    seal(ledger, every=4)

    report = export(ledger, tmp_path / "pack.zip", until=positions(ledger)[5])

    assert report.tree_size == 8
    assert report.unsealed_after == 2
    assert verify(tmp_path / "pack.zip").ok


def test_exporting_before_anything_is_sealed_says_what_to_do(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 2)
    with pytest.raises(NoCheckpointError, match="seal"):
        export(ledger, tmp_path / "pack.zip")
    seal(ledger)
    append_events(ledger, 1)
    with pytest.raises(PositionNotSealedError):
        export(ledger, tmp_path / "pack.zip", until=ledger.head_position())


def test_a_stream_pack_holds_that_stream_alone_and_verifies(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    streams = append_events(ledger, 6)
    act(ledger, RevokeKey(key_id=streams[2], reason="left"), meta())
    cp = seal(ledger, every=3)

    report = export(ledger, tmp_path / "stream.zip", stream=streams[2])
    result = verify(tmp_path / "stream.zip", trusted=cp)

    assert result.ok, result.failure
    assert (report.kind, report.events, result.events) == ("stream", 2, 2)
    with zipfile.ZipFile(tmp_path / "stream.zip") as zf:
        assert len(zf.read("leaves.bin")) == 2 * 48


def test_without_a_public_key_the_verifier_warns_that_the_pack_vouches_for_itself(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 3)
    seal(ledger)
    export(ledger, tmp_path / "pack.zip")

    result = verify(tmp_path / "pack.zip", key=None)

    assert result.ok
    assert "out of band" in result.warnings[0]


def test_checkpoints_signed_by_another_key_are_rejected(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 3)
    seal(ledger, key=OTHER_KEY)
    export(ledger, tmp_path / "pack.zip")

    result = verify(tmp_path / "pack.zip")

    assert result.failure is not None
    assert result.failure.code == "unknown_key"


def test_a_log_sealed_before_and_after_a_key_rotation_verifies_with_both_keys_not_the_new_alone(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 3)
    before = seal(ledger, key=KEY)
    append_events(ledger, 2)
    after = seal(ledger, key=OTHER_KEY)
    export(ledger, tmp_path / "pack.zip")

    both = verify_pack(tmp_path / "pack.zip", [KEY.public, OTHER_KEY.public], before)
    new_only = verify_pack(tmp_path / "pack.zip", [OTHER_KEY.public])

    assert both.ok, both.failure
    assert (both.checkpoints, both.tree_size) == (2, 5)
    assert both.key_ids == sorted([KEY.key_id, OTHER_KEY.key_id])
    assert after.key_id == OTHER_KEY.key_id
    assert new_only.failure is not None
    assert new_only.failure.code == "unknown_key"


def test_a_flipped_byte_in_a_stored_event_is_found_at_its_position(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 8)
    seal(ledger, every=3)
    target = positions(ledger)[4]
    table = ledger.recorder.events_table_name  # type: ignore[attr-defined]
    sql(
        ledger,
        f"DROP TRIGGER {table}_no_update",
        f"UPDATE {table} SET state = CAST(replace(CAST(state AS TEXT), 'audit', 'audiT') AS BLOB) "
        f"WHERE rowid = {target}",
    )
    export(ledger, tmp_path / "pack.zip")

    result = verify(tmp_path / "pack.zip")

    assert result.failure is not None
    assert (result.failure.code, result.failure.position) == ("altered_event", target)


def test_a_damaged_part_of_the_pack_is_reported(ledger: LedgerApplication, tmp_path: Path) -> None:
    append_events(ledger, 3)
    seal(ledger)
    export(ledger, tmp_path / "pack.zip")
    with (
        zipfile.ZipFile(tmp_path / "pack.zip") as src,
        zipfile.ZipFile(tmp_path / "bad.zip", "w") as dst,
    ):
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "events.bin":
                data = data[:-1] + bytes([data[-1] ^ 1])
            dst.writestr(item, data)

    result = verify(tmp_path / "bad.zip")

    assert result.failure is not None
    assert result.failure.code == "pack_damaged"
    assert "events.bin" in result.failure.message


def test_a_trusted_checkpoint_from_another_history_is_rejected(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 6)
    cp = seal(ledger)
    forged = Checkpoint.sign(KEY, 3, b"\x01" * 32, 3, cp.sealed_at)
    export(ledger, tmp_path / "pack.zip")

    result = verify(tmp_path / "pack.zip", trusted=forged)

    assert result.failure is not None
    assert result.failure.code == "trusted_mismatch"


def test_the_manifest_lists_a_sha256_for_every_part(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 2)
    seal(ledger)
    export(ledger, tmp_path / "pack.zip")

    with zipfile.ZipFile(tmp_path / "pack.zip") as zf:
        manifest = orjson.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
    assert set(manifest["parts"]) == names - {"manifest.json"}
    assert store_of(ledger).latest_checkpoint() is not None


def _rewrite(src: Path, dst: Path, name: str, change: Any) -> None:
    """Copy a pack, changing one part and fixing the manifest (a forger would)."""
    import hashlib

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        manifest = orjson.loads(zin.read("manifest.json"))
        for item in zin.infolist():
            if item.filename == "manifest.json":
                continue
            data = zin.read(item)
            if item.filename == name:
                data = change(data)
                manifest["parts"][name] = {
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "bytes": len(data),
                }
            zout.writestr(item.filename, data)
        zout.writestr("manifest.json", orjson.dumps(manifest))


def test_a_stream_pack_with_a_forged_inclusion_proof_is_rejected(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    streams = append_events(ledger, 6)
    seal(ledger, every=2)
    export(ledger, tmp_path / "stream.zip", stream=streams[3])

    def forge(data: bytes) -> bytes:
        rows = [orjson.loads(line) for line in data.splitlines()]
        for row in rows:
            if row["type"] == "inclusion":
                row["path"] = row["path"][:-1]  # truncated
        return b"".join(orjson.dumps(r) + b"\n" for r in rows)

    _rewrite(tmp_path / "stream.zip", tmp_path / "forged.zip", "proofs.jsonl", forge)
    result = verify(tmp_path / "forged.zip")

    assert result.failure is not None
    assert result.failure.code == "inclusion_failed"
    assert result.failure.position == positions(ledger)[3]


def test_a_stream_pack_whose_event_was_altered_names_its_position(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    streams = append_events(ledger, 4)
    seal(ledger)
    target = positions(ledger)[2]
    table = ledger.recorder.events_table_name  # type: ignore[attr-defined]
    sql(
        ledger,
        f"DROP TRIGGER {table}_no_update",
        f"UPDATE {table} SET state = CAST(replace(CAST(state AS TEXT), 'audit', 'AUDIT') AS BLOB) "
        f"WHERE rowid = {target}",
    )
    export(ledger, tmp_path / "stream.zip", stream=streams[2])

    result = verify(tmp_path / "stream.zip")

    assert result.failure is not None
    assert (result.failure.code, result.failure.position) == ("altered_event", target)


def test_a_full_pack_reordered_by_its_maker_is_refused(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    append_events(ledger, 3)
    seal(ledger)
    export(ledger, tmp_path / "pack.zip")

    def swap_leaves(data: bytes) -> bytes:
        return data[48:96] + data[:48] + data[96:]

    _rewrite(tmp_path / "pack.zip", tmp_path / "forged.zip", "leaves.bin", swap_leaves)
    result = verify(tmp_path / "forged.zip")

    assert result.failure is not None
    assert result.failure.code == "pack_damaged"
    assert not result.ok


def test_access_records_cannot_be_changed_in_the_embedded_store(ledger: LedgerApplication) -> None:
    from datetime import UTC, datetime

    from ledger.audit.records import AccessRecord

    store = store_of(ledger)
    store.write_access(
        [AccessRecord(datetime.now(UTC), "key:x", "auditor", "GET", "/v1/events", None, 200, "r")]
    )

    for statement in ("UPDATE ledger_access_log SET status = 500", "DELETE FROM ledger_access_log"):
        with pytest.raises(Exception, match="append-only"):
            sql(ledger, statement)
    assert (
        len(store.select_access(principal=None, since=None, until=None, after_id=0, limit=10)) == 1
    )
