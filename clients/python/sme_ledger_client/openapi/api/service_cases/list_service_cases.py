from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.case_page import CasePage
from ...models.case_status import CaseStatus
from ...models.case_status import check_case_status
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime


def _get_kwargs(
    *,
    status: CaseStatus | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    enterprise: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    platform_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    else:
        json_category = category
    params["category"] = json_category

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_enterprise: None | str | Unset
    if isinstance(enterprise, Unset):
        json_enterprise = UNSET
    else:
        json_enterprise = enterprise
    params["enterprise"] = json_enterprise

    json_external_ref: None | str | Unset
    if isinstance(external_ref, Unset):
        json_external_ref = UNSET
    else:
        json_external_ref = external_ref
    params["external_ref"] = json_external_ref

    json_platform_id: None | str | Unset
    if isinstance(platform_id, Unset):
        json_platform_id = UNSET
    elif isinstance(platform_id, UUID):
        json_platform_id = str(platform_id)
    else:
        json_platform_id = platform_id
    params["platform_id"] = json_platform_id

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

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
        "url": "/v1/service-cases",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CasePage | Problem | None:
    if response.status_code == 200:
        response_200 = CasePage.from_dict(response.json())

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
) -> Response[CasePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: CaseStatus | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    enterprise: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    platform_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[CasePage | Problem]:
    """Service cases in the order opened: a window's own, an institution's assigned, or all

     Read from the service-cases view (as fresh as `min_position` asks), one page at a time in the order
    the cases were opened: a case opened while a client pages comes after every case already listed, so
    paging on with `next_cursor` (or the `Link` header) lists each case once. A window lists only the
    cases it recorded (naming another `platform_id` lists nothing), an institution only the cases
    assigned to it, the hub, the bureau and auditors every case (of one window with `platform_id`).

    Args:
        status (CaseStatus | None | Unset): Cases in this status
        category (None | str | Unset): Cases of this service category: an item (`100200`), or a
            first-level category (`10`) with its items
        from_ (datetime.date | None | Unset): Cases opened on or after this business date
            (Ningxia)
        to (datetime.date | None | Unset): Cases opened on or before this business date (Ningxia)
        enterprise (None | str | Unset): Cases of the enterprise with this USCC
        external_ref (None | str | Unset): The case with this external reference of its window (a
            window finds its own case by the reference its system gave it)
        platform_id (None | Unset | UUID): Cases of this window
        limit (int | Unset): At most this many cases Default: 100.
        cursor (None | str | Unset): Where to read on: the `next_cursor` of the last page
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
        Response[CasePage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        from_=from_,
        to=to,
        enterprise=enterprise,
        external_ref=external_ref,
        platform_id=platform_id,
        limit=limit,
        cursor=cursor,
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
    status: CaseStatus | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    enterprise: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    platform_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> CasePage | Problem | None:
    """Service cases in the order opened: a window's own, an institution's assigned, or all

     Read from the service-cases view (as fresh as `min_position` asks), one page at a time in the order
    the cases were opened: a case opened while a client pages comes after every case already listed, so
    paging on with `next_cursor` (or the `Link` header) lists each case once. A window lists only the
    cases it recorded (naming another `platform_id` lists nothing), an institution only the cases
    assigned to it, the hub, the bureau and auditors every case (of one window with `platform_id`).

    Args:
        status (CaseStatus | None | Unset): Cases in this status
        category (None | str | Unset): Cases of this service category: an item (`100200`), or a
            first-level category (`10`) with its items
        from_ (datetime.date | None | Unset): Cases opened on or after this business date
            (Ningxia)
        to (datetime.date | None | Unset): Cases opened on or before this business date (Ningxia)
        enterprise (None | str | Unset): Cases of the enterprise with this USCC
        external_ref (None | str | Unset): The case with this external reference of its window (a
            window finds its own case by the reference its system gave it)
        platform_id (None | Unset | UUID): Cases of this window
        limit (int | Unset): At most this many cases Default: 100.
        cursor (None | str | Unset): Where to read on: the `next_cursor` of the last page
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
        CasePage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        category=category,
        from_=from_,
        to=to,
        enterprise=enterprise,
        external_ref=external_ref,
        platform_id=platform_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
        min_position=min_position,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: CaseStatus | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    enterprise: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    platform_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[CasePage | Problem]:
    """Service cases in the order opened: a window's own, an institution's assigned, or all

     Read from the service-cases view (as fresh as `min_position` asks), one page at a time in the order
    the cases were opened: a case opened while a client pages comes after every case already listed, so
    paging on with `next_cursor` (or the `Link` header) lists each case once. A window lists only the
    cases it recorded (naming another `platform_id` lists nothing), an institution only the cases
    assigned to it, the hub, the bureau and auditors every case (of one window with `platform_id`).

    Args:
        status (CaseStatus | None | Unset): Cases in this status
        category (None | str | Unset): Cases of this service category: an item (`100200`), or a
            first-level category (`10`) with its items
        from_ (datetime.date | None | Unset): Cases opened on or after this business date
            (Ningxia)
        to (datetime.date | None | Unset): Cases opened on or before this business date (Ningxia)
        enterprise (None | str | Unset): Cases of the enterprise with this USCC
        external_ref (None | str | Unset): The case with this external reference of its window (a
            window finds its own case by the reference its system gave it)
        platform_id (None | Unset | UUID): Cases of this window
        limit (int | Unset): At most this many cases Default: 100.
        cursor (None | str | Unset): Where to read on: the `next_cursor` of the last page
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
        Response[CasePage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        category=category,
        from_=from_,
        to=to,
        enterprise=enterprise,
        external_ref=external_ref,
        platform_id=platform_id,
        limit=limit,
        cursor=cursor,
        format_=format_,
        min_position=min_position,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: CaseStatus | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    enterprise: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    platform_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    format_: str | Unset = "json",
    min_position: int | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> CasePage | Problem | None:
    """Service cases in the order opened: a window's own, an institution's assigned, or all

     Read from the service-cases view (as fresh as `min_position` asks), one page at a time in the order
    the cases were opened: a case opened while a client pages comes after every case already listed, so
    paging on with `next_cursor` (or the `Link` header) lists each case once. A window lists only the
    cases it recorded (naming another `platform_id` lists nothing), an institution only the cases
    assigned to it, the hub, the bureau and auditors every case (of one window with `platform_id`).

    Args:
        status (CaseStatus | None | Unset): Cases in this status
        category (None | str | Unset): Cases of this service category: an item (`100200`), or a
            first-level category (`10`) with its items
        from_ (datetime.date | None | Unset): Cases opened on or after this business date
            (Ningxia)
        to (datetime.date | None | Unset): Cases opened on or before this business date (Ningxia)
        enterprise (None | str | Unset): Cases of the enterprise with this USCC
        external_ref (None | str | Unset): The case with this external reference of its window (a
            window finds its own case by the reference its system gave it)
        platform_id (None | Unset | UUID): Cases of this window
        limit (int | Unset): At most this many cases Default: 100.
        cursor (None | str | Unset): Where to read on: the `next_cursor` of the last page
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
        CasePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            category=category,
            from_=from_,
            to=to,
            enterprise=enterprise,
            external_ref=external_ref,
            platform_id=platform_id,
            limit=limit,
            cursor=cursor,
            format_=format_,
            min_position=min_position,
            if_none_match=if_none_match,
        )
    ).parsed
