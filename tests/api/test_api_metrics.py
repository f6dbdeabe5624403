"""The API's own series in a scrape: what is running, where the log ends, how old the latest
checkpoint is, the commands the full group-commit queue refused, and no pool on SQLite."""

from __future__ import annotations

import threading
from datetime import timedelta

import httpx
import pytest
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from runtime.audit import measure_checkpoints
from runtime.build import build_labels
from runtime.workers import WorkerMetrics
from tests._audit import seal
from tests.api._support import Api, MakeApi, opening_body
from tests.application.test_group_commit import WAIT_SECONDS, HeldSaves, queued

AGE = "ledger_checkpoint_age_seconds"
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(api: Api) -> Samples:
    response = api.client.get("/metrics")
    assert response.status_code == 200
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples[(name, tuple(sorted(labels.items())))]


def test_the_build_is_one_sample_at_1_with_the_labels_of_the_workers(api: Api) -> None:
    samples = scrape(api)

    builds = [(dict(k), v) for (name, k), v in samples.items() if name == "ledger_build_info"]
    worker = WorkerMetrics("seal").registry
    worker_labels = {
        label for metric in worker.collect() for s in metric.samples for label in s.labels
    }
    assert builds == [(build_labels("api"), 1.0)]
    assert set(builds[0][0]) == worker_labels == {"version", "python", "worker"}


def test_the_log_head_is_the_position_of_the_last_write(api: Api) -> None:
    first = api.open_case()
    assert value(scrape(api), "ledger_log_head_position") == first["position"]

    last = api.open_case()

    assert last["position"] > first["position"]
    assert value(scrape(api), "ledger_log_head_position") == last["position"]


def test_the_checkpoint_age_is_0_before_the_first_and_counts_from_the_latest(
    make_api: MakeApi,
) -> None:
    api = make_api(sealer="off")  # the test seals when it means to
    api.open_case()
    before = value(scrape(api), AGE)

    checkpoint = seal(api.ledger)
    sealed = value(scrape(api), AGE)
    store = api.client.app.state.audit.store  # type: ignore[attr-defined]
    measure_checkpoints(store, clock=lambda: checkpoint.sealed_at + timedelta(seconds=90))

    assert before == 0
    assert 0 < sealed < 30
    assert REGISTRY.get_sample_value(AGE) == 90


@pytest.fixture
def small_queue_api(make_api: MakeApi) -> Api:
    return make_api(group_commit_max_queue=1)


def test_a_command_refused_by_the_full_queue_is_counted(
    small_queue_api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = small_queue_api
    series = "ledger_group_commit_refused_commands_total"
    before = value(scrape(api), series)
    held = HeldSaves(api.ledger, monkeypatch)
    answers: list[httpx.Response] = []

    def post() -> None:
        answers.append(api.post("/v1/service-cases", key=api.keys.window_a, json=opening_body()))

    writers = [threading.Thread(target=post) for _ in range(2)]
    writers[0].start()
    assert held.entered.wait(WAIT_SECONDS)
    writers[1].start()
    committer = api.ledger.uow.committer
    assert committer is not None
    queued(committer, 1)
    refused = api.post("/v1/service-cases", key=api.keys.window_a, json=opening_body())
    held.release.set()
    for writer in writers:
        writer.join(WAIT_SECONDS)

    assert refused.status_code == 503
    assert [a.status_code for a in answers] == [201, 201]
    assert value(scrape(api), series) == before + 1


def test_on_sqlite_there_is_no_pool_and_no_pool_sample(api: Api) -> None:
    samples = scrape(api)

    assert not [name for name, _ in samples if name.startswith("ledger_db_pool_")]
