from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.onboarding_application_written import OnboardingApplicationWritten
from ...models.problem import Problem
from ...models.withdrawal_body import WithdrawalBody
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID


def _get_kwargs(
    application_id: UUID,
    *,
    body: WithdrawalBody,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/onboarding-applications/{application_id}/withdrawal".format(
            application_id=quote(str(application_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OnboardingApplicationWritten | Problem | None:
    if response.status_code == 200:
        response_200 = OnboardingApplicationWritten.from_dict(response.json())

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

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[OnboardingApplicationWritten | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WithdrawalBody,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[OnboardingApplicationWritten | Problem]:
    """Withdraw the application at the applicant's request

    Args:
        application_id (UUID): The onboarding application's id
        if_match (None | str | Unset): Make the command conditional on the current version, e.g.
            `"3"`.
        idempotency_key (None | str | Unset): Repeat a POST safely: the same key and body returns
            the original response.
        body (WithdrawalBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OnboardingApplicationWritten | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WithdrawalBody,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> OnboardingApplicationWritten | Problem | None:
    """Withdraw the application at the applicant's request

    Args:
        application_id (UUID): The onboarding application's id
        if_match (None | str | Unset): Make the command conditional on the current version, e.g.
            `"3"`.
        idempotency_key (None | str | Unset): Repeat a POST safely: the same key and body returns
            the original response.
        body (WithdrawalBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OnboardingApplicationWritten | Problem
    """

    return sync_detailed(
        application_id=application_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WithdrawalBody,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[OnboardingApplicationWritten | Problem]:
    """Withdraw the application at the applicant's request

    Args:
        application_id (UUID): The onboarding application's id
        if_match (None | str | Unset): Make the command conditional on the current version, e.g.
            `"3"`.
        idempotency_key (None | str | Unset): Repeat a POST safely: the same key and body returns
            the original response.
        body (WithdrawalBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OnboardingApplicationWritten | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WithdrawalBody,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> OnboardingApplicationWritten | Problem | None:
    """Withdraw the application at the applicant's request

    Args:
        application_id (UUID): The onboarding application's id
        if_match (None | str | Unset): Make the command conditional on the current version, e.g.
            `"3"`.
        idempotency_key (None | str | Unset): Repeat a POST safely: the same key and body returns
            the original response.
        body (WithdrawalBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OnboardingApplicationWritten | Problem
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
