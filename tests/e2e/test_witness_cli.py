"""`sme-ledger witness` as the bureau and the audit office run it, and the operator's and the
auditor's commands around it: two witness processes cosign what `seal --once` hands them, the
evidence pack carries both cosignatures, `audit verify` and `audit verify-checkpoint` require
them, a key that is no witness's proves nothing, and a rewritten history is refused. The
commands that do not depend on each other run at once, to keep the test short."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import orjson

from evidence.note import NoteVerifier
from ledger.audit.keys import SigningKey, write_private_key
from ledger.persistence.config import StoreConfig
from runtime.bootstrap import build_ledger
from tests._audit import append_events
from tests._witnesses import start_witnesses
from tests.e2e._server import CLI, CLI_TIMEOUT_SECONDS, cli_env
from tests.e2e.test_audit_cli import run
from witness import WitnessKey

ORIGIN = "sme-ledger.nx/service-ledger"


def events(url: str, count: int) -> None:
    ledger = build_ledger(StoreConfig(url))
    try:
        append_events(ledger, count)
    finally:
        ledger.close()


def run_together(*commands: tuple[str, list[str]], **env: str) -> list[tuple[int, str]]:
    """Run the ``sme-ledger`` commands (each a database URL and arguments) at once, each a
    process of its own; the exit code and output of each, in order."""
    started = [
        subprocess.Popen(
            [str(CLI), *args],
            env=cli_env(url, **env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for url, args in commands
    ]
    # Bounded for all of them together: they share the machine's cores.
    return [(p.wait(3 * CLI_TIMEOUT_SECONDS), p.communicate()[0]) for p in started]


def test_two_witnesses_cosign_and_the_auditor_requires_both(tmp_path: Path) -> None:
    url, forked_url = (f"sqlite:///{tmp_path / name}.sqlite" for name in ("ledger", "forked"))
    events(url, 3)
    events(forked_url, 5)  # the same log rewritten: other events under the same key
    key, key_file = SigningKey.generate(), tmp_path / "seal.pem"
    write_private_key(key_file, key)
    key_file.with_name("seal.pem.pub").write_text(key.public.pem)
    log = NoteVerifier(ORIGIN, key.public)
    vkey = str(log)
    witnesses = start_witnesses(tmp_path, ["bureau.nx/witness", "audit.nx/witness"], [log])
    try:
        setting = " ".join(w.setting for w in witnesses)
        env = {"LEDGER_SEAL_KEY_FILE": str(key_file), "LEDGER_WITNESSES": setting}
        sealed = run(url, "seal", "--once", **env)
        exported = run(url, "audit", "export", str(tmp_path / "pack.zip"), **env)
        with zipfile.ZipFile(tmp_path / "pack.zip") as exported_pack:
            (tmp_path / "checkpoint").write_bytes(exported_pack.read("anchor.note"))
        witness_keys = [arg for w in witnesses for arg in ("--witness-key", str(w.key.cosigner))]
        witness_keys += ["--min-witnesses", "2", "--json"]
        stranger = ["--witness-key", str(WitnessKey.generate("bureau.nx/witness").cosigner)]
        pack, note = str(tmp_path / "pack.zip"), str(tmp_path / "checkpoint")
        keygen = ["witness", "keygen", "--name", "audit.nx/witness"]
        pack_ok, note_ok, wrong_key, forked, made, kept = run_together(
            (url, ["audit", "verify", pack, "--public-key", f"{key_file}.pub", *witness_keys]),
            (url, ["audit", "verify-checkpoint", note, "--verifier-key", vkey, *witness_keys]),
            (url, ["audit", "verify-checkpoint", note, "--verifier-key", vkey, *stranger]),
            (forked_url, ["seal", "--once"]),
            (url, [*keygen, str(tmp_path / "new-witness.pem")]),
            (url, [*keygen, str(key_file)]),  # a key is there already
            **env,
        )
    finally:
        codes = [w.stop() for w in witnesses]

    assert sealed.returncode == 0, sealed.stderr
    for w in witnesses:
        assert f"Witness {w.key.cosigner.label} cosigned tree size 3." in sealed.stdout
    assert exported.returncode == 0, exported.stderr
    assert "carries 2 witness cosignature(s)" in exported.stdout
    assert pack_ok[0] == 0, pack_ok[1]
    assert sorted(orjson.loads(pack_ok[1])["witnesses"]) == sorted(
        w.key.cosigner.label for w in witnesses
    )
    assert note_ok[0] == 0, note_ok[1]
    assert len(orjson.loads(note_ok[1])["witnesses"]) == 2
    assert wrong_key[0] == 1
    assert "0 did" in wrong_key[1]
    assert forked[0] == 0, forked[1]  # sealing goes on: only the cosignatures are missing
    assert forked[1].count("did not cosign tree size 5 (refused: 422") == 2
    assert all("refused a checkpoint" in w.log() for w in witnesses)
    assert all(code is not None for code in codes)
    # `witness keygen`: a key only its owner reads, its verifier key printed, never overwritten.
    assert made[0] == 0, made[1]
    assert (tmp_path / "new-witness.pem").stat().st_mode & 0o777 == 0o600
    vkey_made = (tmp_path / "new-witness.pem.vkey").read_text().strip()
    assert vkey_made.startswith("audit.nx/witness+")
    assert vkey_made in made[1]
    assert kept[0] == 2
    assert "never overwritten" in kept[1]
