from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.disbursement_view import DisbursementView
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime


def _get_kwargs(
    disbursement_id: UUID,
    *,
    version: int | None | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    business_date: datetime.date | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_version: int | None | Unset
    if isinstance(version, Unset):
        json_version = UNSET
    else:
        json_version = version
    params["version"] = json_version

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.datetime):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_business_date: None | str | Unset
    if isinstance(business_date, Unset):
        json_business_date = UNSET
    elif isinstance(business_date, datetime.date):
        json_business_date = business_date.isoformat()
    else:
        json_business_date = business_date
    params["business_date"] = json_business_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/disbursements/{disbursement_id}".format(
            disbursement_id=quote(str(disbursement_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DisbursementView | Problem | None:
    if response.status_code == 200:
        response_200 = DisbursementView.from_dict(response.json())

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
) -> Response[DisbursementView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    disbursement_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    business_date: datetime.date | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[DisbursementView | Problem]:
    """A disbursement now, at a version, as of a time, or as it stood on a business date

    Args:
        disbursement_id (UUID): The disbursement's id
        version (int | None | Unset): State at this version
        as_of (datetime.datetime | None | Unset): State as recorded at this time (ISO 8601, with
            offset)
        business_date (datetime.date | None | Unset): State as it stood on this business date
            (Ningxia): the events that had happened by then, in the order recorded; with as_of, only
            those recorded by then
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisbursementView | Problem]
    """

    kwargs = _get_kwargs(
        disbursement_id=disbursement_id,
        version=version,
        as_of=as_of,
        business_date=business_date,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    disbursement_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    business_date: datetime.date | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> DisbursementView | Problem | None:
    """A disbursement now, at a version, as of a time, or as it stood on a business date

    Args:
        disbursement_id (UUID): The disbursement's id
        version (int | None | Unset): State at this version
        as_of (datetime.datetime | None | Unset): State as recorded at this time (ISO 8601, with
            offset)
        business_date (datetime.date | None | Unset): State as it stood on this business date
            (Ningxia): the events that had happened by then, in the order recorded; with as_of, only
            those recorded by then
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisbursementView | Problem
    """

    return sync_detailed(
        disbursement_id=disbursement_id,
        client=client,
        version=version,
        as_of=as_of,
        business_date=business_date,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    disbursement_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    business_date: datetime.date | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[DisbursementView | Problem]:
    """A disbursement now, at a version, as of a time, or as it stood on a business date

    Args:
        disbursement_id (UUID): The disbursement's id
        version (int | None | Unset): State at this version
        as_of (datetime.datetime | None | Unset): State as recorded at this time (ISO 8601, with
            offset)
        business_date (datetime.date | None | Unset): State as it stood on this business date
            (Ningxia): the events that had happened by then, in the order recorded; with as_of, only
            those recorded by then
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisbursementView | Problem]
    """

    kwargs = _get_kwargs(
        disbursement_id=disbursement_id,
        version=version,
        as_of=as_of,
        business_date=business_date,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    disbursement_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    business_date: datetime.date | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> DisbursementView | Problem | None:
    """A disbursement now, at a version, as of a time, or as it stood on a business date

    Args:
        disbursement_id (UUID): The disbursement's id
        version (int | None | Unset): State at this version
        as_of (datetime.datetime | None | Unset): State as recorded at this time (ISO 8601, with
            offset)
        business_date (datetime.date | None | Unset): State as it stood on this business date
            (Ningxia): the events that had happened by then, in the order recorded; with as_of, only
            those recorded by then
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisbursementView | Problem
    """

    return (
        await asyncio_detailed(
            disbursement_id=disbursement_id,
            client=client,
            version=version,
            as_of=as_of,
            business_date=business_date,
            if_none_match=if_none_match,
        )
    ).parsed
