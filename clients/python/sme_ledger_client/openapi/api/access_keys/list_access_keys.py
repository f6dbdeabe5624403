from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.access_key_list import AccessKeyList
from ...models.problem import Problem
from ...models.role import check_role
from ...models.role import Role
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID


def _get_kwargs(
    *,
    role: None | Role | Unset = UNSET,
    platform_id: None | Unset | UUID = UNSET,
    revoked: bool | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, str):
        json_role = role
    else:
        json_role = role
    params["role"] = json_role

    json_platform_id: None | str | Unset
    if isinstance(platform_id, Unset):
        json_platform_id = UNSET
    elif isinstance(platform_id, UUID):
        json_platform_id = str(platform_id)
    else:
        json_platform_id = platform_id
    params["platform_id"] = json_platform_id

    json_revoked: bool | None | Unset
    if isinstance(revoked, Unset):
        json_revoked = UNSET
    else:
        json_revoked = revoked
    params["revoked"] = json_revoked

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/access-keys",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessKeyList | Problem | None:
    if response.status_code == 200:
        response_200 = AccessKeyList.from_dict(response.json())

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
) -> Response[AccessKeyList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    role: None | Role | Unset = UNSET,
    platform_id: None | Unset | UUID = UNSET,
    revoked: bool | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AccessKeyList | Problem]:
    """The keys this key manages, in issue order

    Args:
        role (None | Role | Unset): Only keys of this role
        platform_id (None | Unset | UUID): Only keys that act for this platform or institution
        revoked (bool | None | Unset): Only revoked (or live) keys
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessKeyList | Problem]
    """

    kwargs = _get_kwargs(
        role=role,
        platform_id=platform_id,
        revoked=revoked,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    role: None | Role | Unset = UNSET,
    platform_id: None | Unset | UUID = UNSET,
    revoked: bool | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AccessKeyList | Problem | None:
    """The keys this key manages, in issue order

    Args:
        role (None | Role | Unset): Only keys of this role
        platform_id (None | Unset | UUID): Only keys that act for this platform or institution
        revoked (bool | None | Unset): Only revoked (or live) keys
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessKeyList | Problem
    """

    return sync_detailed(
        client=client,
        role=role,
        platform_id=platform_id,
        revoked=revoked,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    role: None | Role | Unset = UNSET,
    platform_id: None | Unset | UUID = UNSET,
    revoked: bool | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AccessKeyList | Problem]:
    """The keys this key manages, in issue order

    Args:
        role (None | Role | Unset): Only keys of this role
        platform_id (None | Unset | UUID): Only keys that act for this platform or institution
        revoked (bool | None | Unset): Only revoked (or live) keys
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessKeyList | Problem]
    """

    kwargs = _get_kwargs(
        role=role,
        platform_id=platform_id,
        revoked=revoked,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    role: None | Role | Unset = UNSET,
    platform_id: None | Unset | UUID = UNSET,
    revoked: bool | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AccessKeyList | Problem | None:
    """The keys this key manages, in issue order

    Args:
        role (None | Role | Unset): Only keys of this role
        platform_id (None | Unset | UUID): Only keys that act for this platform or institution
        revoked (bool | None | Unset): Only revoked (or live) keys
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessKeyList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            role=role,
            platform_id=platform_id,
            revoked=revoked,
            if_none_match=if_none_match,
        )
    ).parsed
