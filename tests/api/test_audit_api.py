"""The auditor's API: checkpoints, proofs, the public key, and the access audit trail."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from evidence.checkpoint import Checkpoint
from evidence.keys import load_verify_key
from evidence.leaf import LogEntry, entry_hash
from evidence.merkle import verify_consistency, verify_inclusion
from ledger.domain.access_key import Role
from tests._audit import KEY, append_events, seal
from tests.api._support import Api, MakeApi, assert_problem

AUDIT_ROUTES = [
    "/v1/audit/checkpoints/latest",
    "/v1/audit/checkpoints/1",
    "/v1/audit/proof/inclusion?position=1",
    "/v1/audit/proof/consistency?from=1&to=1",
    "/v1/audit/public-key",
    "/v1/audit/verifier-key",
    "/checkpoint",
]


@pytest.fixture
def api(make_api: MakeApi) -> Api:
    """The API with the in-process sealer off: tests seal when they mean to."""
    return make_api(sealer="off")


def test_before_anything_is_sealed_there_is_no_checkpoint(api: Api) -> None:
    response = api.get("/v1/audit/checkpoints/latest", key=api.keys.auditor)

    assert_problem(response, 404, "no_checkpoint")


def test_the_latest_checkpoint_is_signed_by_the_served_public_key(api: Api) -> None:
    sealed = seal(api.ledger)

    body = api.get("/v1/audit/checkpoints/latest", key=api.keys.auditor).json()
    key_body = api.get("/v1/audit/public-key", key=api.keys.auditor).json()

    cp = Checkpoint.from_json(body)
    assert cp == sealed
    assert body["signed_message"].encode() == cp.message
    assert key_body["key_id"] == KEY.key_id == cp.key_id
    assert cp.signed_by(load_verify_key(key_body["public_key_pem"]))
    assert (
        key_body["keys"][0]["raw_hex"]
        == load_verify_key(key_body["public_key_pem"]).public_key.public_bytes_raw().hex()
    )


def test_a_checkpoint_is_found_by_its_tree_size_and_unknown_sizes_are_named(api: Api) -> None:
    cp = seal(api.ledger)

    found = api.get(f"/v1/audit/checkpoints/{cp.tree_size}", key=api.keys.bureau)
    missing = api.get(f"/v1/audit/checkpoints/{cp.tree_size + 5}", key=api.keys.bureau)

    assert found.json()["root_hash"] == cp.root_hash.hex()
    assert_problem(missing, 404, "unknown_tree_size")


def test_an_inclusion_proof_by_position_verifies_against_the_checkpoint(api: Api) -> None:
    cp = seal(api.ledger)
    n = list(api.ledger.scan())[3]

    body = api.get("/v1/audit/proof/inclusion", key=api.keys.hub, params={"position": n.id}).json()

    assert body["tree_size"] == cp.tree_size
    assert body["leaf_hash"] == entry_hash(LogEntry.of(n)).hex()
    verify_inclusion(
        body["leaf_index"],
        cp.tree_size,
        entry_hash(LogEntry.of(n)),
        [bytes.fromhex(h) for h in body["path"]],
        cp.root_hash,
    )


def test_an_event_after_the_latest_checkpoint_is_not_sealed_yet(api: Api) -> None:
    seal(api.ledger)
    append_events(api.ledger, 1)

    response = api.get(
        "/v1/audit/proof/inclusion", key=api.keys.auditor, params={"position": api.head()}
    )

    assert_problem(response, 404, "position_not_sealed")


def _two_checkpoints(api: Api, events_between: int) -> tuple[Checkpoint, Checkpoint]:
    """A checkpoint, ``events_between`` more events, and a second checkpoint."""
    old = seal(api.ledger)
    append_events(api.ledger, events_between)
    return old, seal(api.ledger)


def _consistency(api: Api, first: Checkpoint, second: Checkpoint) -> httpx.Response:
    """The auditor asks for the proof from ``first``'s tree to ``second``'s."""
    return api.get(
        "/v1/audit/proof/consistency",
        key=api.keys.auditor,
        params={"from": first.tree_size, "to": second.tree_size},
    )


def test_a_consistency_proof_links_two_checkpoints(api: Api) -> None:
    old, new = _two_checkpoints(api, 5)

    body = _consistency(api, old, new).json()

    verify_consistency(
        old.tree_size,
        new.tree_size,
        old.root_hash,
        new.root_hash,
        [bytes.fromhex(h) for h in body["path"]],
    )


def test_a_consistency_proof_backwards_is_refused(api: Api) -> None:
    old, new = _two_checkpoints(api, 2)

    response = _consistency(api, new, old)

    assert_problem(response, 422, "invalid_tree_range")


@pytest.mark.parametrize("role", [Role.ADMIN, Role.WINDOW, Role.INSTITUTION])
@pytest.mark.parametrize("route", AUDIT_ROUTES)
def test_the_audit_routes_refuse_other_roles(api: Api, role: Role, route: str) -> None:
    seal(api.ledger)

    assert_problem(api.get(route, key=api.keys.for_role(role)), 403, "forbidden_role")


@pytest.mark.parametrize("role", [Role.HUB, Role.BUREAU, Role.ADMIN, Role.WINDOW])
def test_only_auditors_read_the_access_trail(api: Api, role: Role) -> None:
    response = api.get("/v1/audit/access", key=api.keys.for_role(role))

    assert_problem(response, 403, "forbidden_role")


# --- the access audit trail ----------------------------------------------------------------


def _records(api: Api, **params: str) -> list[dict[str, object]]:
    response = api.get("/v1/audit/access", key=api.keys.auditor, params=params)
    assert response.status_code == 200, response.text
    records: list[dict[str, object]] = response.json()["records"]
    return records


def test_every_request_for_ledger_data_leaves_an_access_record(api: Api) -> None:
    case = api.open_case()
    read = api.get(f"/v1/service-cases/{case['id']}", key=api.keys.window_a)

    records = _records(api)

    mine = [r for r in records if r["request_id"] == read.headers["x-request-id"]]
    assert len(mine) == 1
    record = mine[0]
    assert record["route"] == "/v1/service-cases/{case_id}"
    assert record["resource_id"] == case["id"]
    assert record["method"] == "GET"
    assert record["status"] == 200
    assert record["role"] == "window"
    assert str(record["principal"]).startswith("key:")
    assert any(r["method"] == "POST" and r["status"] == 201 for r in records)


def test_refused_and_anonymous_requests_are_recorded_too(api: Api) -> None:
    anonymous = api.get("/v1/events", key=None)
    refused = api.get("/v1/events", key=api.keys.window_a)

    records = {r["request_id"]: r for r in _records(api)}

    assert records[anonymous.headers["x-request-id"]]["principal"] == "anonymous"
    assert records[anonymous.headers["x-request-id"]]["status"] == 401
    assert records[refused.headers["x-request-id"]]["status"] == 403


def test_health_and_metrics_are_not_ledger_data(api: Api) -> None:
    api.client.get("/healthz")
    api.client.get("/metrics")

    assert all(not str(r["route"]).startswith("/health") for r in _records(api))
    assert all(r["route"] != "/metrics" for r in _records(api))


def test_access_records_are_filtered_by_principal_and_time(api: Api) -> None:
    api.get("/v1/events", key=api.keys.auditor)
    start = api.get("/v1/events", key=api.keys.hub)
    everything = _records(api)
    hub = str(
        next(r for r in everything if r["request_id"] == start.headers["x-request-id"])["principal"]
    )

    by_hub = _records(api, principal=hub)
    by_hub_bare = _records(api, principal=hub.removeprefix("key:"))
    future = _records(api, **{"from": "2999-01-01T00:00:00Z"})

    assert {r["principal"] for r in by_hub} == {hub}
    assert by_hub == by_hub_bare
    assert future == []


def test_the_access_trail_is_paged(api: Api) -> None:
    for _ in range(5):
        api.get("/v1/events", key=api.keys.hub)

    response = api.get("/v1/audit/access", key=api.keys.auditor, params={"limit": 2})

    assert len(response.json()["records"]) == 2
    assert "after=" in response.headers["link"]


def test_the_checkpoint_lag_is_a_prometheus_gauge(api: Api) -> None:
    append_events(api.ledger, 3)

    text = api.client.get("/metrics").text

    assert "ledger_checkpoint_lag_events" in text
    lag = [line for line in text.splitlines() if line.startswith("ledger_checkpoint_lag_events ")]
    assert lag
    assert float(lag[0].split()[1]) == api.head()
    seal(api.ledger)
    sealed = api.client.get("/metrics").text
    assert "ledger_checkpoint_lag_events 0.0" in sealed.splitlines()


# --- the in-process sealer of the embedded set-up ---------------------------------------------


def test_the_embedded_api_seals_by_itself_with_a_key_it_generates(
    make_api: MakeApi, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="api.audit"):
        api = make_api(seal_interval_seconds=0.1, seal_poll_seconds=0.05)
    deadline = time.monotonic() + timedelta(seconds=15).total_seconds()
    response = api.get("/v1/audit/checkpoints/latest", key=api.keys.auditor)
    while response.status_code == 404 and time.monotonic() < deadline:
        time.sleep(0.05)
        response = api.get("/v1/audit/checkpoints/latest", key=api.keys.auditor)

    assert response.status_code == 200, response.text
    key_file = tmp_path / "seal-key.pem"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert sum("generated a sealing key" in m for m in caplog.messages) == 1


def test_an_unusable_sealing_key_leaves_the_api_serving_and_says_why(
    make_api: MakeApi, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "broken.pem"
    broken.write_text("not a key")

    with caplog.at_level("ERROR", logger="api.audit"):
        api = make_api(seal_key_file=broken)

    assert api.client.get("/healthz").status_code == 200
    assert any("not sealing in-process" in m for m in caplog.messages)
