"""Sealing the log on the embedded store: leaves, checkpoints, proofs."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evidence.leaf import LogEntry, entry_hash
from evidence.merkle import MemoryTree, verify_consistency, verify_inclusion
from ledger.application.app import LedgerApplication
from ledger.audit.sealer import Sealer, SealIntegrityError, SealPolicy
from ledger.domain.errors import (
    InvalidTreeRangeError,
    NoCheckpointError,
    PositionNotSealedError,
    UnknownTreeSizeError,
)
from tests._audit import KEY, OTHER_KEY, append_events, proofs_of, seal, sealer_for, store_of
from tests.conftest import FakeClock


def log_tree(ledger: LedgerApplication) -> MemoryTree:
    """The tree recomputed from the log itself, independently of the sealer's store."""
    return MemoryTree(entry_hash(LogEntry.of(n)) for n in ledger.scan())


def test_sealing_gives_every_event_one_leaf_in_log_order(ledger: LedgerApplication) -> None:
    append_events(ledger, 5)

    cp = seal(ledger)

    positions = [n.id for n in ledger.scan()]
    leaves = list(store_of(ledger).leaves(0, 100))
    assert [leaf.position for leaf in leaves] == positions
    assert [leaf.leaf_index for leaf in leaves] == list(range(len(positions)))
    assert cp.tree_size == len(positions)
    assert cp.last_position == positions[-1]


def test_the_checkpoint_root_is_the_rfc_6962_root_of_the_log(ledger: LedgerApplication) -> None:
    append_events(ledger, 7)

    cp = seal(ledger)

    assert cp.root_hash == log_tree(ledger).root()
    assert cp.signed_by(KEY.public)
    assert not cp.signed_by(OTHER_KEY.public)


def test_a_checkpoint_is_written_every_n_events(ledger: LedgerApplication) -> None:
    append_events(ledger, 10)
    sealer = sealer_for(ledger, every=3, batch=4)

    report = sealer.seal()

    assert [cp.tree_size for cp in report.checkpoints] == [3, 6, 9]
    assert report.sealed == 10
    assert [cp.tree_size for cp in store_of(ledger).checkpoints()] == [3, 6, 9]


def test_waiting_events_are_checkpointed_once_the_interval_has_passed(
    ledger: LedgerApplication, clock: FakeClock
) -> None:
    append_events(ledger, 2)
    policy = SealPolicy(every_events=1000, interval=timedelta(seconds=10))
    sealer = Sealer(ledger.recorder, store_of(ledger), KEY, policy, clock=clock)

    assert sealer.seal().checkpoints == []
    clock.advance(seconds=11)
    assert [cp.tree_size for cp in sealer.seal().checkpoints] == [2]
    clock.advance(seconds=11)
    assert sealer.seal().checkpoints == [], "nothing new: no new checkpoint"


def test_a_new_sealer_picks_up_the_tree_where_the_last_one_stopped(
    ledger: LedgerApplication,
) -> None:
    append_events(ledger, 5)
    seal(ledger)
    append_events(ledger, 6)

    cp = seal(ledger)

    assert cp.tree_size == 11
    assert cp.root_hash == log_tree(ledger).root()


def test_two_sealers_never_seal_an_event_twice(ledger: LedgerApplication) -> None:
    append_events(ledger, 4)
    first, second = sealer_for(ledger), sealer_for(ledger)
    first.seal(force_checkpoint=True)
    append_events(ledger, 3)
    first.seal(force_checkpoint=True)

    second.seal(force_checkpoint=True)

    leaves = list(store_of(ledger).leaves(0, 100))
    assert len(leaves) == len({leaf.position for leaf in leaves}) == 7


def test_inclusion_proofs_are_served_by_position_against_a_checkpoint(
    ledger: LedgerApplication,
) -> None:
    append_events(ledger, 9)
    cp = seal(ledger, every=4)
    proofs = proofs_of(ledger)

    for n in ledger.scan():
        proof = proofs.inclusion(n.id)
        assert proof.checkpoint == cp
        verify_inclusion(
            proof.leaf.leaf_index,
            cp.tree_size,
            entry_hash(LogEntry.of(n)),
            proof.path,
            cp.root_hash,
        )
    early = proofs.inclusion(next(iter(ledger.scan())).id, tree_size=4)
    assert early.checkpoint.tree_size == 4


def test_consistency_proofs_link_every_pair_of_checkpoints(ledger: LedgerApplication) -> None:
    append_events(ledger, 11)
    seal(ledger, every=3)
    checkpoints = store_of(ledger).checkpoints()
    proofs = proofs_of(ledger)

    for old in checkpoints:
        for new in checkpoints:
            if old.tree_size <= new.tree_size:
                proof = proofs.consistency(old.tree_size, new.tree_size)
                verify_consistency(
                    old.tree_size, new.tree_size, old.root_hash, new.root_hash, proof.path
                )


def test_proofs_name_what_is_missing(ledger: LedgerApplication) -> None:
    proofs = proofs_of(ledger)
    with pytest.raises(NoCheckpointError):
        proofs.latest()
    append_events(ledger, 3)
    cp = seal(ledger)
    append_events(ledger, 1)

    with pytest.raises(PositionNotSealedError):
        proofs.inclusion(ledger.head_position())
    with pytest.raises(UnknownTreeSizeError):
        proofs.inclusion(cp.last_position, tree_size=cp.tree_size - 1)
    with pytest.raises(UnknownTreeSizeError):
        proofs.consistency(1, cp.tree_size)
    with pytest.raises(InvalidTreeRangeError):
        proofs.consistency(cp.tree_size, 1)


def test_the_sealer_refuses_to_extend_a_tree_whose_nodes_no_longer_match(
    ledger: LedgerApplication,
) -> None:
    append_events(ledger, 4)
    seal(ledger)
    datastore = ledger.recorder.datastore  # type: ignore[attr-defined]
    with datastore.transaction(commit=True) as c:
        c.execute("DROP TRIGGER ledger_merkle_nodes_no_update")
        c.execute("UPDATE ledger_merkle_nodes SET hash = zeroblob(32) WHERE level = 2")

    with pytest.raises(SealIntegrityError, match="not the signed one"):
        sealer_for(ledger).load()
