"""docker-compose.yml run as processes on this machine, without a Docker engine.

Every service is started with the command, environment, secrets and volumes the compose file
gives it, in the order its ``depends_on`` conditions say; only the places change, never what
runs: container paths (``/run/secrets/…``, volumes, bind mounts) become directories of the
test's own, ``service:port`` addresses become ``127.0.0.1:<free port>``, and listening ports
are free ones. ``postgres`` is a throwaway cluster set up as the official image would (its
superuser and database from the service's environment, then its ``docker-entrypoint-initdb.d``
scripts); ``prometheus`` is Debian's binary. Images without a binary here (Grafana) are left out.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx
import psycopg
import yaml
from psycopg import sql

from tests.e2e._cluster import Cluster, throwaway_cluster
from tests.e2e._server import CLI, free_port

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
ONE_SHOT_TIMEOUT_SECONDS = 60.0
HEALTHY_TIMEOUT_SECONDS = 60.0
_PORT_OPTIONS = ("--port", "--metrics-port")


def load_compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    return loaded


def start_order(services: dict[str, dict[str, Any]]) -> list[str]:
    """The services in an order that starts each after everything it depends on."""
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"depends_on cycle: {' -> '.join((*path, name))}"
        if name in order:
            return
        for dependency in sorted(_depends_on(services[name])):
            visit(dependency, (*path, name))
        order.append(name)

    for name in sorted(services):
        visit(name, ())
    return order


def _depends_on(service: dict[str, Any]) -> dict[str, str]:
    declared = service.get("depends_on") or {}
    if isinstance(declared, list):
        return dict.fromkeys(declared, "service_started")
    return {name: str(spec.get("condition", "service_started")) for name, spec in declared.items()}


@dataclass
class Process:
    name: str
    process: subprocess.Popen[bytes]
    log: Path
    files: tuple[IO[bytes], ...]

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        for f in self.files:
            f.close()


@dataclass
class Stack:
    """The running stack: where each service listens, what it printed."""

    root: Path
    compose: dict[str, Any]
    postgres: Cluster | None = None
    ports: dict[str, int] = field(default_factory=dict)  # "service:container port" -> host port
    mounts: dict[str, Path] = field(default_factory=dict)  # container path -> host path
    processes: dict[str, Process] = field(default_factory=dict)
    completed: dict[str, list[subprocess.CompletedProcess[str]]] = field(default_factory=dict)

    @property
    def services(self) -> dict[str, dict[str, Any]]:
        services: dict[str, dict[str, Any]] = self.compose["services"]
        return services

    def url(self, service: str, port: int) -> str:
        return f"http://127.0.0.1:{self.ports[f'{service}:{port}']}"

    # -- the places, translated --------------------------------------------------------------

    def path(self, value: str) -> str:
        """A container path as the host's: the longest mount it lies under decides."""
        for inside in sorted(self.mounts, key=len, reverse=True):
            if value == inside or value.startswith(inside.rstrip("/") + "/"):
                return str(self.mounts[inside]) + value[len(inside.rstrip("/")) :]
        return value

    def word(self, value: str) -> str:
        """One word of a command or an environment value: a path, or ``--option=path``."""
        option, equals, rest = value.partition("=")
        if equals and option.startswith("--"):
            return f"{option}={self.path(rest)}"
        return self.path(value)

    def addresses(self, text: str) -> str:
        """``service:port`` as ``127.0.0.1:<host port>`` (what compose's network resolves)."""
        for address, port in self.ports.items():
            text = re.sub(rf"\b{re.escape(address)}\b", f"127.0.0.1:{port}", text)
        return text

    def command(self, name: str) -> list[str]:
        words = [str(w) for w in self.services[name]["command"]]
        translated = [self.word(w) for w in words]
        for i, w in enumerate(words[:-1]):
            if w in _PORT_OPTIONS:
                translated[i + 1] = str(self.ports[f"{name}:{words[i + 1]}"])
            if w in ("--host", "--metrics-host"):
                translated[i + 1] = "127.0.0.1"
        if translated[0] == "sme-ledger":
            translated[0] = str(CLI)
        return translated

    def environment(self, name: str) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("LEDGER_", "PYTHON", "PROMETHEUS_MULTIPROC_DIR"))
        }
        env.pop("COLUMNS", None)
        env["PYTHONUNBUFFERED"] = "1"
        declared = self.services[name].get("environment") or {}
        env.update({k: self.word(str(v)) for k, v in declared.items()})
        return env

    # -- starting ----------------------------------------------------------------------------

    def prepare(self) -> None:
        """Secrets made by deploy/make-secrets.sh, volumes as directories, ports chosen."""
        deploy = self.root / "deploy"
        deploy.mkdir()
        script = deploy / "make-secrets.sh"
        shutil.copy(REPO / "deploy" / "make-secrets.sh", script)
        subprocess.run(["sh", str(script)], check=True, capture_output=True, timeout=30)
        secrets = deploy / "secrets"
        for name, service in self.services.items():
            for published in service.get("ports") or []:
                self.ports[f"{name}:{str(published).rsplit(':', 1)[-1]}"] = free_port()
            words = [str(w) for w in service.get("command") or []]
            for i, w in enumerate(words[:-1]):
                if w in _PORT_OPTIONS:
                    self.ports[f"{name}:{words[i + 1]}"] = free_port()
        self.ports.setdefault("postgres:5432", free_port())
        for secret_file in secrets.iterdir():
            secret_file.write_text(self.addresses(secret_file.read_text("utf-8")), "utf-8")
        self.mounts["/run/secrets"] = secrets
        for service in self.services.values():
            for volume in service.get("volumes") or []:
                source, inside = str(volume).split(":")[:2]
                if source.startswith("."):
                    self.mounts.setdefault(inside, REPO / source)
                else:
                    host = self.root / "volumes" / source
                    host.mkdir(parents=True, exist_ok=True)
                    self.mounts.setdefault(inside, host)

    def run_one_shot(self, name: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            self.command(name),
            env=self.environment(name),
            capture_output=True,
            text=True,
            timeout=ONE_SHOT_TIMEOUT_SECONDS,
            check=False,
            cwd=self.root,
        )
        self.completed.setdefault(name, []).append(done)
        return done

    def spawn(self, name: str, args: list[str], env: dict[str, str]) -> Process:
        log = self.root / f"{name}.log"
        out = log.open("wb")
        process = subprocess.Popen(args, env=env, stdout=out, stderr=out, cwd=self.root)
        self.processes[name] = Process(name, process, log, (out,))
        return self.processes[name]

    def healthy(self, name: str) -> bool:
        """The service's own healthcheck, run as compose would (``CMD`` form)."""
        check = self.services[name].get("healthcheck")
        if name in self.processes and self.processes[name].process.poll() is not None:
            raise AssertionError(f"{name} exited:\n{self.processes[name].output()[-3000:]}")
        if check is None or check.get("disable"):
            return True
        words = [self.addresses(self._local(name, str(w))) for w in check["test"]]
        if words[0] == "CMD-SHELL":
            # Inside the postgres container, the server is the local one on 5432.
            env = dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(self.ports["postgres:5432"]))
            done = subprocess.run(["sh", "-c", words[1]], env=env, capture_output=True, timeout=10)
            return done.returncode == 0
        assert words[0] == "CMD", f"{name}: a healthcheck is CMD or CMD-SHELL"
        if words[1] == "python":
            done = subprocess.run([sys.executable, *words[2:]], capture_output=True, timeout=10)
            return done.returncode == 0
        if words[1] == "wget":
            try:
                return httpx.get(words[-1], timeout=3).status_code == 200
            except httpx.TransportError:
                return False
        raise AssertionError(f"{name}: no way to run the healthcheck {words}")

    def _local(self, name: str, text: str) -> str:
        """``127.0.0.1:<container port>`` inside a service's own healthcheck: its host port."""
        for address, port in self.ports.items():
            service, inside = address.split(":")
            if service == name:
                text = text.replace(f"127.0.0.1:{inside}", f"127.0.0.1:{port}")
        return text

    def wait_healthy(self, name: str) -> None:
        deadline = time.monotonic() + HEALTHY_TIMEOUT_SECONDS
        while not self.healthy(name):
            assert time.monotonic() < deadline, f"{name} never became healthy"
            time.sleep(0.3)

    def stop(self) -> None:
        for process in reversed(list(self.processes.values())):
            process.stop()


def start_postgres(stack: Stack, cluster: Cluster) -> None:
    """What the postgres image does on an empty volume: its superuser and database from
    POSTGRES_USER / POSTGRES_PASSWORD_FILE / POSTGRES_DB, then its initdb.d scripts."""
    env = stack.services["postgres"]["environment"]
    user, database = env["POSTGRES_USER"], env["POSTGRES_DB"]
    password = Path(stack.path(env["POSTGRES_PASSWORD_FILE"])).read_text("utf-8")
    local = f"host={cluster.directory} port={cluster.port} user=postgres dbname=postgres"
    with psycopg.connect(local, autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE ROLE {} SUPERUSER LOGIN PASSWORD {}").format(
                sql.Identifier(user), sql.Literal(password)
            )
        )
        conn.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(database), sql.Identifier(user)
            )
        )
    for inside, host in sorted(stack.mounts.items()):
        if inside.startswith("/docker-entrypoint-initdb.d/"):
            _run_init_script(stack, host, cluster, user, database)


def _run_init_script(stack: Stack, script: Path, cluster: Cluster, user: str, db: str) -> None:
    text = script.read_text("utf-8").replace("/run/secrets/", f"{stack.mounts['/run/secrets']}/")
    env = dict(os.environ, POSTGRES_USER=user, POSTGRES_DB=db, PGHOST=str(cluster.directory),
               PGPORT=str(cluster.port))  # fmt: skip
    done = subprocess.run(["sh", "-c", text], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, f"{script.name}: {done.stderr}"


@contextmanager
def compose_stack(root: Path, skip: frozenset[str]) -> Iterator[Stack]:
    """The stack, up: each service started once its dependencies' conditions hold."""
    stack = Stack(root, load_compose())
    stack.prepare()
    # The image's own rule: passwords for TCP connections, trust on the local socket.
    with throwaway_cluster(
        port=stack.ports["postgres:5432"], initdb_options=("--auth-host=scram-sha-256",)
    ) as cluster:
        stack.postgres = cluster
        try:
            for name in start_order(stack.services):
                if name in skip:
                    continue
                for dependency, condition in _depends_on(stack.services[name]).items():
                    if condition == "service_healthy":
                        stack.wait_healthy(dependency)
                    if condition == "service_completed_successfully":
                        (done,) = stack.completed[dependency]
                        assert done.returncode == 0, f"{dependency}: {done.stdout}{done.stderr}"
                _start(stack, name, cluster)
            yield stack
        finally:
            stack.stop()


def _start(stack: Stack, name: str, cluster: Cluster) -> None:
    service = stack.services[name]
    if name == "postgres":
        start_postgres(stack, cluster)
    elif "build" in service and service.get("restart") == "no":
        stack.run_one_shot(name)
    elif "build" in service:
        stack.spawn(name, stack.command(name), stack.environment(name))
    elif str(service.get("image", "")).startswith("prom/prometheus"):
        start_prometheus(stack, name)
    else:
        raise AssertionError(f"no way to run {name} ({service.get('image')}) here")


def start_prometheus(stack: Stack, name: str) -> None:
    """Debian's prometheus with the shipped configuration, its targets' addresses translated
    and scraped every second rather than every 15 s (so the test waits seconds, not minutes)."""
    binary = shutil.which("prometheus")
    assert binary is not None, "prometheus is missing: .ci/run installs Debian's package"
    config_inside = next(
        w.split("=", 1)[1] for w in stack.services[name]["command"] if "config.file" in w
    )
    shipped = Path(stack.path(config_inside))
    copy = stack.root / "etc-prometheus"
    shutil.copytree(shipped.parent, copy)
    config = yaml.safe_load(stack.addresses(shipped.read_text("utf-8")))
    config["global"] |= {"scrape_interval": "1s", "evaluation_interval": "1s"}
    (copy / shipped.name).write_text(yaml.safe_dump(config), "utf-8")
    stack.mounts[str(Path(config_inside).parent)] = copy
    args = [binary, *(stack.word(str(w)) for w in stack.services[name]["command"])]
    args.append(f"--web.listen-address=127.0.0.1:{stack.ports[f'{name}:9090']}")
    stack.spawn(name, args, stack.environment(name))
