"""On the embedded SQLite store the API seals in-process, and hands each checkpoint it writes to
the witnesses of ``LEDGER_WITNESSES`` on a thread of its own: ``GET /checkpoint`` soon carries
their cosignatures, with nothing but the API running."""

from __future__ import annotations

import base64
import time
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from evidence.checkpoint_note import DEFAULT_ORIGIN
from evidence.cosignature import verify_cosignatures
from evidence.note import NoteVerifier
from tests._audit import KEY, append_events
from tests._witnesses import serve_witnesses
from tests.api._support import MakeApi

RAW_KEY = base64.b64encode(
    KEY.private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
).decode()


def test_the_in_process_sealer_has_its_checkpoints_cosigned(
    make_api: MakeApi, tmp_path: Path
) -> None:
    names = ["bureau.nx/witness", "audit.nx/witness"]
    with serve_witnesses(tmp_path, names, [NoteVerifier(DEFAULT_ORIGIN, KEY.public)]) as served:
        api = make_api(
            seal_key=RAW_KEY,
            seal_interval_seconds=0.1,
            seal_poll_seconds=0.1,
            witnesses=" ".join(w.setting for w in served),
        )
        append_events(api.ledger, 3)
        keys = [w.key.cosigner for w in served]
        deadline = time.monotonic() + 15
        cosigned: list[str] = []
        while time.monotonic() < deadline:
            note = api.get("/checkpoint", key=api.keys.auditor)
            if note.status_code == 200:
                cosigned = [c.witness.label for c in verify_cosignatures(note.content, keys)]
                if len(cosigned) == 2:
                    break
            time.sleep(0.1)

    assert sorted(cosigned) == sorted(k.label for k in keys)
