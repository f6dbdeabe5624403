"""Who an actor is: the events and views name a principal ``key:<id>``; the hub, the bureau and
auditors resolve that id to the name, role and platform the key was issued with (a finance
office needs names, not key ids). Keys are issued and revoked on the command line; their secrets
and hashes are never served."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Response

from api.deps import Ledger, require
from api.responses import json_response
from ledger.application.context import Principal
from ledger.application.interface import KeyIdentity, key_identity_view
from ledger.application.queries.access_keys import key_of
from ledger.domain.access_key import Role

router = APIRouter(prefix="/v1/access-keys", tags=["access keys"])

Resolver = Annotated[Principal, require(Role.HUB, Role.BUREAU, Role.AUDITOR)]
KeyId = Annotated[UUID, Path(description="The key's id, as in an actor `key:<id>`")]


@router.get(
    "/{key_id}/identity",
    summary="Who a key is: its recorded name, role and platform",
    response_model=KeyIdentity,
)
def key_identity(key_id: KeyId, principal: Resolver, ledger: Ledger) -> Response:
    return json_response(key_identity_view(key_of(ledger, key_id)))
