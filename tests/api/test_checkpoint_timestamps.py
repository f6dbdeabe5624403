"""RFC 3161 timestamps of checkpoints, against a time-stamping authority the test starts
(``openssl ts``): obtained after sealing, served, verified offline, and never in the way of
sealing when the authority is away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app as cli
from evidence.timestamp import REPLY_TYPE, load_certificates
from ledger.audit.timestamping import FAILED, OBTAINED, Timestamping
from runtime.workers import SealMetrics
from tests._audit import append_events, sealer_for, store_of
from tests._tsa import Tsa, running_tsa
from tests.api._support import STORES, Api, MakeApi, assert_problem, store_url


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tsa]:
    with running_tsa(tmp_path_factory.mktemp("tsa")) as authority:
        yield authority


@pytest.fixture
def api(make_api: MakeApi) -> Api:
    """The API with the in-process sealer off: the tests seal and timestamp when they mean to."""
    return make_api(sealer="off")


def _timestamping(api: Api, tsa: Tsa, metrics: SealMetrics | None = None) -> Timestamping:
    return Timestamping(
        store_of(api.ledger),
        tsa.url,
        roots=load_certificates(tsa.ca_file.read_bytes()),
        timeout=5,
        observe=None if metrics is None else metrics.stamped,
    )


def _verify(*args: str | Path) -> tuple[int, str]:
    done = CliRunner().invoke(cli, ["audit", "verify-timestamp", *map(str, args)])
    return done.exit_code, " ".join(done.output.split())


def _counted(metrics: SealMetrics, outcome: str) -> float:
    value = metrics.registry.get_sample_value(
        "ledger_checkpoint_timestamps_total", {"outcome": outcome}
    )
    return value or 0.0


def test_a_checkpoint_gets_a_timestamp_that_is_served_and_verifies_offline_with_the_tsa_ca(
    api: Api, tsa: Tsa, tmp_path: Path
) -> None:
    append_events(api.ledger, 3)
    sealer = sealer_for(api.ledger)
    sealer.seal(force_checkpoint=True)
    first = sealer.checkpoint_size
    append_events(api.ledger, 2)
    sealer.seal(force_checkpoint=True)
    second = sealer.checkpoint_size
    path = f"/v1/audit/checkpoints/{second}/timestamp"
    assert_problem(api.get(path, key=api.keys.auditor), 404, "no_timestamp")

    outcomes = _timestamping(api, tsa).stamp_pending()

    assert [(o.tree_size, o.outcome) for o in outcomes] == [(second, OBTAINED), (first, OBTAINED)]
    served = api.get(path, key=api.keys.bureau)
    assert served.status_code == 200
    assert served.headers["content-type"] == REPLY_TYPE
    store = store_of(api.ledger)
    note, other_note = store.note(second), store.note(first)
    assert note is not None
    assert other_note is not None
    (tmp_path / "note").write_bytes(note)
    (tmp_path / "other-note").write_bytes(other_note)
    (tmp_path / "token").write_bytes(served.content)

    code, said = _verify(tmp_path / "note", tmp_path / "token", "--tsa-ca", tsa.ca_file)
    assert code == 0, said
    assert f"OK tree size {second} " in said
    assert "TSA time (genTime):" in said
    assert "Difference:" in said

    code, said = _verify(tmp_path / "note", tmp_path / "token", "--tsa-ca", tsa.other_ca_file)
    assert code == 1, said
    assert "FAILED" in said

    code, said = _verify(tmp_path / "other-note", tmp_path / "token", "--tsa-ca", tsa.ca_file)
    assert code == 1, said
    assert "Mismatch between messages" in said


def test_a_tsa_that_is_down_does_not_stop_sealing_and_the_token_comes_on_a_later_round(
    api: Api, tsa: Tsa
) -> None:
    metrics = SealMetrics()
    timestamping = _timestamping(api, tsa, metrics)
    sealer = sealer_for(api.ledger)
    append_events(api.ledger, 2)
    tsa.up = False
    try:
        report = sealer.seal(force_checkpoint=True)
        outcomes = timestamping.stamp_pending()
    finally:
        tsa.up = True

    assert len(report.checkpoints) == 1
    size = report.checkpoints[0].tree_size
    assert [(o.tree_size, o.outcome) for o in outcomes] == [(size, FAILED)]
    assert _counted(metrics, FAILED) == 1
    assert store_of(api.ledger).timestamp(size) is None
    assert_problem(
        api.get(f"/v1/audit/checkpoints/{size}/timestamp", key=api.keys.auditor),
        404,
        "no_timestamp",
    )

    later = timestamping.stamp_pending()

    assert [(o.tree_size, o.outcome) for o in later] == [(size, OBTAINED)]
    assert _counted(metrics, OBTAINED) == 1
    assert api.get(f"/v1/audit/checkpoints/{size}/timestamp", key=api.keys.hub).status_code == 200
    assert timestamping.stamp_pending() == []
