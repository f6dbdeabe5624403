"""Retries that are always safe: every POST carries an Idempotency-Key, and a retry reuses it.

The service records a write once per key (and answers a retry with the stored answer, marked
``Idempotent-Replayed: true``), so a POST whose answer was lost — a dropped connection, a
timeout, a 503 while the database was away — is sent again with the same key and cannot be
recorded twice. Reads are retried as they are.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable

import httpx

RETRIED_STATUSES = frozenset({429, 502, 503, 504})
"""Answers that say "not now": the request was not carried out, so it is sent again."""

RETRIED_ERRORS: tuple[type[Exception], ...] = (
    httpx.TransportError,  # connection refused or dropped, timeouts, protocol errors
)


class RetryingTransport(httpx.BaseTransport):
    """Sends each request through ``inner``, again on a "not now" answer or a transport error,
    at most ``attempts`` times, waiting as the service's ``Retry-After`` says or with
    exponential backoff and full jitter (``backoff`` × 2ⁿ, at most ``max_wait`` seconds)."""

    def __init__(
        self,
        inner: httpx.BaseTransport | None = None,
        *,
        attempts: int = 6,
        backoff: float = 0.2,
        max_wait: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        new_key: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        if attempts < 1:
            msg = f"attempts must be at least 1, not {attempts}"
            raise ValueError(msg)
        self.inner = inner or httpx.HTTPTransport()
        self.attempts, self.backoff, self.max_wait = attempts, backoff, max_wait
        self.sleep, self.new_key = sleep, new_key

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and "Idempotency-Key" not in request.headers:
            request.headers["Idempotency-Key"] = self.new_key()
        request.read()  # a retry sends the same bytes again
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            try:
                response = self.inner.handle_request(request)
            except RETRIED_ERRORS:
                if last:
                    raise
                self.sleep(self.wait(attempt, None))
                continue
            if response.status_code not in RETRIED_STATUSES or last:
                return response
            retry_after = response.headers.get("Retry-After")
            response.read()
            response.close()
            self.sleep(self.wait(attempt, retry_after))
        raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover

    def wait(self, attempt: int, retry_after: str | None) -> float:
        """Seconds before attempt ``attempt + 1``: what the service asked for, if it did (and
        it is a number of seconds), else a jittered exponential backoff; at most ``max_wait``."""
        if retry_after is not None and retry_after.strip().isdigit():
            return min(float(retry_after), self.max_wait)
        # Jitter spreads the retries of many clients; it needs no cryptographic randomness.
        return random.uniform(0, min(self.backoff * 2 ** (attempt - 1), self.max_wait))  # noqa: S311

    def close(self) -> None:
        self.inner.close()
