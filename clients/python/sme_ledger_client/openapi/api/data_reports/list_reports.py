from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.data_report_list import DataReportList
from ...models.list_reports_status_type_0 import check_list_reports_status_type_0
from ...models.list_reports_status_type_0 import ListReportsStatusType0
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID


def _get_kwargs(
    *,
    period: None | str | Unset = UNSET,
    window_id: None | Unset | UUID = UNSET,
    status: ListReportsStatusType0 | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_period: None | str | Unset
    if isinstance(period, Unset):
        json_period = UNSET
    else:
        json_period = period
    params["period"] = json_period

    json_window_id: None | str | Unset
    if isinstance(window_id, Unset):
        json_window_id = UNSET
    elif isinstance(window_id, UUID):
        json_window_id = str(window_id)
    else:
        json_window_id = window_id
    params["window_id"] = json_window_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/data-reports",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DataReportList | Problem | None:
    if response.status_code == 200:
        response_200 = DataReportList.from_dict(response.json())

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
) -> Response[DataReportList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    period: None | str | Unset = UNSET,
    window_id: None | Unset | UUID = UNSET,
    status: ListReportsStatusType0 | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[DataReportList | Problem]:
    """Data reports by period, window, status, or overdue

     Every matching report, in the order they were requested; a window sees only its own.

    Read by scanning the log's report requests in-process: enough for the network's few hundred
    reports a year, until the projections of a later issue serve this list.

    Args:
        period (None | str | Unset): e.g. "2026-03" or "2026-Q1"
        window_id (None | Unset | UUID): Reports of this window
        status (ListReportsStatusType0 | None | Unset): Reports in this status
        overdue (bool | None | Unset): Never submitted and past the due date (today in Ningxia),
            or not
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataReportList | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        window_id=window_id,
        status=status,
        overdue=overdue,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period: None | str | Unset = UNSET,
    window_id: None | Unset | UUID = UNSET,
    status: ListReportsStatusType0 | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> DataReportList | Problem | None:
    """Data reports by period, window, status, or overdue

     Every matching report, in the order they were requested; a window sees only its own.

    Read by scanning the log's report requests in-process: enough for the network's few hundred
    reports a year, until the projections of a later issue serve this list.

    Args:
        period (None | str | Unset): e.g. "2026-03" or "2026-Q1"
        window_id (None | Unset | UUID): Reports of this window
        status (ListReportsStatusType0 | None | Unset): Reports in this status
        overdue (bool | None | Unset): Never submitted and past the due date (today in Ningxia),
            or not
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataReportList | Problem
    """

    return sync_detailed(
        client=client,
        period=period,
        window_id=window_id,
        status=status,
        overdue=overdue,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: None | str | Unset = UNSET,
    window_id: None | Unset | UUID = UNSET,
    status: ListReportsStatusType0 | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[DataReportList | Problem]:
    """Data reports by period, window, status, or overdue

     Every matching report, in the order they were requested; a window sees only its own.

    Read by scanning the log's report requests in-process: enough for the network's few hundred
    reports a year, until the projections of a later issue serve this list.

    Args:
        period (None | str | Unset): e.g. "2026-03" or "2026-Q1"
        window_id (None | Unset | UUID): Reports of this window
        status (ListReportsStatusType0 | None | Unset): Reports in this status
        overdue (bool | None | Unset): Never submitted and past the due date (today in Ningxia),
            or not
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataReportList | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        window_id=window_id,
        status=status,
        overdue=overdue,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period: None | str | Unset = UNSET,
    window_id: None | Unset | UUID = UNSET,
    status: ListReportsStatusType0 | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> DataReportList | Problem | None:
    """Data reports by period, window, status, or overdue

     Every matching report, in the order they were requested; a window sees only its own.

    Read by scanning the log's report requests in-process: enough for the network's few hundred
    reports a year, until the projections of a later issue serve this list.

    Args:
        period (None | str | Unset): e.g. "2026-03" or "2026-Q1"
        window_id (None | Unset | UUID): Reports of this window
        status (ListReportsStatusType0 | None | Unset): Reports in this status
        overdue (bool | None | Unset): Never submitted and past the due date (today in Ningxia),
            or not
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataReportList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            window_id=window_id,
            status=status,
            overdue=overdue,
            if_none_match=if_none_match,
        )
    ).parsed
