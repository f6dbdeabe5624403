"""An evidence pack carries its anchor checkpoint as a signed note with the witnesses'
cosignatures, and verification can require enough trusted witnesses to have cosigned it."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import orjson
import pytest

from evidence.pack_witnesses import ANCHOR_NOTE, WitnessPolicy
from evidence.verify import verify_pack
from ledger.application.app import LedgerApplication
from ledger.audit.witnessing import Witnessing
from tests._audit import KEY, OTHER_KEY, append_events, export, seal, store_of
from tests.application.witness_support import (  # with the fixture witnesses
    direct,
    endpoints,
    served,
    two_witnesses,
)
from witness import Witness, WitnessKey

__all__ = ["two_witnesses"]


def test_a_pack_of_a_cosigned_checkpoint_verifies_with_two_witnesses(
    ledger: LedgerApplication, witnesses: dict[str, Witness], tmp_path: Path
) -> None:
    streams = append_events(ledger, 4)
    seal(ledger)
    Witnessing(store_of(ledger), endpoints(witnesses), post=direct(witnesses)).submit_latest()
    keys = [w.key.cosigner for w in witnesses.values()]

    for kind, stream in (("full", None), ("stream", streams[1])):
        pack = tmp_path / f"{kind}.zip"
        report = export(ledger, pack, stream=stream)
        verified = verify_pack(pack, [KEY.public], None, WitnessPolicy(keys, 2))

        assert report.cosignatures == 2
        assert verified.ok, verified.failure
        assert verified.witnesses == sorted(k.label for k in keys)


def test_too_few_or_the_wrong_witnesses_fail_verification(
    ledger: LedgerApplication, witnesses: dict[str, Witness], tmp_path: Path
) -> None:
    append_events(ledger, 2)
    seal(ledger)
    (url, witness), *_ = witnesses.items()
    Witnessing(store_of(ledger), endpoints({url: witness}), post=direct(witnesses)).submit_latest()
    export(ledger, tmp_path / "pack.zip")
    stranger = WitnessKey.generate("stranger.nx/w").cosigner
    keys = [w.key.cosigner for w in witnesses.values()]

    one_of_two = verify_pack(tmp_path / "pack.zip", [KEY.public], None, WitnessPolicy(keys, 2))
    wrong = verify_pack(tmp_path / "pack.zip", [KEY.public], None, WitnessPolicy([stranger], 1))
    enough = verify_pack(tmp_path / "pack.zip", [KEY.public], None, WitnessPolicy(keys, 1))
    other_log_key = verify_pack(
        tmp_path / "pack.zip", [OTHER_KEY.public], None, WitnessPolicy(keys, 1)
    )

    assert one_of_two.failure is not None
    assert one_of_two.failure.code == "not_witnessed"
    assert "1 did" in one_of_two.failure.message
    assert wrong.failure is not None
    assert wrong.failure.code == "not_witnessed"
    assert enough.ok, enough.failure
    assert enough.witnesses == [witness.key.cosigner.label]
    assert other_log_key.failure is not None
    assert other_log_key.failure.code == "unknown_key"


@pytest.mark.parametrize(
    ("change", "code", "reason"),
    [
        ("no note", "not_witnessed", "holds no checkpoint note"),
        ("an earlier note", "pack_damaged", "is not the anchor checkpoint"),
    ],
)
def test_a_pack_whose_anchor_note_is_missing_or_not_the_anchor_fails(
    ledger: LedgerApplication,
    witnesses: dict[str, Witness],
    tmp_path: Path,
    change: str,
    code: str,
    reason: str,
) -> None:
    append_events(ledger, 2)
    seal(ledger)
    endpoints_ = endpoints(witnesses)
    Witnessing(store_of(ledger), endpoints_, post=direct(witnesses)).submit_latest()
    earlier = served(ledger)  # cosigned too
    append_events(ledger, 2)
    seal(ledger)
    Witnessing(store_of(ledger), endpoints_, post=direct(witnesses)).submit_latest()
    export(ledger, tmp_path / "pack.zip")
    keys = [w.key.cosigner for w in witnesses.values()]
    # Made by whoever makes the pack: the manifest agrees with what it holds.
    rebuilt = tmp_path / "rebuilt.zip"
    with zipfile.ZipFile(tmp_path / "pack.zip") as source, zipfile.ZipFile(rebuilt, "w") as out:
        manifest = orjson.loads(source.read("manifest.json"))
        if change == "no note":
            del manifest["parts"][ANCHOR_NOTE]
        else:
            digest = hashlib.sha256(earlier).hexdigest()
            manifest["parts"][ANCHOR_NOTE] = {"sha256": digest, "bytes": len(earlier)}
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "manifest.json":
                data = orjson.dumps(manifest)
            elif item.filename == ANCHOR_NOTE:
                if change == "no note":
                    continue
                data = earlier
            out.writestr(item, data)

    report = verify_pack(rebuilt, [KEY.public], None, WitnessPolicy(keys, 1))
    without_witnesses = verify_pack(rebuilt, [KEY.public])

    assert report.failure is not None
    assert (report.failure.code, reason in report.failure.message) == (code, True)
    assert without_witnesses.ok, without_witnesses.failure
