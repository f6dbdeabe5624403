"""The Prometheus configuration, alert and recording rules that ship in deploy/prometheus/:
valid, and alerting as their tests say (promtool, from Debian's prometheus package)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "prometheus"


def promtool(*args: str) -> subprocess.CompletedProcess[str]:
    found = shutil.which("promtool")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("promtool is missing: .ci/run installs Debian's prometheus package")
        pytest.skip("promtool is not installed (apt-get install prometheus)")
    return subprocess.run(
        [found, *args], cwd=DEPLOY, capture_output=True, text=True, timeout=60, check=False
    )


def test_the_configuration_and_its_rules_are_valid() -> None:
    done = promtool("check", "config", "prometheus.yml")

    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 rule files found" in done.stdout


def test_the_rules_alert_as_their_tests_say() -> None:
    done = promtool("test", "rules", "rules.test.yml")

    assert done.returncode == 0, done.stdout + done.stderr
    assert "SUCCESS" in done.stdout


def test_every_alert_has_a_test() -> None:
    rules = (DEPLOY / "rules.yml").read_text(encoding="utf-8")
    tests = (DEPLOY / "rules.test.yml").read_text(encoding="utf-8")
    alerts = [line.split(":", 1)[1].strip() for line in rules.splitlines() if "- alert:" in line]
    untested = [a for a in alerts if f"alertname: {a}" not in tests]

    assert alerts
    assert untested == [], f"alerts without a promtool test: {untested}"
