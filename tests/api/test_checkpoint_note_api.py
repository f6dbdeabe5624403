"""The latest checkpoint as a C2SP signed note (``GET /checkpoint``) and the note verifier key
served beside the public key; the JSON views describe the same tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import DEFAULT_ORIGIN, TreeHead, verify_checkpoint_note
from evidence.leaf import LogEntry, leaf_data
from evidence.note import NoteVerifier, parse_verifier_key
from tests._audit import KEY, append_events, seal
from tests._notecheck import build_notecheck, notecheck
from tests.api._support import Api, MakeApi, assert_problem


@pytest.fixture
def api(make_api: MakeApi) -> Api:
    """The API with the in-process sealer off: tests seal when they mean to."""
    return make_api(sealer="off")


def test_before_anything_is_sealed_there_is_no_checkpoint_note(api: Api) -> None:
    assert_problem(api.get("/checkpoint", key=api.keys.auditor), 404, "no_checkpoint")
    assert_problem(api.get("/v1/audit/verifier-key", key=api.keys.auditor), 404, "no_checkpoint")


def test_the_checkpoint_note_is_the_latest_checkpoint_signed_by_the_served_verifier_key(
    api: Api,
) -> None:
    seal(api.ledger)
    append_events(api.ledger, 2)
    sealed = seal(api.ledger)

    note = api.get("/checkpoint", key=api.keys.bureau)
    vkey = api.get("/v1/audit/verifier-key", key=api.keys.hub)
    latest = api.get("/v1/audit/checkpoints/latest", key=api.keys.auditor).json()

    assert note.status_code == vkey.status_code == 200
    assert note.headers["content-type"] == "text/plain; charset=utf-8"
    assert vkey.headers["content-type"] == "text/plain; charset=utf-8"
    assert vkey.text == f"{NoteVerifier(DEFAULT_ORIGIN, KEY.public)}\n"
    head = verify_checkpoint_note(note.content, [parse_verifier_key(vkey.text)], DEFAULT_ORIGIN)
    assert head == TreeHead.of(DEFAULT_ORIGIN, sealed)
    assert head.describes(Checkpoint.from_json(latest))
    assert note.text.startswith(f"{DEFAULT_ORIGIN}\n{sealed.tree_size}\n")


def test_anonymous_callers_cannot_read_the_checkpoint_note(api: Api) -> None:
    seal(api.ledger)

    assert_problem(api.get("/checkpoint", key=None), 401, "unauthenticated")
    assert_problem(api.get("/v1/audit/verifier-key", key=None), 401, "unauthenticated")


def test_go_accepts_the_served_note_with_the_served_key_and_the_root_of_the_log(
    api: Api, tmp_path: Path
) -> None:
    append_events(api.ledger, 4)
    seal(api.ledger)
    (tmp_path / "checkpoint").write_bytes(api.get("/checkpoint", key=api.keys.auditor).content)
    vkey = api.get("/v1/audit/verifier-key", key=api.keys.auditor).text.strip()
    # What the leaves commit to: each event's canonical leaf data, in log order.
    records = [leaf_data(LogEntry.of(n)).hex() for n in api.ledger.scan()]
    (tmp_path / "records").write_text("".join(r + "\n" for r in records))

    done = notecheck(build_notecheck(tmp_path), vkey, tmp_path / "checkpoint", tmp_path / "records")

    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("root ok\n")
