"""A stalled view over HTTP: /readyz stays 200 but says degraded and names it, its reads answer
503 view_stalled, and the metrics say 1 until it is past the event."""

from __future__ import annotations

from typing import Any

import pytest

from projections.base import Event
from projections.runner import ProjectionRunner
from projections.service_cases import CaseFactsProjection
from projections.store import Tx
from tests.api._support import Api, assert_problem

VIEW = CaseFactsProjection.name
BAD_REF = "BAD-EVENT-1"
STALLED_SERIES = f'ledger_projection_stalled{{projection="{VIEW}"}}'


def metric(api: Api, series: str) -> float | None:
    for line in api.client.get("/metrics").text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return None


@pytest.fixture
def stalled(make_api: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[Api, ProjectionRunner, int]:
    """An app whose service-cases view fails on the opening of one case (no daemon in the
    process: the test folds the views); the position of that event."""
    api: Api = make_api(embedded_views=False)
    original = CaseFactsProjection.handle

    def handle(self: CaseFactsProjection, tx: Tx, event: Event, at: int) -> None:
        if getattr(event, "external_ref", None) == BAD_REF:
            raise KeyError("a category the view does not know")
        original(self, tx, event, at)

    monkeypatch.setattr(CaseFactsProjection, "handle", handle)
    position = int(api.open_case(external_ref=BAD_REF)["position"])
    api.open_case()
    views: ProjectionRunner = api.client.app.state.views  # type: ignore[attr-defined]
    views.catch_up()
    return api, views, position


def test_readiness_stays_200_but_says_degraded_and_names_the_stalled_view(
    stalled: tuple[Api, ProjectionRunner, int],
) -> None:
    api, _, position = stalled

    response = api.client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["stalled"]) == ("degraded", [VIEW])
    assert body["views"][VIEW] == {
        "lag": api.head() - (position - 1),
        "state": "stalled",
        "position": position - 1,
        "failed_position": position,
        "error": "KeyError",
    }
    assert body["views"]["registry"] == {"lag": 0, "state": "live"}


def test_a_read_of_the_stalled_view_answers_503_view_stalled_naming_it(
    stalled: tuple[Api, ProjectionRunner, int],
) -> None:
    api, _, position = stalled

    response = api.get(
        "/v1/views/service-statistics",
        key=api.keys.hub,
        params={"year": 2026, "period": "month"},
    )

    body = assert_problem(response, 503, "view_stalled")
    assert response.headers["Retry-After"] == "60"
    assert VIEW in body["detail"]
    assert str(position) in body["detail"]
    assert body["context"] == {
        "view": VIEW,
        "position": position - 1,
        "failed_position": position,
        "error": "KeyError",
    }


def test_the_stalled_metric_is_1_and_readiness_ready_again_once_the_view_is_past_the_event(
    stalled: tuple[Api, ProjectionRunner, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    api, views, _ = stalled
    during = metric(api, STALLED_SERIES)

    monkeypatch.undo()  # a release that folds the event
    views.backoff.forget()
    views.catch_up()

    assert during == 1
    assert metric(api, STALLED_SERIES) == 0
    body = api.client.get("/readyz").json()
    assert (body["status"], body["views"][VIEW]) == ("ready", {"lag": 0, "state": "live"})
    assert "stalled" not in body
