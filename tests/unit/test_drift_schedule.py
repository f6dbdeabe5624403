"""When the projection worker checks a view for drift: once every LEDGER_DRIFT_CHECK_SECONDS,
judged from the latest recorded check of the view (so restarts and checks run by hand count);
a view never checked is due at once; 0 turns the checks off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import ClassVar, cast

import pytest
from prometheus_client import CollectorRegistry

from projections.drift import DRIFT, OK, DriftCheck
from projections.drift_check import DriftChecker
from runtime.drift import DriftMetrics, DriftSchedule
from runtime.settings import Settings, SettingsError

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
DAY = 86_400


class Views:
    """What the schedule asks of a checker to tell which views are due: their names."""

    projections: ClassVar[dict[str, None]] = {
        "funds": None,
        "registry": None,
        "service_cases": None,
    }


def schedule(interval: float = DAY) -> DriftSchedule:
    checker = cast(DriftChecker, Views())
    metrics = DriftMetrics(CollectorRegistry())
    return DriftSchedule(checker, interval, metrics, lambda _: None, lambda: NOW)


def checked(view: str, ago: timedelta, outcome: str = OK) -> DriftCheck:
    return DriftCheck(view, 1, 10, NOW - ago, outcome)


def test_a_view_is_due_an_interval_after_its_latest_check_and_at_once_if_never_checked() -> None:
    latest = {
        "funds": checked("funds", timedelta(hours=23)),
        "registry": checked("registry", timedelta(days=1)),
    }

    assert schedule().due(latest) == ["registry", "service_cases"]
    assert schedule(3600).due(latest) == ["funds", "registry", "service_cases"]


def test_the_drift_flag_is_the_latest_recorded_outcome() -> None:
    registry = CollectorRegistry()
    metrics = DriftMetrics(registry)
    metrics.views(["funds", "registry"])

    metrics.observe({"funds": checked("funds", timedelta(0), DRIFT)})
    metrics.observe({"registry": checked("registry", timedelta(0))})

    flag = {
        v: registry.get_sample_value("ledger_view_drift", {"projection": v})
        for v in Views.projections
    }
    assert flag == {"funds": 1, "registry": 0, "service_cases": None}


def test_the_interval_is_a_day_by_default_and_zero_turns_the_checks_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LEDGER_DRIFT_CHECK_SECONDS", raising=False)
    assert Settings().drift_check_seconds == DAY
    monkeypatch.setenv("LEDGER_DRIFT_CHECK_SECONDS", "0")
    assert Settings().drift_check_seconds == 0
    monkeypatch.setenv("LEDGER_DRIFT_CHECK_SECONDS", "-1")
    with pytest.raises(SettingsError, match="LEDGER_DRIFT_CHECK_SECONDS"):
        Settings()
