from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.violation_list import ViolationList
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID


def _get_kwargs(
    *,
    subject_id: None | Unset | UUID = UNSET,
    year: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_subject_id: None | str | Unset
    if isinstance(subject_id, Unset):
        json_subject_id = UNSET
    elif isinstance(subject_id, UUID):
        json_subject_id = str(subject_id)
    else:
        json_subject_id = subject_id
    params["subject_id"] = json_subject_id

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/violations",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ViolationList | None:
    if response.status_code == 200:
        response_200 = ViolationList.from_dict(response.json())

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
) -> Response[Problem | ViolationList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    subject_id: None | Unset | UUID = UNSET,
    year: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Problem | ViolationList]:
    """Violations by subject and year, with their counts by severity

     Every matching violation this key may see, in the order recorded, and how many there
    are by severity and outcome (the figures an appraisal reads); a window or an institution
    sees its own only.

    Args:
        subject_id (None | Unset | UUID): Violations of this platform or institution
        year (int | None | Unset): Found in this year (found_on)
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ViolationList]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        year=year,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    subject_id: None | Unset | UUID = UNSET,
    year: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Problem | ViolationList | None:
    """Violations by subject and year, with their counts by severity

     Every matching violation this key may see, in the order recorded, and how many there
    are by severity and outcome (the figures an appraisal reads); a window or an institution
    sees its own only.

    Args:
        subject_id (None | Unset | UUID): Violations of this platform or institution
        year (int | None | Unset): Found in this year (found_on)
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ViolationList
    """

    return sync_detailed(
        client=client,
        subject_id=subject_id,
        year=year,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    subject_id: None | Unset | UUID = UNSET,
    year: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Problem | ViolationList]:
    """Violations by subject and year, with their counts by severity

     Every matching violation this key may see, in the order recorded, and how many there
    are by severity and outcome (the figures an appraisal reads); a window or an institution
    sees its own only.

    Args:
        subject_id (None | Unset | UUID): Violations of this platform or institution
        year (int | None | Unset): Found in this year (found_on)
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ViolationList]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        year=year,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    subject_id: None | Unset | UUID = UNSET,
    year: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Problem | ViolationList | None:
    """Violations by subject and year, with their counts by severity

     Every matching violation this key may see, in the order recorded, and how many there
    are by severity and outcome (the figures an appraisal reads); a window or an institution
    sees its own only.

    Args:
        subject_id (None | Unset | UUID): Violations of this platform or institution
        year (int | None | Unset): Found in this year (found_on)
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ViolationList
    """

    return (
        await asyncio_detailed(
            client=client,
            subject_id=subject_id,
            year=year,
            if_none_match=if_none_match,
        )
    ).parsed
