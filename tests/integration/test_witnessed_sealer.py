"""`sme-ledger seal` on PostgreSQL hands each new checkpoint to its witnesses as it goes: both
witnesses that answer cosign every checkpoint, one that is away is counted as unavailable and
holds nothing back, and the worker's metrics say so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from evidence.checkpoint_note import DEFAULT_ORIGIN
from evidence.note import NoteVerifier
from ledger.application.app import LedgerApplication
from ledger.audit.keys import SigningKey, write_private_key
from ledger.persistence.audit_store import audit_store_for
from tests._audit import append_events
from tests._witnesses import serve_witnesses
from tests.e2e._server import cli_env, free_port
from tests.integration.test_worker_metrics import scrape, value, wait_for
from tests.integration.test_workers_reconnect import stop_cleanly, worker
from witness import WitnessKey

MakeLedger = Callable[[str], LedgerApplication]


def test_the_sealer_worker_has_each_checkpoint_cosigned_and_counts_what_witnesses_answer(
    make_small_ledger: MakeLedger, postgres_url: str, tmp_path: Path
) -> None:
    key = SigningKey.generate()
    write_private_key(tmp_path / "seal.pem", key)
    ledger = make_small_ledger(postgres_url)
    store = audit_store_for(ledger.recorder)
    append_events(ledger, 3)
    port = free_port()
    away = WitnessKey.generate("away.nx/witness").cosigner
    names = ["bureau.nx/witness", "audit.nx/witness"]
    logs = [NoteVerifier(DEFAULT_ORIGIN, key.public)]
    with serve_witnesses(tmp_path, names, logs) as witnesses:
        labels = [w.key.cosigner.label for w in witnesses]
        setting = " ".join([*(w.setting for w in witnesses), f"{away}=http://127.0.0.1:{port}"])
        env = cli_env(
            postgres_url,
            LEDGER_SEAL_KEY_FILE=str(tmp_path / "seal.pem"),
            LEDGER_SEAL_INTERVAL_SECONDS="0.2",
            LEDGER_SEAL_POLL_SECONDS="0.3",
            LEDGER_WITNESSES=setting,
            LEDGER_WITNESS_TIMEOUT_SECONDS="2",
        )

        def cosigned_head() -> bool:
            latest = store.latest_checkpoint()
            if latest is None or latest.last_position != ledger.head_position():
                return False
            return {c.witness for c in store.cosignatures(latest.tree_size)} == set(labels)

        metrics_port = free_port()
        args = ["seal", "--metrics-host", "127.0.0.1", "--metrics-port", str(metrics_port)]
        with worker(args, env, tmp_path / "seal.err") as sealer:
            wait_for(cosigned_head, "the first checkpoint, cosigned by both", sealer)
            append_events(ledger, 4)
            wait_for(cosigned_head, "the second checkpoint, cosigned by both", sealer)
            latest = store.latest_checkpoint()
            assert latest is not None
            wait_for(
                lambda: all(
                    value(scrape(metrics_port), "ledger_witness_cosigned_tree_size", witness=w)
                    == latest.tree_size
                    for w in labels
                ),
                "the cosignatures to be counted",
                sealer,
            )
            samples = scrape(metrics_port)
            assert stop_cleanly(sealer) == 0

    for label in labels:
        cosigned = value(
            samples, "ledger_witness_submissions_total", witness=label, outcome="cosigned"
        )
        assert cosigned >= 2
        assert (
            value(samples, "ledger_witness_submissions_total", witness=label, outcome="refused")
            == 0
        )
    assert (
        value(
            samples, "ledger_witness_submissions_total", witness=away.label, outcome="unavailable"
        )
        >= 2
    )
    assert len(store.checkpoints()) >= 2
