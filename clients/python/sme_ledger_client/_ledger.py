"""One key's session with the ledger: typed calls, problems raised as exceptions, safe retries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from sme_ledger_client._transport import RetryingTransport
from sme_ledger_client.errors import NotModifiedError, UnexpectedAnswerError, problem_error
from sme_ledger_client.openapi.client import AuthenticatedClient
from sme_ledger_client.openapi.models.problem import Problem
from sme_ledger_client.openapi.types import Response

T = TypeVar("T")


class Ledger:
    """The ledger at ``base_url``, as the holder of ``key`` sees it.

    Call any operation of :mod:`sme_ledger_client.api` through :meth:`call`; it answers with the
    operation's typed model, or raises a :class:`~sme_ledger_client.errors.ProblemError`::

        from sme_ledger_client import Ledger
        from sme_ledger_client.openapi.api.service_cases import open_case
        from sme_ledger_client.openapi.models import CaseOpening

        with Ledger("https://ledger.example", key) as ledger:
            case = ledger.call(open_case.sync_detailed, body=CaseOpening(...))

    Every POST carries an ``Idempotency-Key`` (one is made if the call names none) and is sent
    again with the same key after a dropped connection, a timeout or a 503, so a write is
    recorded exactly once however often it is retried.
    """

    def __init__(
        self,
        base_url: str,
        key: str,
        *,
        timeout: float = 30.0,
        attempts: int = 6,
        backoff: float = 0.2,
        max_wait: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        retrying = RetryingTransport(
            transport, attempts=attempts, backoff=backoff, max_wait=max_wait
        )
        self.client = AuthenticatedClient(
            base_url=base_url,
            token=key,
            timeout=httpx.Timeout(timeout),
            httpx_args={"transport": retrying},
        )

    def call(
        self, operation: Callable[..., Response[T | Problem]], /, *args: Any, **kwargs: Any
    ) -> T:
        """Run ``operation`` (a generated ``sync_detailed``) with this session's client and
        answer with its success model (its arguments are checked when it runs; to have them
        checked by a type checker too, write ``answer(op.sync_detailed(client=ledger.client,
        ...))``)."""
        return answer(operation(*args, client=self.client, **kwargs))

    def close(self) -> None:
        self.client.get_httpx_client().close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def answer(response: Response[T | Problem]) -> T:
    """The success model of ``response``, or the exception its problem is."""
    parsed = response.parsed
    if isinstance(parsed, Problem):
        raise problem_error(int(response.status_code), parsed.to_dict())
    if response.status_code == 304:
        raise NotModifiedError(response.headers.get("ETag"))
    if parsed is None:
        raise UnexpectedAnswerError(int(response.status_code), response.content)
    return parsed
