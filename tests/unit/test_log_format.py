"""The log line formats: one JSON object a line with its time in RFC 3339 UTC, or a text line
for a terminal; both carry the request being answered."""

from __future__ import annotations

import contextvars
import io
import json
import logging
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from runtime import logs


@pytest.fixture
def stream() -> io.StringIO:
    return io.StringIO()


def _logger(stream: io.StringIO, formatter: logging.Formatter) -> logging.Logger:
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(logs.RequestFields())
    logger = logging.getLogger(f"test.logs.{id(stream)}")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger


def test_a_json_line_is_one_object_with_time_level_logger_and_message(
    stream: io.StringIO,
) -> None:
    logger = _logger(stream, logs.JsonLineFormatter())

    logger.warning("view %s changed version", "service-cases")

    (line,) = stream.getvalue().splitlines()
    record = json.loads(line)
    assert record["level"] == "WARNING"
    assert record["logger"] == logger.name
    assert record["message"] == "view service-cases changed version"
    at = datetime.fromisoformat(record["time"])
    assert at.utcoffset() == timedelta(0)


def test_a_line_logged_while_a_request_is_answered_carries_its_id_and_actor(
    stream: io.StringIO,
) -> None:
    logger = _logger(stream, logs.JsonLineFormatter())

    def answer() -> None:
        state: dict[str, object] = {"request_id": "req-1"}
        logs.answering(state)
        logger.info("before authentication")
        state["principal"] = SimpleNamespace(actor="key:window-a")
        logger.info("after", extra={"route": "/v1/platforms/{platform_id}", "status": 200})

    # In a context of its own, as each request is: the other tests log outside any request.
    contextvars.copy_context().run(answer)

    before, after = (json.loads(line) for line in stream.getvalue().splitlines())
    assert before["request_id"] == "req-1"
    assert "actor" not in before
    assert after["actor"] == "key:window-a"
    assert after["route"] == "/v1/platforms/{platform_id}"
    assert after["status"] == 200


def test_an_exception_is_inside_its_one_json_line(stream: io.StringIO) -> None:
    logger = _logger(stream, logs.JsonLineFormatter())
    try:
        raise ValueError("boom\nsecond line")
    except ValueError:
        logger.exception("failed")

    (line,) = stream.getvalue().splitlines()
    assert "ValueError: boom" in json.loads(line)["exc_info"]


def test_a_text_line_starts_with_its_utc_time_level_and_logger(stream: io.StringIO) -> None:
    logger = _logger(stream, logs.TextFormatter())

    logger.info("checkpoint %d", 7)

    stamp, level, name, message = stream.getvalue().rstrip("\n").split(" ", 3)
    assert stamp.endswith("Z")
    assert datetime.fromisoformat(stamp.replace("Z", "+00:00")).utcoffset() == timedelta(0)
    assert (level, name, message) == ("INFO", f"{logger.name}:", "checkpoint 7")


def test_the_process_config_turns_uvicorns_access_log_off() -> None:
    config = logs.config("json")

    assert config["loggers"]["uvicorn.access"]["propagate"] is False
    assert config["loggers"]["uvicorn.access"]["handlers"] == []
    assert config["formatters"]["ledger"]["()"] is logs.JsonLineFormatter
