from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.access_page import AccessPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime


def _get_kwargs(
    *,
    principal: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_principal: None | str | Unset
    if isinstance(principal, Unset):
        json_principal = UNSET
    else:
        json_principal = principal
    params["principal"] = json_principal

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params["after"] = after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit/access",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessPage | Problem | None:
    if response.status_code == 200:
        response_200 = AccessPage.from_dict(response.json())

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
) -> Response[AccessPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    principal: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> Response[AccessPage | Problem]:
    """Who read or wrote ledger data, and when (paged)

    Args:
        principal (None | str | Unset): `key:<key id>` (or the key id alone), or `anonymous`
        from_ (datetime.datetime | None | Unset): At or after this time
        to (datetime.datetime | None | Unset): Before this time
        after (int | Unset): Records with ids above this Default: 0.
        limit (int | Unset): At most this many records (at most LEDGER_LOG_PAGE_LIMIT) Default:
            100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessPage | Problem]
    """

    kwargs = _get_kwargs(
        principal=principal,
        from_=from_,
        to=to,
        after=after,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    principal: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> AccessPage | Problem | None:
    """Who read or wrote ledger data, and when (paged)

    Args:
        principal (None | str | Unset): `key:<key id>` (or the key id alone), or `anonymous`
        from_ (datetime.datetime | None | Unset): At or after this time
        to (datetime.datetime | None | Unset): Before this time
        after (int | Unset): Records with ids above this Default: 0.
        limit (int | Unset): At most this many records (at most LEDGER_LOG_PAGE_LIMIT) Default:
            100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessPage | Problem
    """

    return sync_detailed(
        client=client,
        principal=principal,
        from_=from_,
        to=to,
        after=after,
        limit=limit,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    principal: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> Response[AccessPage | Problem]:
    """Who read or wrote ledger data, and when (paged)

    Args:
        principal (None | str | Unset): `key:<key id>` (or the key id alone), or `anonymous`
        from_ (datetime.datetime | None | Unset): At or after this time
        to (datetime.datetime | None | Unset): Before this time
        after (int | Unset): Records with ids above this Default: 0.
        limit (int | Unset): At most this many records (at most LEDGER_LOG_PAGE_LIMIT) Default:
            100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessPage | Problem]
    """

    kwargs = _get_kwargs(
        principal=principal,
        from_=from_,
        to=to,
        after=after,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    principal: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    after: int | Unset = 0,
    limit: int | Unset = 100,
    if_none_match: str | Unset = UNSET,
) -> AccessPage | Problem | None:
    """Who read or wrote ledger data, and when (paged)

    Args:
        principal (None | str | Unset): `key:<key id>` (or the key id alone), or `anonymous`
        from_ (datetime.datetime | None | Unset): At or after this time
        to (datetime.datetime | None | Unset): Before this time
        after (int | Unset): Records with ids above this Default: 0.
        limit (int | Unset): At most this many records (at most LEDGER_LOG_PAGE_LIMIT) Default:
            100.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            principal=principal,
            from_=from_,
            to=to,
            after=after,
            limit=limit,
            if_none_match=if_none_match,
        )
    ).parsed
