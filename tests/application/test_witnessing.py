"""The log hands its latest checkpoint to its witnesses: from the size each last acknowledged
(a 409 says which), keeping only cosignatures that verify, and saying what went wrong with
the others. The witnesses here are real ones (:mod:`witness`), reached without HTTP."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from evidence.checkpoint_note import DEFAULT_ORIGIN
from evidence.cosignature import verify_witnessed_checkpoint
from ledger.application.app import LedgerApplication
from ledger.audit.witnessing import Outcome, WitnessEndpoint, Witnessing, parse_witnesses
from tests._audit import append_events, seal, store_of
from tests.application.witness_support import (  # with the fixture witnesses
    LOG,
    direct,
    endpoints,
    served,
    two_witnesses,
)
from witness import Witness, WitnessKey

__all__ = ["two_witnesses"]


def test_each_witness_cosigns_each_new_checkpoint_from_the_last_it_acknowledged(
    ledger: LedgerApplication, witnesses: dict[str, Witness]
) -> None:
    seen: list[Outcome] = []
    calls: list[str] = []
    witnessing = Witnessing(
        store_of(ledger), endpoints(witnesses), post=direct(witnesses, calls), observe=seen.append
    )
    append_events(ledger, 3)
    first = seal(ledger)

    assert [o.outcome for o in witnessing.submit_latest()] == ["cosigned", "cosigned"]
    assert witnessing.submit_latest() == []  # nothing new: nobody is asked again
    append_events(ledger, 4)
    second = seal(ledger)
    witnessing.submit_latest()

    assert [c.split(" ", 1)[1] for c in calls] == [
        "old 0",
        "old 0",
        f"old {first.tree_size}",
        f"old {first.tree_size}",
    ]
    assert [o.tree_size for o in seen] == [first.tree_size] * 2 + [second.tree_size] * 2
    keys = [w.key.cosigner for w in witnesses.values()]
    witnessed = verify_witnessed_checkpoint(served(ledger), [LOG], keys, 2, DEFAULT_ORIGIN)
    assert witnessed.head.tree_size == second.tree_size


def test_a_sealer_that_lost_a_cosignature_learns_the_size_from_409_and_retries_from_it(
    ledger: LedgerApplication, witnesses: dict[str, Witness]
) -> None:
    append_events(ledger, 2)
    first = seal(ledger)
    (url, witness), *_ = witnesses.items()
    # Cosigned, but the sealer stopped before it kept the cosignature.
    witness.add_checkpoint(b"old 0\n\n" + served(ledger))
    append_events(ledger, 2)
    seal(ledger)
    calls: list[str] = []
    witnessing = Witnessing(
        store_of(ledger),
        [WitnessEndpoint(witness.key.cosigner, url)],
        post=direct(witnesses, calls),
    )

    (outcome,) = witnessing.submit_latest()

    assert outcome.outcome == "cosigned"
    assert [c.split(" ", 1)[1] for c in calls] == ["old 0", f"old {first.tree_size}"]


def test_a_witness_that_is_away_or_answers_nonsense_is_reported_not_kept(
    ledger: LedgerApplication, witnesses: dict[str, Witness]
) -> None:
    append_events(ledger, 2)
    seal(ledger)
    keys = endpoints(witnesses)

    def away(url: str, body: bytes, timeout: float) -> tuple[int, str]:
        raise TimeoutError("timed out")

    def forger(url: str, body: bytes, timeout: float) -> tuple[int, str]:
        prefix, _, encoded = direct(witnesses)(url, body, timeout)[1].rpartition(" ")
        raw = bytearray(base64.b64decode(encoded))
        raw[-1] ^= 1  # the last byte of the signature
        return 200, f"{prefix} {base64.b64encode(bytes(raw)).decode()}\n"

    def broken(url: str, body: bytes, timeout: float) -> tuple[int, str]:
        return 503, "down for maintenance"

    outcomes = {
        name: Witnessing(store_of(ledger), keys[:1], post=post).submit_latest()[0]
        for name, post in (("away", away), ("forger", forger), ("broken", broken))
    }

    assert outcomes["away"].outcome == "unavailable"
    assert "timed out" in outcomes["away"].detail
    assert outcomes["forger"].outcome == "refused"
    assert "cosignature of" in outcomes["forger"].detail
    assert "does not verify" in outcomes["forger"].detail
    assert outcomes["broken"].outcome == "unavailable"
    assert store_of(ledger).cosignatures(outcomes["away"].tree_size) == []


def test_a_witness_refuses_a_forked_history_and_it_is_not_cosigned(
    ledger: LedgerApplication,
    witnesses: dict[str, Witness],
    make_ledger: Callable[[str], LedgerApplication],
    tmp_path: Path,
) -> None:
    append_events(ledger, 3)
    cp = seal(ledger)
    Witnessing(store_of(ledger), endpoints(witnesses), post=direct(witnesses)).submit_latest()
    # Another history under the same key and origin: a log rewritten and re-sealed.
    fork = make_ledger(f"sqlite:///{tmp_path / 'fork.sqlite'}")
    append_events(fork, 6)
    seal(fork)
    forked = Witnessing(store_of(fork), endpoints(witnesses), post=direct(witnesses))

    outcomes = forked.submit_latest()  # from 0, then (409) from what the witnesses cosigned

    assert [o.outcome for o in outcomes] == ["refused", "refused"]
    assert all(f"422: not consistent with tree size {cp.tree_size}" in o.detail for o in outcomes)
    assert store_of(fork).cosignatures(outcomes[0].tree_size) == []


def test_the_witnesses_setting_reads_keys_and_urls_and_refuses_what_it_cannot_use() -> None:
    a, b = WitnessKey.generate("bureau.nx/w").cosigner, WitnessKey.generate("audit.nx/w").cosigner

    parsed = parse_witnesses(f"{a}=http://bureau:7380/, {b}=https://audit.example/w\n")

    assert parsed == [
        WitnessEndpoint(a, "http://bureau:7380"),
        WitnessEndpoint(b, "https://audit.example/w"),
    ]
    assert parse_witnesses("") == []
    refused = {
        f"{a}": "is not <witness verifier key>=<http",
        f"{a}=ftp://x": "is not <witness verifier key>=<http",
        f"{LOG}=http://x": "its key type is 01, not 04",
        f"{a}=http://x {a}=http://y": "is listed twice",
    }
    for wrong, reason in refused.items():
        with pytest.raises(ValueError, match=re.escape(reason)):
            parse_witnesses(wrong)
