from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.drift_checks import DriftChecks
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    view: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_view: None | str | Unset
    if isinstance(view, Unset):
        json_view = UNSET
    else:
        json_view = view
    params["view"] = json_view

    json_outcome: None | str | Unset
    if isinstance(outcome, Unset):
        json_outcome = UNSET
    else:
        json_outcome = outcome
    params["outcome"] = json_outcome

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/views/drift",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DriftChecks | Problem | None:
    if response.status_code == 200:
        response_200 = DriftChecks.from_dict(response.json())

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
) -> Response[DriftChecks | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    view: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    if_none_match: str | Unset = UNSET,
) -> Response[DriftChecks | Problem]:
    """Drift checks: each view recomputed from the log and compared with the stored one

     What the drift checks found (`sme-ledger project check-drift`, and the projection
    worker every LEDGER_DRIFT_CHECK_SECONDS). Each check recomputed a view from the log up to
    the position the stored view was at, in a store of its own, and compared the two table by
    table: row counts and SHA-256 digests of the rows in primary-key order. `drifting` names
    the views whose latest check found a difference; `latest` is each view's latest check;
    `checks` the recorded checks, the latest first. Checks are only ever added, and never
    repair a view.

    Args:
        view (None | str | Unset): Only this view
        outcome (None | str | Unset): Only checks that found this
        limit (int | Unset): At most this many rows Default: 100.
        offset (int | Unset): Skip this many rows (stable order) Default: 0.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriftChecks | Problem]
    """

    kwargs = _get_kwargs(
        view=view,
        outcome=outcome,
        limit=limit,
        offset=offset,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    view: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    if_none_match: str | Unset = UNSET,
) -> DriftChecks | Problem | None:
    """Drift checks: each view recomputed from the log and compared with the stored one

     What the drift checks found (`sme-ledger project check-drift`, and the projection
    worker every LEDGER_DRIFT_CHECK_SECONDS). Each check recomputed a view from the log up to
    the position the stored view was at, in a store of its own, and compared the two table by
    table: row counts and SHA-256 digests of the rows in primary-key order. `drifting` names
    the views whose latest check found a difference; `latest` is each view's latest check;
    `checks` the recorded checks, the latest first. Checks are only ever added, and never
    repair a view.

    Args:
        view (None | str | Unset): Only this view
        outcome (None | str | Unset): Only checks that found this
        limit (int | Unset): At most this many rows Default: 100.
        offset (int | Unset): Skip this many rows (stable order) Default: 0.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriftChecks | Problem
    """

    return sync_detailed(
        client=client,
        view=view,
        outcome=outcome,
        limit=limit,
        offset=offset,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    view: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    if_none_match: str | Unset = UNSET,
) -> Response[DriftChecks | Problem]:
    """Drift checks: each view recomputed from the log and compared with the stored one

     What the drift checks found (`sme-ledger project check-drift`, and the projection
    worker every LEDGER_DRIFT_CHECK_SECONDS). Each check recomputed a view from the log up to
    the position the stored view was at, in a store of its own, and compared the two table by
    table: row counts and SHA-256 digests of the rows in primary-key order. `drifting` names
    the views whose latest check found a difference; `latest` is each view's latest check;
    `checks` the recorded checks, the latest first. Checks are only ever added, and never
    repair a view.

    Args:
        view (None | str | Unset): Only this view
        outcome (None | str | Unset): Only checks that found this
        limit (int | Unset): At most this many rows Default: 100.
        offset (int | Unset): Skip this many rows (stable order) Default: 0.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriftChecks | Problem]
    """

    kwargs = _get_kwargs(
        view=view,
        outcome=outcome,
        limit=limit,
        offset=offset,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    view: None | str | Unset = UNSET,
    outcome: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    if_none_match: str | Unset = UNSET,
) -> DriftChecks | Problem | None:
    """Drift checks: each view recomputed from the log and compared with the stored one

     What the drift checks found (`sme-ledger project check-drift`, and the projection
    worker every LEDGER_DRIFT_CHECK_SECONDS). Each check recomputed a view from the log up to
    the position the stored view was at, in a store of its own, and compared the two table by
    table: row counts and SHA-256 digests of the rows in primary-key order. `drifting` names
    the views whose latest check found a difference; `latest` is each view's latest check;
    `checks` the recorded checks, the latest first. Checks are only ever added, and never
    repair a view.

    Args:
        view (None | str | Unset): Only this view
        outcome (None | str | Unset): Only checks that found this
        limit (int | Unset): At most this many rows Default: 100.
        offset (int | Unset): Skip this many rows (stable order) Default: 0.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriftChecks | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            view=view,
            outcome=outcome,
            limit=limit,
            offset=offset,
            if_none_match=if_none_match,
        )
    ).parsed
