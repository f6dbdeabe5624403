"""The fault suite's clients: writers that open service cases, each with a unique
``external_ref`` and ``Idempotency-Key``, and send the same request again, with the same key, on
every answer that does not settle it (a timeout, a broken connection, a 5xx, a 408 or 429),
until it does. Every attempt is one line of the history."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

OPEN_CASE = "open_case"
# An answer that says nothing about whether the write was made: ask again, with the same key.
UNSETTLED_STATUSES = frozenset({408, 429})


@dataclass
class History:
    """Every request of a run, in the order answered; shared by the writers."""

    started: float = field(default_factory=time.monotonic)
    entries: list[dict[str, Any]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def now(self) -> float:
        return round(time.monotonic() - self.started, 4)

    def add(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self.entries.append(entry)


def outcome_of(status: int | None) -> str:
    """``ok``, ``fail`` (refused: nothing was written) or ``unknown`` (it may have been)."""
    if status is None or status >= 500 or status in UNSETTLED_STATUSES:
        return "unknown"
    return "ok" if 200 <= status < 300 else "fail"


def _pause_before(attempt: int, response: httpx.Response | None) -> float:
    """What the answer asked for (``Retry-After``), else a back-off doubling from 50 ms; at most
    a second, so a write is settled soon after the service is back."""
    try:
        asked = float(response.headers.get("retry-after", "0")) if response is not None else 0.0
    except ValueError:
        asked = 0.0
    backoff: float = 0.05 * 2 ** min(attempt - 1, 5)
    return min(max(asked, backoff), 1.0)


@dataclass
class Writer:
    """One client: writes one case at a time until told to stop, settling each before the next."""

    number: int
    base_url: str
    secret: str
    uscc: str
    run_id: str
    history: History
    stop_writing: threading.Event
    give_up_at: list[float]  # a monotonic deadline, set when the run ends
    timeout: float = 3.0

    def run(self) -> None:
        headers = {"Authorization": f"Bearer {self.secret}"}
        with httpx.Client(base_url=self.base_url, headers=headers, timeout=self.timeout) as client:
            sequence = 0
            while not self.stop_writing.is_set():
                sequence += 1
                self._settle(client, f"{self.run_id}-{self.number}-{sequence}")

    def _settle(self, client: httpx.Client, ref: str) -> None:
        body = {
            "external_ref": ref,
            "uscc": self.uscc,
            "category": "100200",
            "channel": "online",
            "description": "故障测试",
        }
        key = f"key-{ref}"
        attempt = 0
        while True:
            attempt += 1
            started = self.history.now()
            response: httpx.Response | None = None
            error = None
            try:
                response = client.post(
                    "/v1/service-cases", json=body, headers={"Idempotency-Key": key}
                )
            except httpx.HTTPError as e:
                error = type(e).__name__
            status = response.status_code if response is not None else None
            outcome = outcome_of(status)
            answer = _json(response) if outcome != "unknown" else {}
            self.history.add(
                {
                    "writer": self.number,
                    "op": OPEN_CASE,
                    "key": key,
                    "ref": ref,
                    "attempt": attempt,
                    "start": started,
                    "end": self.history.now(),
                    "outcome": outcome,
                    "status": status,
                    "error": error,
                    "code": answer.get("code") if outcome == "fail" else None,
                    "id": answer.get("id") if outcome == "ok" else None,
                    "position": answer.get("position") if outcome == "ok" else None,
                    "replayed": response is not None
                    and response.headers.get("idempotent-replayed") == "true",
                    "retry_after": response.headers.get("retry-after")
                    if response is not None
                    else None,
                }
            )
            if outcome != "unknown":
                return
            if self.give_up_at and time.monotonic() > self.give_up_at[0]:
                return  # left unknown: the checker reports it
            time.sleep(_pause_before(attempt, response))


def _json(response: httpx.Response | None) -> dict[str, Any]:
    try:
        found = response.json() if response is not None else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}
