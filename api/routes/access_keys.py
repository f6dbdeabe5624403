"""Access keys: who an actor is, and keys issued, listed and revoked over HTTP.

The events and views name a principal ``key:<id>``; the hub, the bureau and auditors resolve
that id to the name, role and platform the key was issued with (a finance office needs names,
not key ids). An admin issues, lists and revokes any key; the hub those of windows and
institutions (the platforms it admits), so a window's integration key is replaced without the
database host. Each is recorded in the log as the command line's are (``AccessKey.Issued``,
``AccessKey.Revoked``, with the acting key). A secret is in the answer to its issue once; only
its hash is kept, and a replayed answer (the same Idempotency-Key) cannot show it again."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from api.deps import Ledger, require, require_json
from api.openapi import READ_HEADERS
from api.paging import Paging, paged
from api.problems import ApiError
from api.responses import json_response, outcome_response, view_response
from api.schemas.access_keys import KeyIssue, KeyRevocation
from api.shapes import ShapedRoute, written
from api.views import Listing
from api.writers import Writer, creating, stepping
from ledger.application.commands.access_keys import IssueKey, RevokeKey
from ledger.application.context import Principal
from ledger.application.interface import (
    AccessKeyView,
    KeyIdentity,
    PageFields,
    access_key_view,
    key_identity_view,
)
from ledger.application.queries.access_keys import key_of, list_keys
from ledger.domain.access_key import AccessKey, Role
from ledger.domain.errors import AccessKeyNotFoundError

router = APIRouter(route_class=ShapedRoute, prefix="/v1/access-keys", tags=["access keys"])

Resolver = Annotated[Principal, require(Role.HUB, Role.BUREAU, Role.AUDITOR)]
KeyId = Annotated[UUID, Path(description="The key's id, as in an actor `key:<id>`")]


@router.get(
    "/{key_id}/identity",
    summary="Who a key is: its recorded name, role and platform",
    response_model=KeyIdentity,
)
def key_identity(key_id: KeyId, principal: Resolver, ledger: Ledger) -> Response:
    return json_response(key_identity_view(key_of(ledger, key_id)))


class AccessKeyIssued(AccessKeyView):
    """A key just issued, with the log position of its issue and its secret."""

    position: int
    secret: str | None
    """The key itself (``sml_…``), in this answer only: ``null`` in an answer replayed for the
    same Idempotency-Key, since only its hash is kept."""


class AccessKeyList(PageFields):
    """The keys a key manages, in issue order."""

    keys: list[AccessKeyView]


Managing = Annotated[Principal, require(Role.ADMIN, Role.HUB)]
Issuing = Annotated[Writer, creating(Role.ADMIN, Role.HUB)]
Revoking = Annotated[Writer, stepping(Role.ADMIN, Role.HUB)]
HUB_MANAGES = frozenset({Role.WINDOW, Role.INSTITUTION})
"""The keys the hub issues and revokes: those of the windows and institutions it admits."""


def _may_manage(principal: Principal, role: Role, verb: str) -> None:
    if principal.role is Role.HUB and role not in HUB_MANAGES:
        raise ApiError(
            403,
            "forbidden_role",
            "Role not allowed",
            f"The hub {verb}s window and institution keys; a {role.value} key is an admin's "
            f"to {verb}.",
        )


def _managed_by(principal: Principal, key: AccessKey) -> bool:
    return principal.role is Role.ADMIN or key.role in HUB_MANAGES


@router.post(
    "",
    status_code=201,
    dependencies=[Depends(require_json)],
    summary="Issue a key (admin: any; the hub: a window's or an institution's); its secret once",
    name="issue_access_key",
    responses={201: READ_HEADERS[200]},
    response_model=AccessKeyIssued,
)
def issue_access_key(body: KeyIssue, write: Issuing) -> Response:
    role = Role(body.role)
    _may_manage(write.principal, role, "issue")
    command = IssueKey(role=role, platform_id=body.platform_id, name=body.name)
    issued = write.ledger.handle(command, write.context(body))
    outcome = issued.outcome
    # The secret is never stored, so an answer replayed for the same key cannot show it.
    shown = None if outcome.replayed else issued.secret
    return outcome_response(replace(outcome, body={**outcome.body, "secret": shown}))


@router.get(
    "",
    summary="The keys this key manages, in issue order",
    name="list_access_keys",
    response_model=AccessKeyList,
)
def list_access_keys(
    principal: Managing,
    ledger: Ledger,
    directory: Listing,
    role: Annotated[Role | None, Query(description="Only keys of this role")] = None,
    platform_id: Annotated[
        UUID | None, Query(description="Only keys that act for this platform or institution")
    ] = None,
    revoked: Annotated[bool | None, Query(description="Only revoked (or live) keys")] = None,
    *,
    page: Paging,
    request: Request,
) -> Response:
    def kept(key: AccessKey) -> bool:
        return (
            _managed_by(principal, key)
            and (role is None or key.role is role)
            and (platform_id is None or key.platform_id == platform_id)
            and (revoked is None or key.revoked == revoked)
        )

    found = list_keys(ledger, directory, page, kept)
    return paged(request, {"keys": [access_key_view(k) for k in found]}, found)


@router.get(
    "/{key_id}",
    summary="A key: its role, platform, name, hint and whether revoked",
    name="read_access_key",
    responses=READ_HEADERS,
    response_model=AccessKeyView,
)
def read_access_key(key_id: KeyId, principal: Managing, ledger: Ledger) -> Response:
    key = key_of(ledger, key_id)
    if not _managed_by(principal, key):
        raise AccessKeyNotFoundError(f"No access key with id {key_id}.", id=str(key_id))
    return view_response(access_key_view(key), key.version)


@router.post(
    "/{key_id}/revocation",
    dependencies=[Depends(require_json)],
    summary="Revoke a key (admin: any; the hub: a window's or an institution's): at once",
    name="revoke_access_key",
    responses=READ_HEADERS,
    response_model=written(AccessKeyView),
)
def revoke_access_key(key_id: KeyId, body: KeyRevocation, write: Revoking) -> Response:
    _may_manage(write.principal, key_of(write.ledger, key_id).role, "revoke")
    return write(RevokeKey(key_id=key_id, reason=body.reason), body)
