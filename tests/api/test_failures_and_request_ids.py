"""500 and 503 say nothing about internals; every answer carries the request's id."""

from __future__ import annotations

import re
from typing import NoReturn

import httpx
import pytest
from eventsourcing.persistence import OperationalError

from ledger.domain.errors import UnavailableError
from tests.api._support import (
    ENTERPRISE_USCC,
    Api,
    MakeApi,
    assert_problem,
    opening_body,
)

INTERNALS = ("SELECT", "secret", "Traceback", "RuntimeError", ".py", "ledger.")


@pytest.fixture
def lenient_api(make_api: MakeApi) -> Api:
    """The app as a client sees it when the server fails: a 500, not a raised exception."""
    return make_api(raise_server_exceptions=False)


def _raise(error: Exception) -> object:
    def fail(*_: object, **__: object) -> NoReturn:
        raise error

    return fail


def _read_failing_with(
    lenient_api: Api, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> httpx.Response:
    """An auditor's read, traced as ``trace-500``, while reading the ledger raises ``error``."""
    monkeypatch.setattr(lenient_api.ledger, "get", _raise(error))

    return lenient_api.get(
        f"/v1/enterprises/{ENTERPRISE_USCC}",
        key=lenient_api.keys.auditor,
        headers={"X-Request-ID": "trace-500"},
    )


def test_an_unexpected_error_is_a_500_problem_with_no_internals(
    lenient_api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    response = _read_failing_with(lenient_api, monkeypatch, RuntimeError("SELECT secret FROM x"))

    problem = assert_problem(response, 500, "internal_error")
    assert problem["request_id"] == "trace-500"
    for internal in INTERNALS:
        assert internal not in response.text


def test_an_unexpected_error_in_a_command_is_a_500_problem_and_records_nothing(
    lenient_api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lenient_api.ledger, "handle", _raise(RuntimeError("SELECT secret FROM x")))
    head = lenient_api.head()

    response = lenient_api.post(
        "/v1/service-cases", key=lenient_api.keys.window_a, json=opening_body()
    )

    assert_problem(response, 500, "internal_error")
    assert "SELECT" not in response.text
    assert lenient_api.head() == head


def test_a_500_answer_still_carries_the_request_id_header(
    lenient_api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    response = _read_failing_with(lenient_api, monkeypatch, RuntimeError("boom"))

    assert response.status_code == 500
    assert response.headers.get("x-request-id") == "trace-500"


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(UnavailableError("The event store is not reachable."), id="ledger"),
        pytest.param(OperationalError("could not connect to server: 10.0.0.5"), id="driver"),
    ],
)
def test_an_unreachable_store_is_a_503_problem_with_retry_after(
    api: Api, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    monkeypatch.setattr(api.ledger, "get", _raise(error))

    response = api.get(f"/v1/enterprises/{ENTERPRISE_USCC}", key=api.keys.auditor)

    assert_problem(response, 503, "unavailable")
    assert response.headers["retry-after"] == "1"
    assert "10.0.0.5" not in response.text


def test_a_lost_store_tells_the_client_to_retry_a_write_with_the_same_idempotency_key(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api.ledger, "get", _raise(OperationalError("server closed the connection")))

    response = api.get(f"/v1/enterprises/{ENTERPRISE_USCC}", key=api.keys.auditor)

    assert_problem(response, 503, "unavailable")
    assert "same Idempotency-Key" in response.json()["detail"]


def test_readiness_is_503_with_retry_after_when_the_store_cannot_be_reached(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api.ledger, "ping", _raise(OperationalError("database is locked")))

    response = api.client.get("/readyz")

    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "OperationalError"},
    }


# --- request ids -------------------------------------------------------------------------------


def test_a_supplied_request_id_is_echoed_back(api: Api) -> None:
    response = api.get(
        f"/v1/enterprises/{ENTERPRISE_USCC}",
        key=api.keys.auditor,
        headers={"X-Request-ID": "req-2026.03.02:abc_1"},
    )

    assert response.headers["x-request-id"] == "req-2026.03.02:abc_1"


def test_a_request_without_an_id_gets_a_fresh_one(api: Api) -> None:
    first = api.get(f"/v1/enterprises/{ENTERPRISE_USCC}", key=api.keys.auditor)
    second = api.get(f"/v1/enterprises/{ENTERPRISE_USCC}", key=api.keys.auditor)

    assert re.fullmatch(r"[0-9a-f]{32}", first.headers["x-request-id"])
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


@pytest.mark.parametrize(
    "unsafe",
    [
        pytest.param("has spaces", id="spaces"),
        pytest.param("a;b=c", id="separators"),
        pytest.param("<script>", id="markup"),
        pytest.param("x" * 129, id="too-long"),
    ],
)
def test_an_unsafe_request_id_is_replaced(api: Api, unsafe: str) -> None:
    response = api.get(
        f"/v1/enterprises/{ENTERPRISE_USCC}", key=api.keys.auditor, headers={"X-Request-ID": unsafe}
    )

    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


def test_problems_carry_the_request_id_of_their_request(api: Api) -> None:
    response = api.get(
        "/v1/service-cases/not-a-uuid", key=api.keys.auditor, headers={"X-Request-ID": "trace-422"}
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert problem["request_id"] == response.headers["x-request-id"] == "trace-422"


def test_the_request_id_is_recorded_as_the_events_correlation_and_causation(api: Api) -> None:
    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(assignment={"provider_kind": "expert", "provider_name": "王教授"}),
        headers={"X-Request-ID": "trace-open-1"},
    )
    assert response.status_code == 201

    events = api.history(response.json()["id"])

    assert [e["meta"]["correlation_id"] for e in events] == ["trace-open-1"] * 2
    assert [e["meta"]["causation_id"] for e in events] == ["trace-open-1"] * 2


def test_an_unsafe_request_id_is_not_recorded(api: Api) -> None:
    response = api.post(
        "/v1/service-cases",
        key=api.keys.window_a,
        json=opening_body(),
        headers={"X-Request-ID": "evil id\twith tab"},
    )

    (opened,) = api.history(response.json()["id"])

    assert opened["meta"]["correlation_id"] == response.headers["x-request-id"]
    assert "evil" not in opened["meta"]["correlation_id"]
