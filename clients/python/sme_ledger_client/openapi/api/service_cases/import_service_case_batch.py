from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.case_batch import CaseBatch
from ...models.import_summary import ImportSummary
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    body: CaseBatch,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/service-cases:batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportSummary | Problem | None:
    if response.status_code == 200:
        response_200 = ImportSummary.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImportSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CaseBatch,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportSummary | Problem]:
    """Import up to 1,000 service records (each like a one-call delivered case)

     Every record is validated and decided on its own: valid ones are appended (in as few transactions as
    possible), invalid ones are reported with their index, code and detail and change nothing. A record
    whose external_ref is already recorded is reported as `exists` if it says what was recorded (re-
    sending the same batch appends nothing new), and as a `conflict` with its `differences` (field,
    recorded, sent) if it says something else: correct a case with its own request. With an
    `Idempotency-Key`, a retry of the same batch is answered as the first request was (`Idempotent-
    Replayed`); the key with another batch is refused (422 `idempotency_key_reused`).

    Args:
        idempotency_key (None | str | Unset): Repeat a POST safely: the same key and body returns
            the original response.
        body (CaseBatch): Up to 1,000 records from a window's own system, each like the body of
            ``POST /v1/service-cases`` (with its ``external_ref``). Each record is validated on its
            own,
            so one bad record is reported in the answer instead of refusing the batch.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportSummary | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CaseBatch,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportSummary | Problem | None:
    """Import up to 1,000 service records (each like a one-call delivered case)

     Every record is validated and decided on its own: valid ones are appended (in as few transactions as
    possible), invalid ones are reported with their index, code and detail and change nothing. A record
    whose external_ref is already recorded is reported as `exists` if it says what was recorded (re-
    sending the same batch appends nothing new), and as a `conflict` with its `differences` (field,
    recorded, sent) if it says something else: correct a case with its own request. With an
    `Idempotency-Key`, a retry of the same batch is answered as the first request was (`Idempotent-
    Replayed`); the key with another batch is refused (422 `idempotency_key_reused`).

    Args:
        idempotency_key (None | str | Unset): Repeat a POST safely: the same key and body returns
            the original response.
        body (CaseBatch): Up to 1,000 records from a window's own system, each like the body of
            ``POST /v1/service-cases`` (with its ``external_ref``). Each record is validated on its
            own,
            so one bad record is reported in the answer instead of refusing the batch.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportSummary | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CaseBatch,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportSummary | Problem]:
    """Import up to 1,000 service records (each like a one-call delivered case)

     Every record is validated and decided on its own: valid ones are appended (in as few transactions as
    possible), invalid ones are reported with their index, code and detail and change nothing. A record
    whose external_ref is already recorded is reported as `exists` if it says what was recorded (re-
    sending the same batch appends nothing new), and as a `conflict` with its `differences` (field,
    recorded, sent) if it says something else: correct a case with its own request. With an
    `Idempotency-Key`, a retry of the same batch is answered as the first request was (`Idempotent-
    Replayed`); the key with another batch is refused (422 `idempotency_key_reused`).

    Args:
        idempotency_key (None | str | Unset): Repeat a POST safely: the same key and body returns
            the original response.
        body (CaseBatch): Up to 1,000 records from a window's own system, each like the body of
            ``POST /v1/service-cases`` (with its ``external_ref``). Each record is validated on its
            own,
            so one bad record is reported in the answer instead of refusing the batch.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportSummary | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CaseBatch,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportSummary | Problem | None:
    """Import up to 1,000 service records (each like a one-call delivered case)

     Every record is validated and decided on its own: valid ones are appended (in as few transactions as
    possible), invalid ones are reported with their index, code and detail and change nothing. A record
    whose external_ref is already recorded is reported as `exists` if it says what was recorded (re-
    sending the same batch appends nothing new), and as a `conflict` with its `differences` (field,
    recorded, sent) if it says something else: correct a case with its own request. With an
    `Idempotency-Key`, a retry of the same batch is answered as the first request was (`Idempotent-
    Replayed`); the key with another batch is refused (422 `idempotency_key_reused`).

    Args:
        idempotency_key (None | str | Unset): Repeat a POST safely: the same key and body returns
            the original response.
        body (CaseBatch): Up to 1,000 records from a window's own system, each like the body of
            ``POST /v1/service-cases`` (with its ``external_ref``). Each record is validated on its
            own,
            so one bad record is reported in the answer instead of refusing the batch.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
