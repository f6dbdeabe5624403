"""The log lines of the API and the workers: plain text for a terminal (``LEDGER_LOG_FORMAT=text``,
the default) or one JSON object a line for a log collector (``json``), written to stderr.

Every line has its time (RFC 3339, UTC), level, logger and message; a line logged while a request
is answered also has that request's ``request_id`` and, once it is authenticated, its ``actor``.
The request log (``ledger.http``, one line per request, ``LEDGER_REQUEST_LOG``) adds the method,
the route template, the status, the duration and the bytes sent. Nothing here ever logs a
request's body, its query string, its raw path or its ``Authorization`` header.
"""

from __future__ import annotations

import logging
import logging.config
import time
from contextvars import ContextVar
from typing import Any, Literal

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

LogFormat = Literal["text", "json"]

REQUEST_LOGGER = "ledger.http"

# The scope state of the request being answered: its id is there from the start, and its
# principal once the route has authenticated it. A sync route runs in a thread that copies this
# context, so its log lines carry the request too.
_REQUEST_STATE: ContextVar[dict[str, Any] | None] = ContextVar("ledger_request", default=None)


def answering(state: dict[str, Any]) -> None:
    """Lines logged from here on in this context belong to the request whose state this is."""
    _REQUEST_STATE.set(state)


class RequestFields(logging.Filter):
    """Adds ``request_id`` and ``actor`` to a record logged while a request is answered."""

    def filter(self, record: logging.LogRecord) -> bool:
        state = _REQUEST_STATE.get()
        if state is not None:
            if not hasattr(record, "request_id") and "request_id" in state:
                record.request_id = state["request_id"]
            principal = state.get("principal")
            if not hasattr(record, "actor") and principal is not None:
                record.actor = principal.actor
        return True


class TextFormatter(logging.Formatter):
    """``2026-03-01T08:00:00.123Z INFO ledger.http: message``, the time in UTC."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        return f"{stamp}.{int(record.msecs):03d}Z"


class JsonLineFormatter(JsonFormatter):
    """One JSON object a line: ``time``, ``level``, ``logger``, ``message``, then whatever the
    record carries (``request_id``, ``actor``, ``route``, ``status``, ``duration_ms``, …)."""

    def __init__(self) -> None:
        super().__init__(
            "%(levelname)s %(name)s %(message)s",
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp="time",
            # uvicorn's lines carry an ANSI-coloured copy of their message.
            reserved_attrs=[*RESERVED_ATTRS, "color_message"],
            json_ensure_ascii=False,
        )


def config(log_format: LogFormat, level: str = "INFO") -> dict[str, Any]:
    """The :func:`logging.config.dictConfig` of a process: every logger (ours, uvicorn's, the
    libraries') through one handler on stderr. uvicorn takes it as ``log_config`` and applies it
    in each of its worker processes; its own access log is turned off, the request log replaces
    it."""
    formatter = JsonLineFormatter if log_format == "json" else TextFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"ledger": {"()": formatter}},
        "filters": {"request": {"()": RequestFields}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "ledger",
                "filters": ["request"],
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True, "level": level},
            "uvicorn.error": {"handlers": [], "propagate": True, "level": level},
            "uvicorn.access": {"handlers": [], "propagate": False, "level": "WARNING"},
        },
    }


def configure(log_format: LogFormat, level: str = "INFO") -> None:
    """Send this process's log lines to stderr in ``log_format`` (a worker's start)."""
    logging.config.dictConfig(config(log_format, level))
