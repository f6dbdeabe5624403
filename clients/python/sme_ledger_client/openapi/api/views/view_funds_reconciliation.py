from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.reconciliation_rows import ReconciliationRows
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    year: int,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["year"] = year

    params["format"] = format_

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/views/funds/reconciliation",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReconciliationRows | None:
    if response.status_code == 200:
        response_200 = ReconciliationRows.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[Problem | ReconciliationRows]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    year: int,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Problem | ReconciliationRows]:
    """A year's payments tied to their approval and line, with every exception found

    Args:
        year (int):
        format_ (str | Unset): json (default), or csv or xlsx (a workbook) for a download Default:
            'json'.
        min_position (int | None | Unset): Answer only once the view has caught up with this log
            position (the `position` a write answered with); waits a bounded time, then 503 + Retry-
            After.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReconciliationRows]
    """

    kwargs = _get_kwargs(
        year=year,
        format_=format_,
        min_position=min_position,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    year: int,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Problem | ReconciliationRows | None:
    """A year's payments tied to their approval and line, with every exception found

    Args:
        year (int):
        format_ (str | Unset): json (default), or csv or xlsx (a workbook) for a download Default:
            'json'.
        min_position (int | None | Unset): Answer only once the view has caught up with this log
            position (the `position` a write answered with); waits a bounded time, then 503 + Retry-
            After.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReconciliationRows
    """

    return sync_detailed(
        client=client,
        year=year,
        format_=format_,
        min_position=min_position,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    year: int,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Problem | ReconciliationRows]:
    """A year's payments tied to their approval and line, with every exception found

    Args:
        year (int):
        format_ (str | Unset): json (default), or csv or xlsx (a workbook) for a download Default:
            'json'.
        min_position (int | None | Unset): Answer only once the view has caught up with this log
            position (the `position` a write answered with); waits a bounded time, then 503 + Retry-
            After.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReconciliationRows]
    """

    kwargs = _get_kwargs(
        year=year,
        format_=format_,
        min_position=min_position,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    year: int,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Problem | ReconciliationRows | None:
    """A year's payments tied to their approval and line, with every exception found

    Args:
        year (int):
        format_ (str | Unset): json (default), or csv or xlsx (a workbook) for a download Default:
            'json'.
        min_position (int | None | Unset): Answer only once the view has caught up with this log
            position (the `position` a write answered with); waits a bounded time, then 503 + Retry-
            After.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReconciliationRows
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
            format_=format_,
            min_position=min_position,
            if_none_match=if_none_match,
        )
    ).parsed
