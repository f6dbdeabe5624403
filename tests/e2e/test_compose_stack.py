"""The reference stack of docker-compose.yml, end to end: its own commands, environment,
secrets and volumes, run as processes (tests/e2e/_compose.py), so the file and this test
cannot drift apart. Grafana has no binary here; its dashboard's every query is run against
the stack's Prometheus instead."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.e2e._compose import REPO, Stack, compose_stack
from tests.e2e._server import CLI, KEY

WAIT_SECONDS = 45.0
DASHBOARDS = REPO / "deploy" / "grafana" / "dashboards"
RULES = REPO / "deploy" / "prometheus" / "rules.yml"
WINDOW = {"kind": "window", "name": "石嘴山市中小企业服务窗口", "uscc": "91640100MA7AY4CL31",
          "region": "640200"}  # fmt: skip


def _eventually(what: str, probe: Any) -> Any:
    """``probe()`` once it answers something truthy; fails after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            found = probe()
        except httpx.TransportError:
            found = None
        if found:
            return found
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.3)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if shutil.which("prometheus") is None and not os.environ.get("CI"):
        pytest.skip("prometheus is not installed (apt-get install prometheus)")
    with compose_stack(tmp_path_factory.mktemp("compose"), skip=frozenset({"grafana"})) as up:
        up.wait_healthy("api")
        yield up


@pytest.fixture(scope="module")
def written(stack: Stack) -> int:
    """The log position of a window registered with the admin key the API printed."""
    (admin,) = KEY.findall(stack.processes["api"].output())
    answer = httpx.post(
        f"{stack.url('api', 8000)}/v1/platforms",
        headers={"Authorization": f"Bearer {admin}"},
        json=WINDOW,
        timeout=10.0,
    )
    assert answer.status_code == 201, answer.text
    return int(answer.json()["position"])


def test_every_service_of_the_file_is_started_or_named_as_left_out(stack: Stack) -> None:
    ran = set(stack.processes) | set(stack.completed) | {"postgres"}

    assert ran | {"grafana"} == set(stack.services)
    for name in ("migrate", "keygen"):
        (done,) = stack.completed[name]
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_one_shot_services_run_again_without_harm(stack: Stack) -> None:
    key = Path(stack.path("/keys/seal.pem"))
    before = key.read_bytes()

    again = [stack.run_one_shot("migrate"), stack.run_one_shot("keygen")]

    assert [done.returncode for done in again] == [0, 0], [d.stderr for d in again]
    assert key.read_bytes() == before


def test_a_write_is_projected_by_the_projector_and_sealed_by_the_sealer(
    stack: Stack, written: int
) -> None:
    api = stack.url("api", 8000)
    (admin,) = KEY.findall(stack.processes["api"].output())
    headers = {"Authorization": f"Bearer {admin}"}

    def projected() -> dict[str, Any] | None:
        read = httpx.get(
            f"{api}/v1/views/participants",
            params={"min_position": written},
            headers=headers,
            timeout=10.0,
        )
        return read.json() if read.status_code == 200 else None

    participants = _eventually("the projector brings the view up", projected)
    assert WINDOW["name"] in json.dumps(participants, ensure_ascii=False)
    # An auditor's key, made as an operator would: `docker compose run --rm api sme-ledger keys …`
    made = subprocess.run(
        [str(CLI), "keys", "create", "--role", "auditor", "--name", "compose-e2e"],
        env=stack.environment("api"), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    auditor = {"Authorization": f"Bearer {made.stdout.strip()}"}

    def sealed() -> int | None:
        note = httpx.get(f"{api}/checkpoint", headers=auditor, timeout=10.0)
        size = int(note.text.splitlines()[1]) if note.status_code == 200 else 0
        return size if size >= written else None

    assert _eventually("the sealer signs a checkpoint covering the write", sealed) >= written
    ready = httpx.get(f"{api}/readyz", timeout=10.0).json()
    assert ready["status"] == "ready"


def test_each_worker_serves_its_own_metrics(stack: Stack, written: int) -> None:
    def scrape(service: str, port: int) -> str:
        return httpx.get(f"{stack.url(service, port)}/metrics", timeout=10.0).text

    def caught_up() -> bool:
        text = scrape("projector", 9102)
        found = re.search(r'ledger_projection_position\{projection="directory"\} (\S+)', text)
        return found is not None and float(found[1]) >= written

    _eventually("the projector's metrics show the view at the write", caught_up)

    def sealed() -> str | None:
        text = scrape("sealer", 9101)
        return text if re.search(r"^ledger_checkpoints_written_total [1-9]", text, re.M) else None

    sealer = _eventually("the sealer's metrics count a checkpoint", sealed)
    assert 'worker="seal"' in sealer
    assert "ledger_http_requests_total" not in sealer


def _prometheus(stack: Stack, path: str, **params: str) -> Any:
    answer = httpx.get(f"{stack.url('prometheus', 9090)}{path}", params=params, timeout=10.0)
    body = answer.json()
    assert body["status"] == "success", body
    return body["data"]


def test_prometheus_scrapes_every_target_and_loads_every_rule(stack: Stack, written: int) -> None:
    config = yaml.safe_load((REPO / "deploy" / "prometheus" / "prometheus.yml").read_text("utf-8"))
    jobs = {c["job_name"] for c in config["scrape_configs"]}

    def all_up() -> bool:
        targets = _prometheus(stack, "/api/v1/targets")["activeTargets"]
        return {t["labels"]["job"] for t in targets if t["health"] == "up"} == jobs

    _eventually("every scrape target is up", all_up)
    groups = _prometheus(stack, "/api/v1/rules")["groups"]
    loaded = [r["name"] for g in groups for r in g["rules"]]
    shipped = [
        r.get("alert") or r.get("record")
        for g in yaml.safe_load(RULES.read_text("utf-8"))["groups"]
        for r in g["rules"]
    ]
    assert sorted(loaded) == sorted(shipped)
    assert [r["lastError"] for g in groups for r in g["rules"] if r.get("lastError")] == []


def _dashboard_queries() -> list[tuple[str, str, str]]:
    queries = []
    for path in sorted(DASHBOARDS.glob("*.json")):
        for panel in json.loads(path.read_text("utf-8"))["panels"]:
            for target in panel.get("targets", []):
                queries.append((path.name, panel["title"], target["expr"]))
    return queries


def test_the_dashboard_is_provisioned_from_the_files_compose_mounts() -> None:
    grafana = yaml.safe_load((REPO / "docker-compose.yml").read_text("utf-8"))["services"]
    mounts = {inside: source for source, inside, *_ in
              (str(v).split(":") for v in grafana["grafana"]["volumes"])}  # fmt: skip
    provider = yaml.safe_load(
        (REPO / mounts["/etc/grafana/provisioning"].lstrip("./")
         / "dashboards" / "ledger.yml").read_text("utf-8"))  # fmt: skip
    (path,) = [p["options"]["path"] for p in provider["providers"]]

    assert (REPO / mounts[path]).resolve() == DASHBOARDS
    assert len(_dashboard_queries()) >= 20


def test_every_dashboard_query_runs_and_names_only_series_the_stack_exports(
    stack: Stack, written: int
) -> None:
    recorded = {
        r["record"] for g in yaml.safe_load(RULES.read_text("utf-8"))["groups"]
        for r in g["rules"] if "record" in r
    }  # fmt: skip
    # Every worker scraped at least once after the write, so every series has its samples.
    test_each_worker_serves_its_own_metrics(stack, written)

    def exported() -> set[str] | None:
        names = set(_prometheus(stack, "/api/v1/label/__name__/values"))
        return names if "ledger_checkpoint_age_seconds" in names else None

    names = _eventually("Prometheus has the workers' series", exported)
    # A counter no process has incremented yet has no series with several workers: such a
    # name must at least be one the code defines.
    defined = {
        name for path in sorted(REPO.glob("runtime/*.py"))
        for name in re.findall(r'"(ledger_[a-z0-9_]+)"', path.read_text("utf-8"))
    }  # fmt: skip
    for dashboard, title, expr in _dashboard_queries():
        query = expr.replace("$__rate_interval", "1m")
        _prometheus(stack, "/api/v1/query", query=query)
        for name in re.findall(r"\b(?:up|process_[a-z_]+|ledger[_:][a-z0-9_:]+)\b(?!\s*\()", query):
            base = re.sub(r"_(bucket|sum|count)$", "", name)
            known = name in names | recorded | defined or base in defined
            assert known, f"{dashboard}: {title!r} reads {name}, which nothing exports"
