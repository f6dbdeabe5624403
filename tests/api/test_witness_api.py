"""Witnesses end to end, on SQLite and on PostgreSQL: two witnesses, served over HTTP from this
process, cosign each checkpoint the sealer hands them, ``GET /checkpoint`` serves
the note with both cosignatures, and an auditor who requires both gets them; a forked history
is refused by both, and a key that is not a witness's proves nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from evidence.cosignature import verify_witnessed_checkpoint
from evidence.note import NoteError, NoteVerifier
from ledger.application.app import LedgerApplication
from ledger.audit.witnessing import Outcome
from runtime.audit import build_sealer, build_witnessing
from runtime.settings import Settings
from tests._audit import KEY, append_events, store_of
from tests._witnesses import ServedWitness, serve_witnesses
from tests.api._support import STORES, Api, MakeApi, store_url
from witness import WitnessKey

ORIGINS = {store: f"sme-ledger.nx/witnessed-{store}" for store in (*STORES, "fork")}
LOGS = [NoteVerifier(origin, KEY.public) for origin in ORIGINS.values()]


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


@pytest.fixture(scope="module")
def witnesses(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[ServedWitness]]:
    """The bureau's and the audit office's witnesses, for every log of this module."""
    names = ["bureau.nx/witness", "audit.nx/witness"]
    with serve_witnesses(tmp_path_factory.mktemp("witnesses"), names, LOGS) as served:
        yield served


def witnessed_settings(url: str, origin: str, witnesses: list[ServedWitness]) -> Settings:
    return Settings(
        database_url=url,
        sealer="off",
        checkpoint_origin=origin,
        witnesses=", ".join(w.setting for w in witnesses),
        witness_timeout_seconds=10,
    )


def seal_and_witness(ledger: LedgerApplication, settings: Settings) -> list[Outcome]:
    build_sealer(settings, ledger, KEY).seal(force_checkpoint=True)
    witnessing = build_witnessing(settings, store_of(ledger))
    assert witnessing is not None
    return witnessing.submit_latest()


def test_both_witnesses_cosign_each_checkpoint_and_the_served_note_carries_them(
    make_api: MakeApi,
    ledger_url: str,
    witnesses: list[ServedWitness],
    request: pytest.FixtureRequest,
) -> None:
    origin = ORIGINS[request.node.callspec.params["ledger_url"]]
    settings = witnessed_settings(ledger_url, origin, witnesses)
    api: Api = make_api(sealer="off", checkpoint_origin=origin, witnesses=settings.witnesses)
    log_key = NoteVerifier(origin, KEY.public)
    keys = [w.key.cosigner for w in witnesses]

    sizes = []
    for count in (3, 5):  # the second time, each from the size it cosigned the first time
        append_events(api.ledger, count)
        outcomes = seal_and_witness(api.ledger, settings)
        served = api.get("/checkpoint", key=api.keys.auditor)

        assert [o.outcome for o in outcomes] == ["cosigned", "cosigned"], outcomes
        witnessed = verify_witnessed_checkpoint(served.content, [log_key], keys, 2, origin)
        assert sorted(c.witness.label for c in witnessed.cosignatures) == sorted(
            k.label for k in keys
        )
        sizes.append(witnessed.head.tree_size)
    assert sizes[0] < sizes[1]
    again = build_witnessing(settings, store_of(api.ledger))
    assert again is not None
    assert again.submit_latest() == []  # nothing new: no witness is asked again
    stranger = WitnessKey.generate("bureau.nx/witness").cosigner  # the right name, another key
    with pytest.raises(NoteError, match="1 did"):
        verify_witnessed_checkpoint(served.content, [log_key], [keys[1], stranger], 2, origin)
    with pytest.raises(NoteError, match="0 did"):
        verify_witnessed_checkpoint(served.content, [log_key], [stranger], 1, origin)


def test_a_forked_history_is_refused_by_both_witnesses_and_gets_no_cosignature(
    make_ledger: Callable[[str], LedgerApplication],
    witnesses: list[ServedWitness],
    tmp_path: Path,
) -> None:
    origin = ORIGINS["fork"]
    honest_url, forked_url = (f"sqlite:///{tmp_path / name}.sqlite" for name in ("a", "b"))
    honest = make_ledger(honest_url)
    append_events(honest, 4)
    cosigned = seal_and_witness(honest, witnessed_settings(honest_url, origin, witnesses))
    # The same log (its key and origin) rewritten: other events, sealed again.
    forked = make_ledger(forked_url)
    append_events(forked, 9)

    outcomes = seal_and_witness(forked, witnessed_settings(forked_url, origin, witnesses))

    assert [o.outcome for o in cosigned] == ["cosigned", "cosigned"]
    assert [o.outcome for o in outcomes] == ["refused", "refused"]
    assert all("422" in o.detail and "not consistent" in o.detail for o in outcomes)
    assert store_of(forked).cosignatures(outcomes[0].tree_size) == []
    # What each witness holds is still the honest tree it cosigned.
    recorded = [w.witness.state.load(origin) for w in witnesses]
    assert [r.tree_size if r else None for r in recorded] == [cosigned[0].tree_size] * 2
