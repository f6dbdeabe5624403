"""Evidence end to end, on SQLite and on PostgreSQL: records written through the API are
sealed, the checkpoint is served, cosigned by two witnesses and timestamped by a TSA, and an
auditor verifies it offline; then an evidence pack of it, with both witness keys and the TSA's
CA; and a pack with one byte of its timestamp or of a cosignature changed fails."""

from __future__ import annotations

import base64
import hashlib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from cli.main import app as cli
from evidence.note import NoteVerifier
from evidence.pack_timestamp import ANCHOR_TSR
from evidence.pack_witnesses import ANCHOR_NOTE
from evidence.timestamp import load_certificates, signed_text
from ledger.audit.timestamping import OBTAINED, Timestamping
from runtime.audit import build_sealer, build_witnessing
from runtime.settings import Settings
from tests._audit import KEY, export, rewrite_pack, store_of
from tests._tsa import Tsa, running_tsa
from tests._witnesses import ServedWitness, serve_witnesses
from tests.api._support import STORES, Api, MakeApi, store_url

ORIGINS = {store: f"sme-ledger.nx/end-to-end-{store}" for store in STORES}


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


@pytest.fixture(scope="module")
def witnesses(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[ServedWitness]]:
    """The bureau's and the audit office's witnesses, for the log of each store."""
    names = ["bureau.nx/witness", "audit.nx/witness"]
    logs = [NoteVerifier(origin, KEY.public) for origin in ORIGINS.values()]
    with serve_witnesses(tmp_path_factory.mktemp("witnesses"), names, logs) as served:
        yield served


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tsa]:
    with running_tsa(tmp_path_factory.mktemp("tsa")) as authority:
        yield authority


def run(*args: str | Path) -> tuple[int, str]:
    """An ``sme-ledger`` command, as an auditor runs it on their own machine."""
    done = CliRunner().invoke(cli, list(map(str, args)))
    return done.exit_code, done.output


def verify_pack(pack: Path, *options: str | Path) -> tuple[int, dict[str, Any]]:
    code, said = run("audit", "verify", pack, "--json", *options)
    return code, orjson.loads(said)


def changed(data: bytes, at: int) -> bytes:
    flipped = bytearray(data)
    flipped[at] ^= 0x01
    return bytes(flipped)


def forged_cosignature(note: bytes) -> bytes:
    """``note`` with one byte of its last cosignature's Ed25519 signature changed (after the
    4-byte key hash and the 8-byte time)."""
    *rest, last = note.decode().removesuffix("\n").split("\n")
    prefix, _, blob = last.rpartition(" ")
    forged = base64.b64encode(changed(base64.b64decode(blob), 20)).decode()
    return "\n".join([*rest, f"{prefix} {forged}", ""]).encode()


def test_records_are_sealed_served_cosigned_timestamped_and_verified_offline_as_a_pack(
    make_api: MakeApi,
    ledger_url: str,
    witnesses: list[ServedWitness],
    tsa: Tsa,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    origin = ORIGINS[request.node.callspec.params["ledger_url"]]
    setting = ", ".join(w.setting for w in witnesses)
    api: Api = make_api(sealer="off", checkpoint_origin=origin, witnesses=setting)
    settings = Settings(
        database_url=ledger_url,
        sealer="off",
        checkpoint_origin=origin,
        witnesses=setting,
        witness_timeout_seconds=10,
    )
    # Records written through the API: a case taken to its close, and two more opened.
    case_id = api.case_ready_for("closure")
    api.step(case_id, "closure")
    api.open_case()
    api.open_case()

    # Sealed, cosigned by both witnesses, timestamped by the TSA.
    build_sealer(settings, api.ledger, KEY).seal(force_checkpoint=True)
    store = store_of(api.ledger)
    witnessing = build_witnessing(settings, store)
    assert witnessing is not None
    assert [o.outcome for o in witnessing.submit_latest()] == ["cosigned", "cosigned"]
    roots = load_certificates(tsa.ca_file.read_bytes())
    stamped = Timestamping(store, tsa.url, roots=roots, timeout=5).stamp_pending()
    latest = store.latest_checkpoint()
    assert latest is not None
    assert (latest.tree_size, OBTAINED) in [(o.tree_size, o.outcome) for o in stamped]
    assert latest.last_position == api.head()

    # The served checkpoint and its timestamp, verified offline with the CLI.
    served = api.get("/checkpoint", key=api.keys.auditor)
    assert served.status_code == 200
    (tmp_path / "checkpoint").write_bytes(served.content)
    token = api.get(f"/v1/audit/checkpoints/{latest.tree_size}/timestamp", key=api.keys.auditor)
    assert token.status_code == 200
    (tmp_path / "checkpoint.tsr").write_bytes(token.content)
    log_key = str(NoteVerifier(origin, KEY.public))
    witness_options: list[str | Path] = [
        opt for w in witnesses for opt in ("--witness-key", str(w.key.cosigner))
    ]
    code, said = run(
        "audit", "verify-checkpoint", tmp_path / "checkpoint", "--verifier-key", log_key,
        "--origin", origin, *witness_options, "--min-witnesses", "2", "--json",
    )  # fmt: skip
    assert code == 0, said
    checked = orjson.loads(said)
    assert checked["tree_size"] == latest.tree_size
    assert sorted(c["witness"] for c in checked["witnesses"]) == sorted(
        w.key.cosigner.label for w in witnesses
    )
    code, said = run(
        "audit", "verify-timestamp", tmp_path / "checkpoint", tmp_path / "checkpoint.tsr",
        "--tsa-ca", tsa.ca_file,
    )  # fmt: skip
    assert code == 0, said

    # The evidence pack of it, verified offline: signatures, witnesses, timestamp and tiles.
    pack = tmp_path / "pack.zip"
    report = export(api.ledger, pack)
    assert (report.cosignatures, report.timestamped) == (2, True)
    (tmp_path / "seal.pub").write_text(KEY.public.pem)
    trust: list[str | Path] = [
        "--public-key",
        tmp_path / "seal.pub",
        *witness_options,
        "--min-witnesses",
        "2",
    ]
    strict: list[str | Path] = [*trust, "--tsa-ca", tsa.ca_file, "--require-timestamp"]
    code, result = verify_pack(pack, *strict)
    assert code == 0, result
    assert (result["events"], result["tree_size"]) == (latest.tree_size, latest.tree_size)
    assert sorted(result["witnesses"]) == sorted(w.key.cosigner.label for w in witnesses)
    assert result["timestamp"]["checked"] is True
    assert result["tiles"] >= 1
    assert result["warnings"] == []
    with zipfile.ZipFile(pack) as zf:
        note, tsr = zf.read(ANCHOR_NOTE), zf.read(ANCHOR_TSR)
    assert tsr == token.content
    assert signed_text(note) == signed_text(served.content)

    # Without the CA the token is only said to be there; another CA's is refused.
    code, result = verify_pack(pack, *trust)
    assert code == 0, result
    assert (result["timestamp"]["present"], result["timestamp"]["checked"]) == (True, False)
    code, result = verify_pack(pack, *trust, "--tsa-ca", tsa.other_ca_file)
    assert (code, result["failure"]["code"]) == (1, "bad_timestamp"), result

    # One byte changed, with the manifest made to agree (as the pack's maker could).
    imprint = hashlib.sha256(signed_text(note)).digest()
    forgeries: dict[str, dict[str, bytes | None]] = {
        "token signature": {ANCHOR_TSR: changed(tsr, len(tsr) - 1)},
        "token imprint": {ANCHOR_TSR: changed(tsr, tsr.index(imprint) + 5)},
        "cosignature": {ANCHOR_NOTE: forged_cosignature(note)},
        "no token": {ANCHOR_TSR: None},
    }
    expected = {
        "token signature": "bad_timestamp",
        "token imprint": "bad_timestamp",
        "cosignature": "not_witnessed",
        "no token": "not_timestamped",
    }
    for name, changes in forgeries.items():
        forged = tmp_path / "forged.zip"
        rewrite_pack(pack, forged, changes)
        code, result = verify_pack(forged, *strict)
        assert code == 1, (name, result)
        assert result["failure"]["code"] == expected[name], (name, result)
        assert result["failure"]["tree_size"] == latest.tree_size, name
    # The same byte changed without fixing the manifest: the pack is damaged.
    with zipfile.ZipFile(pack) as zin, zipfile.ZipFile(tmp_path / "damaged.zip", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            zout.writestr(
                item, changed(data, len(data) - 1) if item.filename == ANCHOR_TSR else data
            )
    code, result = verify_pack(tmp_path / "damaged.zip", *strict)
    assert (code, result["failure"]["code"]) == (1, "pack_damaged"), result
