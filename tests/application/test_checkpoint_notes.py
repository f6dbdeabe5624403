"""The sealer signs every checkpoint as a C2SP note too, under the configured origin, and signs
the note of a checkpoint sealed before it did."""

from __future__ import annotations

import pytest

from evidence.checkpoint import Checkpoint
from evidence.checkpoint_note import DEFAULT_ORIGIN, TreeHead, verify_checkpoint_note
from evidence.note import NoteVerifier
from ledger.application.app import LedgerApplication
from ledger.audit.keys import SigningKey
from ledger.audit.records import AuditStore
from ledger.audit.sealer import Sealer, SealPolicy
from tests._audit import KEY, OTHER_KEY, append_events, store_of


def test_every_checkpoint_is_kept_as_a_note_of_the_same_tree_head(
    ledger: LedgerApplication,
) -> None:
    append_events(ledger, 5)
    sealer = Sealer(ledger.recorder, store_of(ledger), KEY, SealPolicy(every_events=2))
    sealer.seal(force_checkpoint=True)
    store = store_of(ledger)

    checkpoints = store.checkpoints()
    assert len(checkpoints) >= 3
    for cp in checkpoints:
        note = store.note(cp.tree_size)
        assert note is not None
        head = verify_checkpoint_note(note, [NoteVerifier(DEFAULT_ORIGIN, KEY.public)])
        assert head == TreeHead.of(DEFAULT_ORIGIN, cp)
    assert store.latest_note() == (checkpoints[-1].tree_size, store.note(checkpoints[-1].tree_size))


def test_the_note_names_the_configured_origin(ledger: LedgerApplication) -> None:
    append_events(ledger, 1)
    sealer = Sealer(ledger.recorder, store_of(ledger), KEY, origin="ledger.example/sme")

    sealer.seal(force_checkpoint=True)

    latest = store_of(ledger).latest_note()
    assert latest is not None
    head = verify_checkpoint_note(latest[1], [NoteVerifier("ledger.example/sme", KEY.public)])
    assert head.origin == "ledger.example/sme"


def test_a_checkpoint_sealed_without_a_note_gets_one_when_the_sealer_starts(
    ledger: LedgerApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    append_events(ledger, 3)
    store = store_of(ledger)
    # Sealed as sealers did before notes: leaves, nodes and a checkpoint, no note.
    keep = store.append
    monkeypatch.setattr(
        store, "append", lambda size, leaves, nodes, cp, note=None: keep(size, leaves, nodes, cp)
    )
    old = seal_with(store, ledger, OTHER_KEY)
    monkeypatch.undo()
    assert store.note(old.tree_size) is None

    Sealer(ledger.recorder, store, KEY).load()

    note = store.note(old.tree_size)
    assert note is not None
    assert verify_checkpoint_note(note, [NoteVerifier(DEFAULT_ORIGIN, KEY.public)]).describes(old)


def seal_with(store: AuditStore, ledger: LedgerApplication, key: SigningKey) -> Checkpoint:
    sealer = Sealer(ledger.recorder, store, key)
    sealer.seal(force_checkpoint=True)
    assert sealer.last_checkpoint is not None
    return sealer.last_checkpoint
