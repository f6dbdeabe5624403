from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.disbursement_list import DisbursementList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID


def _get_kwargs(
    *,
    budget_id: UUID,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_budget_id = str(budget_id)
    params["budget_id"] = json_budget_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/disbursements",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DisbursementList | Problem | None:
    if response.status_code == 200:
        response_200 = DisbursementList.from_dict(response.json())

        return response_200

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
) -> Response[DisbursementList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    budget_id: UUID,
    if_none_match: str | Unset = UNSET,
) -> Response[DisbursementList | Problem]:
    """The disbursements of a budget, in the order they were requested

    Args:
        budget_id (UUID): The budget they were requested against
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisbursementList | Problem]
    """

    kwargs = _get_kwargs(
        budget_id=budget_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    budget_id: UUID,
    if_none_match: str | Unset = UNSET,
) -> DisbursementList | Problem | None:
    """The disbursements of a budget, in the order they were requested

    Args:
        budget_id (UUID): The budget they were requested against
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisbursementList | Problem
    """

    return sync_detailed(
        client=client,
        budget_id=budget_id,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    budget_id: UUID,
    if_none_match: str | Unset = UNSET,
) -> Response[DisbursementList | Problem]:
    """The disbursements of a budget, in the order they were requested

    Args:
        budget_id (UUID): The budget they were requested against
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisbursementList | Problem]
    """

    kwargs = _get_kwargs(
        budget_id=budget_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    budget_id: UUID,
    if_none_match: str | Unset = UNSET,
) -> DisbursementList | Problem | None:
    """The disbursements of a budget, in the order they were requested

    Args:
        budget_id (UUID): The budget they were requested against
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisbursementList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            budget_id=budget_id,
            if_none_match=if_none_match,
        )
    ).parsed
