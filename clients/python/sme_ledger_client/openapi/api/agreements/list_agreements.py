from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.agreement_list import AgreementList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime


def _get_kwargs(
    *,
    party: None | Unset | UUID = UNSET,
    as_on: datetime.date | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_party: None | str | Unset
    if isinstance(party, Unset):
        json_party = UNSET
    elif isinstance(party, UUID):
        json_party = str(party)
    else:
        json_party = party
    params["party"] = json_party

    json_as_on: None | str | Unset
    if isinstance(as_on, Unset):
        json_as_on = UNSET
    elif isinstance(as_on, datetime.date):
        json_as_on = as_on.isoformat()
    else:
        json_as_on = as_on
    params["as_on"] = json_as_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/agreements",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgreementList | Problem | None:
    if response.status_code == 200:
        response_200 = AgreementList.from_dict(response.json())

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
) -> Response[AgreementList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    party: None | Unset | UUID = UNSET,
    as_on: datetime.date | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AgreementList | Problem]:
    """Agreements, in the order proposed (a window or institution: its own)

    Args:
        party (None | Unset | UUID): Only agreements this party is party to
        as_on (datetime.date | None | Unset): The day the views are for
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementList | Problem]
    """

    kwargs = _get_kwargs(
        party=party,
        as_on=as_on,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    party: None | Unset | UUID = UNSET,
    as_on: datetime.date | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AgreementList | Problem | None:
    """Agreements, in the order proposed (a window or institution: its own)

    Args:
        party (None | Unset | UUID): Only agreements this party is party to
        as_on (datetime.date | None | Unset): The day the views are for
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementList | Problem
    """

    return sync_detailed(
        client=client,
        party=party,
        as_on=as_on,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    party: None | Unset | UUID = UNSET,
    as_on: datetime.date | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AgreementList | Problem]:
    """Agreements, in the order proposed (a window or institution: its own)

    Args:
        party (None | Unset | UUID): Only agreements this party is party to
        as_on (datetime.date | None | Unset): The day the views are for
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementList | Problem]
    """

    kwargs = _get_kwargs(
        party=party,
        as_on=as_on,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    party: None | Unset | UUID = UNSET,
    as_on: datetime.date | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AgreementList | Problem | None:
    """Agreements, in the order proposed (a window or institution: its own)

    Args:
        party (None | Unset | UUID): Only agreements this party is party to
        as_on (datetime.date | None | Unset): The day the views are for
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            party=party,
            as_on=as_on,
            if_none_match=if_none_match,
        )
    ).parsed
