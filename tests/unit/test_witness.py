"""The witness (C2SP ``tlog-witness``): it cosigns a checkpoint only when it extends the last one
it cosigned of that log, answers each refusal as the spec says, and keeps its state on disk."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence.checkpoint_note import TreeHead
from evidence.cosignature import verify_cosignatures
from evidence.keys import VerifyKey
from evidence.merkle import EMPTY_ROOT, MemoryTree, leaf_hash
from evidence.note import NoteVerifier, sign_note
from witness import (
    StateDirectory,
    Witness,
    WitnessKey,
    WitnessRefusalError,
    WitnessStateError,
    origin_hash,
)

ORIGIN = "sme-ledger.nx/witness-test"
LOG_KEY = Ed25519PrivateKey.generate()
LOG = NoteVerifier(ORIGIN, VerifyKey(LOG_KEY.public_key()))
KEY = WitnessKey.generate("audit.nx/witness")
NOW = 1_772_416_800


def tree(count: int, salt: bytes = b"") -> MemoryTree:
    return MemoryTree(leaf_hash(salt + i.to_bytes(4, "big")) for i in range(count))


def note(size: int, root: bytes, key: Ed25519PrivateKey = LOG_KEY, origin: str = ORIGIN) -> bytes:
    return sign_note(TreeHead(origin, size, root).text, origin, key.public_key(), key.sign)


def body(old: int, proof: list[bytes], checkpoint: bytes) -> bytes:
    lines = "".join(base64.b64encode(h).decode() + "\n" for h in proof)
    return f"old {old}\n{lines}\n".encode() + checkpoint


def extend(t: MemoryTree, old: int, new: int) -> bytes:
    """The submission of ``t`` at size ``new`` with a proof from ``old``."""
    proof = t.consistency_proof(old, new) if 0 < old < new else []
    return body(old, proof, note(new, t.root(new)))


@pytest.fixture
def state(tmp_path: Path) -> Iterator[StateDirectory]:
    directory = StateDirectory(tmp_path / "state")
    yield directory
    directory.close()


@pytest.fixture
def witness(state: StateDirectory) -> Witness:
    return Witness(KEY, [LOG], state, clock=lambda: NOW)


def refusal(witness: Witness, submission: bytes) -> WitnessRefusalError:
    with pytest.raises(WitnessRefusalError) as caught:
        witness.add_checkpoint(submission)
    return caught.value


def test_the_first_checkpoint_is_cosigned_from_size_0_and_the_cosignature_verifies(
    witness: Witness, state: StateDirectory
) -> None:
    t = tree(5)

    line = witness.add_checkpoint(extend(t, 0, 5))

    cosigned = note(5, t.root()) + line.encode()
    (found,) = verify_cosignatures(cosigned, [KEY.cosigner])
    assert found.timestamp == NOW
    recorded = json.loads((state.path / f"{origin_hash(ORIGIN)}.json").read_text())
    assert recorded["tree_size"] == 5
    assert base64.b64decode(recorded["root_hash"]) == t.root()
    assert witness.checkpoint(origin_hash(ORIGIN)) == cosigned


def test_each_later_checkpoint_needs_a_proof_from_the_size_last_cosigned(witness: Witness) -> None:
    t = tree(40)
    witness.add_checkpoint(extend(t, 0, 3))

    line = witness.add_checkpoint(extend(t, 3, 17))
    again = witness.add_checkpoint(extend(t, 17, 17))  # the same tree head again
    last = witness.add_checkpoint(extend(t, 17, 40))

    assert verify_cosignatures(note(17, t.root(17)) + line.encode(), [KEY.cosigner])
    assert verify_cosignatures(note(17, t.root(17)) + again.encode(), [KEY.cosigner])
    assert verify_cosignatures(note(40, t.root(40)) + last.encode(), [KEY.cosigner])


def test_a_stale_old_size_gets_409_with_the_size_the_witness_knows(witness: Witness) -> None:
    t = tree(9)
    witness.add_checkpoint(extend(t, 0, 4))

    stale = refusal(witness, extend(t, 0, 9))
    ahead = refusal(witness, extend(t, 6, 9))

    assert (stale.status, stale.body, stale.content_type) == (409, "4\n", "text/x.tlog.size")
    assert (ahead.status, ahead.body) == (409, "4\n")
    witness.add_checkpoint(extend(t, 4, 9))  # retried from the size it gave


def test_a_fork_is_refused_and_the_recorded_state_stays(
    witness: Witness, state: StateDirectory
) -> None:
    honest, forked = tree(8), tree(8, salt=b"fork")
    witness.add_checkpoint(extend(honest, 0, 5))
    before = (state.path / f"{origin_hash(ORIGIN)}.json").read_bytes()
    # The forked tree, with a proof that holds within it but not from what was cosigned.
    fork = body(5, forked.consistency_proof(5, 8), note(8, forked.root(8)))
    # Another history with the same size as the cosigned one.
    same_size = body(5, [], note(5, forked.root(5)))
    wrong_proof = body(5, honest.consistency_proof(4, 8), note(8, honest.root(8)))

    for submission in (fork, same_size, wrong_proof):
        assert refusal(witness, submission).status == 422
    assert (state.path / f"{origin_hash(ORIGIN)}.json").read_bytes() == before
    witness.add_checkpoint(extend(honest, 5, 8))


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("unknown log", 404),
        ("another key", 403),
        ("bad signature", 403),
        ("old above size", 400),
        ("empty tree with a root", 422),
        ("proof from size 0", 422),
        ("64 proof lines", 400),
        ("no old line", 400),
        ("old with leading zero", 400),
        ("not a hash", 400),
        ("not a signed note", 400),
    ],
)
def test_each_bad_submission_gets_the_status_the_spec_gives(
    witness: Witness, name: str, status: int
) -> None:
    t = tree(4)
    good = note(4, t.root())
    submissions = {
        "unknown log": body(0, [], note(4, t.root(), origin="other.nx/log")),
        "another key": body(0, [], note(4, t.root(), key=Ed25519PrivateKey.generate())),
        "bad signature": body(0, [], good.replace(b"\n4\n", b"\n5\n")),
        "old above size": body(5, [], good),
        "empty tree with a root": body(0, [], note(0, t.root())),
        "proof from size 0": body(0, [t.root()], good),
        "64 proof lines": body(0, [t.root()] * 64, good),
        "no old line": b"\n" + good,
        "old with leading zero": b"old 00\n\n" + good,
        "not a hash": b"old 0\nAAAA\n\n" + good,
        "not a signed note": body(0, [], TreeHead(ORIGIN, 4, t.root()).text.encode()),
    }

    assert refusal(witness, submissions[name]).status == status


def test_the_empty_tree_is_cosigned_with_its_own_root(witness: Witness) -> None:
    assert witness.add_checkpoint(body(0, [], note(0, EMPTY_ROOT)))


def test_a_restarted_witness_goes_on_from_its_recorded_state(tmp_path: Path) -> None:
    t = tree(12)
    first = StateDirectory(tmp_path / "state")
    Witness(KEY, [LOG], first).add_checkpoint(extend(t, 0, 7))
    first.close()

    again = StateDirectory(tmp_path / "state")
    try:
        restarted = Witness(KEY, [LOG], again)
        assert refusal(restarted, extend(t, 0, 12)).body == "7\n"
        assert restarted.add_checkpoint(extend(t, 7, 12))
    finally:
        again.close()
    assert sorted(p.name for p in (tmp_path / "state").iterdir()) == [
        f"{origin_hash(ORIGIN)}.json",
        "lock",
    ]


def test_two_witnesses_cannot_share_one_state_directory(state: StateDirectory) -> None:
    with pytest.raises(WitnessStateError, match="Another witness process holds"):
        StateDirectory(state.path)


def test_a_damaged_state_is_refused_rather_than_taken_for_a_new_log(
    witness: Witness, state: StateDirectory
) -> None:
    t = tree(3)
    witness.add_checkpoint(extend(t, 0, 3))
    (state.path / f"{origin_hash(ORIGIN)}.json").write_text('{"origin": ')

    with pytest.raises(WitnessStateError, match="damaged"):
        witness.add_checkpoint(extend(t, 0, 3))


def test_concurrent_submissions_never_roll_the_recorded_size_back(witness: Witness) -> None:
    t = tree(64)
    witness.add_checkpoint(extend(t, 0, 1))
    results: list[int] = []
    start = threading.Barrier(8)

    def submit(size: int) -> None:
        start.wait()
        try:
            witness.add_checkpoint(extend(t, 1, size))
            results.append(size)
        except WitnessRefusalError as e:
            results.append(-e.status)

    threads = [threading.Thread(target=submit, args=(8 * i,)) for i in range(1, 9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    cosigned = [size for size in results if size > 0]
    assert len(cosigned) == 1
    assert sorted(results)[:-1] == [-409] * 7
    assert refusal(witness, extend(t, 0, 64)).body == f"{cosigned[0]}\n"
