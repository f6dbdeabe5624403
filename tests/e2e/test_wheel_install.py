"""The wheel, installed into a fresh virtualenv outside the source tree, runs a PostgreSQL ledger:
``migrate``, ``serve`` (one write over HTTP), ``project --once`` and ``seal --once``.

Nothing here imports the source tree: the commands run from the new virtualenv with a working
directory outside the repository and no ``PYTHONPATH``, and the test checks where ``ledger``
was imported from. The wheel's dependencies come from the package index (or pip's cache); when
the interpreter the virtualenv is made from does not have the project installed, its packages
are reused (``--system-site-packages``) to save the downloads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.e2e._server import KEY, free_port

REPO = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_SECONDS = 300.0
COMMAND_TIMEOUT_SECONDS = 60.0
READY_TIMEOUT_SECONDS = 30.0
# What the wheel is built from: the source tree without what a checkout accumulates.
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "var", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)


def _base_python() -> str:
    """The interpreter this virtualenv was made from (never a virtualenv's own python)."""
    base = getattr(sys, "_base_executable", None) or sys.executable
    return str(base)


def _has_the_project(python: str, cwd: Path) -> bool:
    probe = (
        "import importlib.util, importlib.metadata as m, sys\n"
        "try:\n    m.distribution('sme-service-ledger')\nexcept m.PackageNotFoundError:\n"
        "    sys.exit(0 if importlib.util.find_spec('ledger') is None else 1)\n"
        "sys.exit(1)\n"
    )
    done = subprocess.run(
        [python, "-c", probe], cwd=cwd, env=_clean_env(), capture_output=True, check=False
    )
    return done.returncode != 0


def _clean_env(**extra: str) -> dict[str, str]:
    """The machine's environment minus anything that would point back at the source tree or
    at another virtualenv, and minus every LEDGER_* setting."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LEDGER_", "PYTHON", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV"))
    }
    env.pop("COLUMNS", None)
    env.update(PYTHONUNBUFFERED="1", PYTHONNOUSERSITE="1", **extra)
    return env


def _run(
    args: list[str], cwd: Path, timeout: float, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=cwd,
        env=_clean_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@dataclass(frozen=True)
class Installed:
    """The wheel installed into its own virtualenv; commands run from ``workdir``."""

    venv: Path
    workdir: Path

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def cli(self, database_url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        path = f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}"
        return _run(
            [str(self.bin / "sme-ledger"), *args],
            self.workdir,
            COMMAND_TIMEOUT_SECONDS,
            LEDGER_DATABASE_URL=database_url,
            PATH=path,
            **env,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    source, dist, workdir = root / "source", root / "dist", root / "work"
    shutil.copytree(REPO, source, ignore=_NOT_SOURCE)
    workdir.mkdir()

    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(source), "-w", str(dist)],
        workdir,
        BUILD_TIMEOUT_SECONDS,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("sme_service_ledger-*.whl")

    base = _base_python()
    share = [] if _has_the_project(base, workdir) else ["--system-site-packages"]
    venv = root / "venv"
    made = _run([base, "-m", "venv", *share, str(venv)], workdir, BUILD_TIMEOUT_SECONDS)
    assert made.returncode == 0, made.stderr
    pip = _run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        workdir,
        BUILD_TIMEOUT_SECONDS,
    )
    assert pip.returncode == 0, pip.stderr
    return Installed(venv, workdir)


def test_the_project_is_imported_from_the_wheel_not_the_source_tree(installed: Installed) -> None:
    done = _run(
        [
            str(installed.bin / "python"),
            "-c",
            "import importlib.util as u\n"
            "for name in ('ledger', 'cli', 'runtime', 'projections', 'api'):\n"
            "    print(u.find_spec(name).origin)",
        ],
        installed.workdir,
        COMMAND_TIMEOUT_SECONDS,
    )

    assert done.returncode == 0, done.stderr
    origins = [Path(line) for line in done.stdout.split()]
    assert len(origins) == 5
    for origin in origins:
        assert origin.is_relative_to(installed.venv), origin
        assert not origin.is_relative_to(REPO), origin


def test_the_installed_wheel_migrates_serves_projects_and_seals_postgres(
    installed: Installed, empty_postgres_url: str, tmp_path: Path
) -> None:
    url = empty_postgres_url

    migrated = installed.cli(url, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert "applied  0001_event_store" in migrated.stdout + migrated.stderr

    created = installed.cli(url, "keys", "create", "--role", "admin", "--name", "wheel-e2e")
    assert created.returncode == 0, created.stderr
    admin = created.stdout.strip()
    assert KEY.fullmatch(admin), created.stdout

    position = _serve_and_register_a_platform(installed, url, admin, tmp_path)

    projected = installed.cli(url, "project", "--once")
    assert projected.returncode == 0, projected.stderr
    status = installed.cli(url, "project", "status")
    assert status.returncode == 0, status.stderr
    assert "directory" in status.stdout

    key_file = tmp_path / "seal.pem"
    made_key = installed.cli(url, "audit", "keygen", str(key_file))
    assert made_key.returncode == 0, made_key.stderr
    sealed = installed.cli(url, "seal", "--once", LEDGER_SEAL_KEY_FILE=str(key_file))
    assert sealed.returncode == 0, sealed.stderr
    assert f"up to position {position}" in sealed.stdout, sealed.stdout


def _serve_and_register_a_platform(installed: Installed, url: str, admin: str, logs: Path) -> int:
    """Start ``sme-ledger serve``, wait for /readyz, register a platform; its log position."""
    port = free_port()
    out, err = (logs / "serve.out").open("wb"), (logs / "serve.err").open("wb")
    env = _clean_env(LEDGER_DATABASE_URL=url, LEDGER_HOST="127.0.0.1", LEDGER_PORT=str(port))
    server = subprocess.Popen(
        [str(installed.bin / "sme-ledger"), "serve"],
        cwd=installed.workdir,
        env=env,
        stdout=out,
        stderr=err,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while True:
            assert server.poll() is None, (logs / "serve.err").read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "sme-ledger serve was never ready"
            try:
                if httpx.get(f"{base}/readyz", timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        answer = httpx.post(
            f"{base}/v1/platforms",
            headers={"Authorization": f"Bearer {admin}"},
            json={
                "kind": "window",
                "name": "银川市中小企业服务窗口",
                "uscc": "91640100MA7AY4CL31",
                "region": "640100",
            },
            timeout=10.0,
        )
        assert answer.status_code in {200, 201}, answer.text
        body = answer.json()
        assert body["kind"] == "window"
        return int(body["position"])
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        out.close()
        err.close()
