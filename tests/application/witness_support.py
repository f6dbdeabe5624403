"""Witnesses for the application tests: real ones (:mod:`witness`), each with its own key and
state, reached in-process instead of over HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from evidence.checkpoint_note import DEFAULT_ORIGIN
from evidence.note import NoteVerifier
from ledger.application.app import LedgerApplication
from ledger.audit.witnessing import WitnessEndpoint
from tests._audit import KEY, store_of
from witness import StateDirectory, Witness, WitnessKey, WitnessRefusalError

LOG = NoteVerifier(DEFAULT_ORIGIN, KEY.public)
Post = Callable[[str, bytes, float], tuple[int, str]]


@pytest.fixture(name="witnesses")
def two_witnesses(tmp_path: Path) -> Iterator[dict[str, Witness]]:
    """Two witnesses, by URL, each with its own key and state."""
    made: dict[str, Witness] = {}
    for name in ("bureau", "audit"):
        state = StateDirectory(tmp_path / name)
        made[f"http://{name}.test"] = Witness(WitnessKey.generate(f"{name}.nx/w"), [LOG], state)
    yield made
    for w in made.values():
        w.state.close()


def endpoints(witnesses: dict[str, Witness]) -> list[WitnessEndpoint]:
    return [WitnessEndpoint(w.key.cosigner, url) for url, w in witnesses.items()]


def direct(witnesses: dict[str, Witness], calls: list[str] | None = None) -> Post:
    """POST to the witness of the URL, in-process."""

    def post(url: str, body: bytes, timeout: float) -> tuple[int, str]:
        assert url.endswith("/add-checkpoint")
        assert timeout == 5.0
        if calls is not None:
            old = body.partition(b"\n")[0].decode()
            calls.append(f"{url} {old}")
        try:
            return 200, witnesses[url.removesuffix("/add-checkpoint")].add_checkpoint(body)
        except WitnessRefusalError as e:
            return e.status, e.body

    return post


def served(ledger: LedgerApplication) -> bytes:
    """The latest note with its cosignatures, as GET /checkpoint serves it."""
    store = store_of(ledger)
    latest = store.latest_note()
    assert latest is not None
    return latest[1] + "".join(c.line for c in store.cosignatures(latest[0])).encode()
