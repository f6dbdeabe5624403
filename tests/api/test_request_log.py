"""The request log: one INFO line per request answered, by route template, with its status,
duration, bytes, request id and actor, and never its query string, raw path, body or key."""

from __future__ import annotations

import logging

import pytest

from runtime.logs import REQUEST_LOGGER
from tests.api._support import Api, MakeApi


def _request_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == REQUEST_LOGGER]


def test_each_request_is_one_line_with_its_route_template_status_and_actor(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    case_id = api.open_case()["id"]
    caplog.clear()

    with caplog.at_level(logging.INFO, logger=REQUEST_LOGGER):
        response = api.get(
            f"/v1/service-cases/{case_id}",
            key=api.keys.auditor,
            params={"as_of": "2026-01-01T00:00:00Z"},
            headers={"X-Request-ID": "trace-42"},
        )

    (line,) = _request_lines(caplog)
    assert line.levelno == logging.INFO
    fields = line.__dict__
    assert fields["method"] == "GET"
    assert fields["route"] == "/v1/service-cases/{case_id}"
    assert fields["status"] == response.status_code
    assert fields["request_id"] == "trace-42"
    assert fields["actor"].startswith("key:")
    assert fields["bytes"] == len(response.content)
    assert fields["duration_ms"] >= 0
    text = line.getMessage() + repr(fields)
    assert case_id not in text
    assert "as_of" not in text
    assert api.keys.auditor not in text


def test_a_write_logs_neither_its_body_nor_its_key(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        api.post(
            "/v1/enterprises",
            key=api.keys.window_a,
            json={"name": "宁夏私密数据有限公司", "uscc": "not-a-uscc"},
        )

    assert len(_request_lines(caplog)) == 1
    for record in caplog.records:
        shown = record.getMessage() + repr(record.__dict__)
        assert "宁夏私密数据" not in shown
        assert api.keys.window_a not in shown


def test_an_unauthenticated_request_is_logged_as_anonymous(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=REQUEST_LOGGER):
        api.get("/v1/platforms", key=None)

    (line,) = _request_lines(caplog)
    assert line.__dict__["actor"] == "anonymous"
    assert line.__dict__["status"] == 401


def test_the_request_log_can_be_turned_off(
    make_api: MakeApi, caplog: pytest.LogCaptureFixture
) -> None:
    api = make_api(request_log=False)

    with caplog.at_level(logging.INFO, logger=REQUEST_LOGGER):
        api.get("/v1/platforms", key=api.keys.admin)

    assert _request_lines(caplog) == []
