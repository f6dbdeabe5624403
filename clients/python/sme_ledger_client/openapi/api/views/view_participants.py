from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.participant_rows import ParticipantRows
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    kind: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 1000,
    offset: int | Unset = 0,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    params["offset"] = offset

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
        "url": "/v1/views/participants",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ParticipantRows | Problem | None:
    if response.status_code == 200:
        response_200 = ParticipantRows.from_dict(response.json())

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
) -> Response[ParticipantRows | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 1000,
    offset: int | Unset = 0,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ParticipantRows | Problem]:
    """The registry: platforms and institutions, with standing

    Args:
        kind (None | str | Unset):
        status (None | str | Unset):
        limit (int | Unset): At most this many rows Default: 1000.
        offset (int | Unset): Skip this many rows (stable order) Default: 0.
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
        Response[ParticipantRows | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        status=status,
        limit=limit,
        offset=offset,
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
    kind: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 1000,
    offset: int | Unset = 0,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ParticipantRows | Problem | None:
    """The registry: platforms and institutions, with standing

    Args:
        kind (None | str | Unset):
        status (None | str | Unset):
        limit (int | Unset): At most this many rows Default: 1000.
        offset (int | Unset): Skip this many rows (stable order) Default: 0.
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
        ParticipantRows | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        status=status,
        limit=limit,
        offset=offset,
        format_=format_,
        min_position=min_position,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 1000,
    offset: int | Unset = 0,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ParticipantRows | Problem]:
    """The registry: platforms and institutions, with standing

    Args:
        kind (None | str | Unset):
        status (None | str | Unset):
        limit (int | Unset): At most this many rows Default: 1000.
        offset (int | Unset): Skip this many rows (stable order) Default: 0.
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
        Response[ParticipantRows | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        status=status,
        limit=limit,
        offset=offset,
        format_=format_,
        min_position=min_position,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 1000,
    offset: int | Unset = 0,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ParticipantRows | Problem | None:
    """The registry: platforms and institutions, with standing

    Args:
        kind (None | str | Unset):
        status (None | str | Unset):
        limit (int | Unset): At most this many rows Default: 1000.
        offset (int | Unset): Skip this many rows (stable order) Default: 0.
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
        ParticipantRows | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            status=status,
            limit=limit,
            offset=offset,
            format_=format_,
            min_position=min_position,
            if_none_match=if_none_match,
        )
    ).parsed
