"""docker-compose.yml kept in step with the code: every variable it sets is a setting, every
command it runs exists, every secret it reads is made by deploy/make-secrets.sh, and every
long-running service restarts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from cli.main import app
from runtime.settings import unknown_variables

ROOT = Path(__file__).resolve().parents[2]
COMPOSE: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
OURS = {name: s for name, s in SERVICES.items() if "build" in s}
ONE_SHOT = {"migrate", "keygen"}


def test_every_ledger_variable_is_a_setting() -> None:
    for name, service in OURS.items():
        variables = {k: str(v) for k, v in (service.get("environment") or {}).items()}
        assert unknown_variables(variables) == [], name


@pytest.mark.parametrize("name", sorted(OURS))
def test_every_command_exists(name: str) -> None:
    command = OURS[name]["command"]
    assert command[0] == "sme-ledger"
    words = [w for w in command[1:] if not w.startswith("-")][:2]
    # The subcommand (and its sub-subcommand) answer --help: the command line parses.
    for depth in (2, 1):
        done = CliRunner().invoke(app, [*words[:depth], "--help"])
        if done.exit_code == 0:
            break
    assert done.exit_code == 0, done.output
    options = [w.split("=")[0] for w in command if w.startswith("--")]
    for option in options:
        assert option in done.output, f"{name}: {option} is not an option of {words}"


def test_every_secret_is_made_by_make_secrets(tmp_path: Path) -> None:
    script = ROOT / "deploy" / "make-secrets.sh"
    copy = tmp_path / "make-secrets.sh"
    copy.write_text(script.read_text("utf-8"), "utf-8")
    subprocess.run(["sh", str(copy)], check=True, capture_output=True, timeout=30)
    secrets = COMPOSE["secrets"]
    for name, secret in secrets.items():
        made = tmp_path / "secrets" / Path(secret["file"]).name
        assert made.is_file(), name
        assert made.read_text("utf-8"), name
    urls = (tmp_path / "secrets" / "database_url").read_text("utf-8")
    password = (tmp_path / "secrets" / "ledger_app_password").read_text("utf-8")
    assert re.fullmatch(rf"postgresql://ledger_app:{password}@postgres:5432/ledger", urls)
    used = {s for service in SERVICES.values() for s in service.get("secrets", [])}
    assert used == set(secrets)


def test_every_long_running_service_restarts_and_no_password_is_inline() -> None:
    for name, service in SERVICES.items():
        expected = "no" if name in ONE_SHOT else "unless-stopped"
        assert service.get("restart") == expected, name
        for key, value in (service.get("environment") or {}).items():
            assert "PASSWORD" not in key or key.endswith("_FILE"), (name, key)
            assert not re.search(r"://[^/:@]+:[^@]+@", str(value)), (name, key)
