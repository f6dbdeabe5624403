"""For auditors: signed checkpoints, inclusion and consistency proofs, the sealing public key,
and the access audit trail. Everything here can be checked offline (docs/audit.md).

Checkpoints, proofs and keys are read where the read-only routes read (the hot standby, if one
is set: a checkpoint sealed a moment ago may not be there yet); the access trail is read on the
primary, where this process has just flushed it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import PlainTextResponse
from typing_extensions import TypedDict

from api.deps import LARGEST, AppSettings, Audit, IsoDateTime, bounded_limit, require
from api.openapi import LOG_PAGE_LARGEST, LOG_PAGE_LIMIT, PAGED_HEADERS
from api.problems import ApiError
from api.reads import ReadSide
from api.responses import json_response
from api.shapes import ShapedRoute
from evidence.checkpoint_note import parse_tree_head
from evidence.keys import load_verify_key, raw_public
from evidence.note import NoteVerifier, split_note
from ledger.application.context import Principal
from ledger.audit.proofs import (
    CheckpointView,
    ConsistencyProofView,
    InclusionProofView,
    checkpoint_view,
)
from ledger.audit.records import StoredAccessRecord
from ledger.domain.access_key import Role
from ledger.domain.errors import NoCheckpointError
from runtime.reads import Reads

router = APIRouter(route_class=ShapedRoute, prefix="/v1/audit", tags=["audit"])
# Where C2SP clients look for a log's checkpoint: beside the log, not under the JSON API.
note_router = APIRouter(route_class=ShapedRoute, tags=["audit"])
TEXT = "text/plain; charset=utf-8"

# The bureau and the hub supervise the network and may check the log's integrity too; who
# accessed what is for auditors alone.
Verifier = Annotated[Principal, require(Role.AUDITOR, Role.BUREAU, Role.HUB)]
Auditor = Annotated[Principal, require(Role.AUDITOR)]


class SealingKeyView(TypedDict):
    """A key that has signed checkpoints: its id, and its public key as PEM and as the raw 32
    bytes in hex."""

    key_id: str
    algorithm: str
    public_key_pem: str
    raw_hex: str


class PublicKeyView(TypedDict):
    """The key that signs checkpoints now (that of the latest checkpoint), and every key that
    has signed one, in the order they were registered."""

    key_id: str
    public_key_pem: str
    algorithm: str
    keys: list[SealingKeyView]
    note: str


class AccessRecordView(TypedDict):
    """One request that touched ledger data: when, by whom (``key:<id>`` or ``anonymous``) in
    which role, which route and resource, and how it was answered."""

    id: int
    at: str
    principal: str
    role: str
    method: str
    route: str
    resource_id: str | None
    status: int
    request_id: str


class AccessPage(TypedDict):
    """One page of the access trail, in id order: ``after`` as asked, and ``next_after`` to ask
    for the next page with (the last id shown; ``after`` if none)."""

    records: list[AccessRecordView]
    after: int
    next_after: int


def access_record_view(row: StoredAccessRecord) -> AccessRecordView:
    record = row.record
    return {
        "id": row.id,
        "at": record.at.isoformat(),
        "principal": record.principal,
        "role": record.role,
        "method": record.method,
        "route": record.route,
        "resource_id": record.resource_id,
        "status": record.status,
        "request_id": record.request_id,
    }


@router.get(
    "/checkpoints/latest",
    summary="The latest signed checkpoint",
    responses={404: {"description": "Nothing is sealed yet"}},
    response_model=CheckpointView,
)
def latest_checkpoint(_: Verifier, reads: ReadSide) -> Response:
    return json_response(checkpoint_view(reads.proofs.latest()))


@router.get(
    "/checkpoints/{tree_size}",
    summary="The signed checkpoint of a tree size",
    response_model=CheckpointView,
)
def checkpoint(
    tree_size: Annotated[int, Path(ge=1, le=LARGEST)], _: Verifier, reads: ReadSide
) -> Response:
    return json_response(checkpoint_view(reads.proofs.checkpoint(tree_size)))


@router.get(
    "/proof/inclusion",
    summary="Proof that the event at a log position is sealed",
    responses={404: {"description": "Nothing is sealed that far yet"}},
    response_model=InclusionProofView,
)
def inclusion_proof(
    _: Verifier,
    reads: ReadSide,
    position: Annotated[int, Query(ge=1, le=LARGEST, description="The event's log position")],
    tree_size: Annotated[
        int | None,
        Query(ge=1, le=LARGEST, description="A checkpoint's tree size (default: the latest)"),
    ] = None,
) -> Response:
    return json_response(reads.proofs.inclusion(position, tree_size).to_json())


@router.get(
    "/proof/consistency",
    summary="Proof that a later checkpoint extends an earlier one",
    responses={404: {"description": "Nothing is sealed that far yet"}},
    response_model=ConsistencyProofView,
)
def consistency_proof(
    _: Verifier,
    reads: ReadSide,
    old: Annotated[int, Query(alias="from", ge=1, le=LARGEST, description="The earlier tree size")],
    new: Annotated[int, Query(alias="to", ge=1, le=LARGEST, description="The later tree size")],
) -> Response:
    return json_response(reads.proofs.consistency(old, new).to_json())


@router.get(
    "/public-key",
    summary="The Ed25519 public key that signs checkpoints",
    response_model=PublicKeyView,
)
def public_key(_: Verifier, reads: ReadSide) -> Response:
    keys = reads.audit.public_keys()
    if not keys:
        raise NoCheckpointError("No sealing key has been used yet; the sealer registers it.")
    latest = reads.audit.latest_checkpoint()
    current = latest.key_id if latest else list(keys)[-1]
    listed: list[SealingKeyView] = []
    for key_id, pem in keys.items():
        raw = raw_public(load_verify_key(pem).public_key).hex()
        listed.append(
            {"key_id": key_id, "algorithm": "Ed25519", "public_key_pem": pem, "raw_hex": raw}
        )
    shown: PublicKeyView = {
        "key_id": current,
        "public_key_pem": keys[current],
        "algorithm": "Ed25519",
        "keys": listed,
        "note": "Compare the key id with the one the operator gave you out of band before "
        "trusting it.",
    }
    return json_response(shown)


def _latest(reads: Reads) -> tuple[int, bytes]:
    found = reads.audit.latest_note()
    if found is None:
        raise NoCheckpointError("No checkpoint has been signed as a note yet.")
    return found


def _latest_note(reads: Reads) -> bytes:
    return _latest(reads)[1]


@note_router.get(
    "/checkpoint",
    summary="The latest checkpoint as a C2SP signed note (tlog-checkpoint), with the witnesses' "
    "cosignatures (tlog-cosignature) after the log's signature",
    response_class=PlainTextResponse,
    responses={404: {"description": "Nothing is sealed yet"}},
)
def checkpoint_note(_: Verifier, reads: ReadSide) -> Response:
    size, note = _latest(reads)
    cosignatures = "".join(c.line for c in reads.audit.cosignatures(size))
    return Response(note + cosignatures.encode(), media_type=TEXT)


@router.get(
    "/verifier-key",
    summary="The note verifier key (C2SP signed-note) of the key that signed /checkpoint",
    response_class=PlainTextResponse,
    responses={404: {"description": "Nothing is sealed yet"}},
)
def verifier_key(_: Verifier, reads: ReadSide) -> Response:
    text, signatures = split_note(_latest_note(reads))
    origin = parse_tree_head(text).origin
    signed = {s.key_hash for s in signatures if s.name == origin}
    for pem in reversed(reads.audit.public_keys().values()):
        verifier = NoteVerifier(origin, load_verify_key(pem))
        if verifier.key_hash in signed:
            return Response(f"{verifier}\n", media_type=TEXT)
    raise NoCheckpointError("The key that signed the latest checkpoint note is not registered.")


@router.get(
    "/access",
    summary="Who read or wrote ledger data, and when (paged)",
    responses=PAGED_HEADERS,
    response_model=AccessPage,
)
def access_records(
    request: Request,
    _: Auditor,
    audit: Audit,
    settings: AppSettings,
    principal: Annotated[
        str | None, Query(description="`key:<key id>` (or the key id alone), or `anonymous`")
    ] = None,
    since: Annotated[
        IsoDateTime | None, Query(alias="from", description="At or after this time")
    ] = None,
    until: Annotated[IsoDateTime | None, Query(alias="to", description="Before this time")] = None,
    after: Annotated[int, Query(ge=0, le=LARGEST, description="Records with ids above this")] = 0,
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=LOG_PAGE_LARGEST,
            description="At most this many records (at most LEDGER_LOG_PAGE_LIMIT)",
            json_schema_extra=LOG_PAGE_LIMIT,
        ),
    ] = 100,
) -> Response:
    limit = bounded_limit(limit, settings.log_page_limit)
    if since is not None and until is not None and since >= until:
        raise ApiError(
            400, "conflicting_parameters", "Conflicting parameters", "`from` must be before `to`."
        )
    if principal is not None and principal != "anonymous" and not principal.startswith("key:"):
        principal = f"key:{principal}"
    if audit.access_log is not None:
        # Requests answered a moment ago are on record before this one reads the trail.
        audit.access_log.flush()
    rows = audit.store.select_access(
        principal=principal, since=since, until=until, after_id=after, limit=limit
    )
    body: AccessPage = {
        "records": [access_record_view(row) for row in rows],
        "after": after,
        "next_after": rows[-1].id if rows else after,
    }
    headers = {}
    if len(rows) == limit:
        next_url = request.url.include_query_params(after=body["next_after"], limit=limit)
        headers["Link"] = f'<{next_url}>; rel="next"'
    return json_response(body, 200, headers)
