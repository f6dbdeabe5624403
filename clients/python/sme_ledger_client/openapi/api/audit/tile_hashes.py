from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast


def _get_kwargs(
    level: str,
    index: str,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tile/{level}/{index}".format(
            level=quote(str(level), safe=""),
            index=quote(str(index), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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
) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    level: str,
    index: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Response[File | Problem]:
    """A tile of the sealed Merkle tree (C2SP tlog-tiles): up to 256 hashes of one level

    Args:
        level (str): 0 (leaf hashes) to 63: hashes at tree height 8·level
        index (str): The tile's index, three digits at a time, all but the last group after an `x`
            (1234067 → `x001/x234/067`); `.p/<W>` after it for a partial tile of W (1-255)
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        level=level,
        index=index,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    level: str,
    index: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> File | Problem | None:
    """A tile of the sealed Merkle tree (C2SP tlog-tiles): up to 256 hashes of one level

    Args:
        level (str): 0 (leaf hashes) to 63: hashes at tree height 8·level
        index (str): The tile's index, three digits at a time, all but the last group after an `x`
            (1234067 → `x001/x234/067`); `.p/<W>` after it for a partial tile of W (1-255)
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        level=level,
        index=index,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    level: str,
    index: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Response[File | Problem]:
    """A tile of the sealed Merkle tree (C2SP tlog-tiles): up to 256 hashes of one level

    Args:
        level (str): 0 (leaf hashes) to 63: hashes at tree height 8·level
        index (str): The tile's index, three digits at a time, all but the last group after an `x`
            (1234067 → `x001/x234/067`); `.p/<W>` after it for a partial tile of W (1-255)
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        level=level,
        index=index,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    level: str,
    index: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> File | Problem | None:
    """A tile of the sealed Merkle tree (C2SP tlog-tiles): up to 256 hashes of one level

    Args:
        level (str): 0 (leaf hashes) to 63: hashes at tree height 8·level
        index (str): The tile's index, three digits at a time, all but the last group after an `x`
            (1234067 → `x001/x234/067`); `.p/<W>` after it for a partial tile of W (1-255)
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            level=level,
            index=index,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
