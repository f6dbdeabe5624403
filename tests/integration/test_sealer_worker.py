"""`sme-ledger seal` as a worker on PostgreSQL, connected as the service role: it wakes on the
log's NOTIFY, writes checkpoints, and stops cleanly on SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from evidence.checkpoint_note import verify_checkpoint_note
from evidence.note import NoteVerifier
from ledger.application.app import LedgerApplication
from ledger.audit.keys import SigningKey, write_private_key
from ledger.persistence.audit_store import audit_store_for
from tests._audit import append_events
from tests.e2e._server import CLI, cli_env

WAIT_SECONDS = 20.0


def test_the_sealer_worker_seals_new_events_and_stops_on_sigterm(
    service_ledger: LedgerApplication, service_url: str, tmp_path: Path
) -> None:
    key = SigningKey.generate()
    write_private_key(tmp_path / "seal.pem", key)
    append_events(service_ledger, 3)
    store = audit_store_for(service_ledger.recorder)
    worker = subprocess.Popen(
        [str(CLI), "seal"],
        env=cli_env(
            service_url,
            LEDGER_SEAL_KEY_FILE=str(tmp_path / "seal.pem"),
            LEDGER_SEAL_EVERY_EVENTS="2",
            LEDGER_SEAL_INTERVAL_SECONDS="0.2",
            # Long: only a NOTIFY wakes it in time for this test.
            LEDGER_SEAL_POLL_SECONDS="30",
            LEDGER_CHECKPOINT_ORIGIN="ledger.example/pg",
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and (store.latest_checkpoint() or None) is None:
            time.sleep(0.1)
        append_events(service_ledger, 2)
        head = service_ledger.head_position()
        while time.monotonic() < deadline:
            latest = store.latest_checkpoint()
            if latest is not None and latest.last_position == head:
                break
            time.sleep(0.1)
        worker.send_signal(signal.SIGTERM)
        _, stderr = worker.communicate(timeout=WAIT_SECONDS)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()

    latest = store.latest_checkpoint()
    assert latest is not None, stderr
    assert latest.last_position == head, stderr
    assert latest.key_id == key.key_id
    assert worker.returncode == 0, stderr
    assert "Sealer stopped." in stderr
    # Each checkpoint is kept as a C2SP note of the same tree head, under the configured origin.
    verifier = NoteVerifier("ledger.example/pg", key.public)
    for cp in store.checkpoints():
        note = store.note(cp.tree_size)
        assert note is not None
        assert verify_checkpoint_note(note, [verifier], "ledger.example/pg").describes(cp)
