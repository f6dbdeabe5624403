from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.event_page import EventPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID


def _get_kwargs(
    *,
    after: int | Unset = 0,
    limit: int | Unset = 100,
    until: int | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    stream: None | Unset | UUID = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit

    json_until: int | None | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    else:
        json_until = until
    params["until"] = json_until

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = type_

    else:
        json_type_ = type_
    params["type"] = json_type_

    json_stream: None | str | Unset
    if isinstance(stream, Unset):
        json_stream = UNSET
    elif isinstance(stream, UUID):
        json_stream = str(stream)
    else:
        json_stream = stream
    params["stream"] = json_stream

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

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
) -> Response[EventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,
    until: int | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    stream: None | Unset | UUID = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """Events after a position, in log order

    Args:
        after (int | Unset): Return events with positions above this Default: 0.
        limit (int | Unset): At most this many events (at most LEDGER_LOG_PAGE_LIMIT) Default:
            100.
        until (int | None | Unset): Only events up to this position
        type_ (list[str] | None | Unset): Only events of these types (repeatable), e.g.
            ServiceCase.Delivered
        stream (None | Unset | UUID): Only the events of this stream
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        until=until,
        type_=type_,
        stream=stream,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,
    until: int | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    stream: None | Unset | UUID = UNSET,
    if_none_match: str | Unset = UNSET,
) -> EventPage | Problem | None:
    """Events after a position, in log order

    Args:
        after (int | Unset): Return events with positions above this Default: 0.
        limit (int | Unset): At most this many events (at most LEDGER_LOG_PAGE_LIMIT) Default:
            100.
        until (int | None | Unset): Only events up to this position
        type_ (list[str] | None | Unset): Only events of these types (repeatable), e.g.
            ServiceCase.Delivered
        stream (None | Unset | UUID): Only the events of this stream
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return sync_detailed(
        client=client,
        after=after,
        limit=limit,
        until=until,
        type_=type_,
        stream=stream,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,
    until: int | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    stream: None | Unset | UUID = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """Events after a position, in log order

    Args:
        after (int | Unset): Return events with positions above this Default: 0.
        limit (int | Unset): At most this many events (at most LEDGER_LOG_PAGE_LIMIT) Default:
            100.
        until (int | None | Unset): Only events up to this position
        type_ (list[str] | None | Unset): Only events of these types (repeatable), e.g.
            ServiceCase.Delivered
        stream (None | Unset | UUID): Only the events of this stream
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        until=until,
        type_=type_,
        stream=stream,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,
    until: int | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    stream: None | Unset | UUID = UNSET,
    if_none_match: str | Unset = UNSET,
) -> EventPage | Problem | None:
    """Events after a position, in log order

    Args:
        after (int | Unset): Return events with positions above this Default: 0.
        limit (int | Unset): At most this many events (at most LEDGER_LOG_PAGE_LIMIT) Default:
            100.
        until (int | None | Unset): Only events up to this position
        type_ (list[str] | None | Unset): Only events of these types (repeatable), e.g.
            ServiceCase.Delivered
        stream (None | Unset | UUID): Only the events of this stream
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            limit=limit,
            until=until,
            type_=type_,
            stream=stream,
            if_none_match=if_none_match,
        )
    ).parsed
