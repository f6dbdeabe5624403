"""The sealed tree as C2SP ``tlog-tiles`` (docs/audit.md, "Tiles"): hash tiles and entry
bundles beside ``/checkpoint``, for the same callers, so standard tlog clients can check the log.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from api.problems import ApiError
from api.reads import ReadSide
from api.routes.audit import Verifier
from api.shapes import ShapedRoute
from evidence.tile_path import Tile, TilePathError, parse_tile_path
from ledger.audit.tiles import AuditTiles

router = APIRouter(route_class=ShapedRoute, tags=["audit"])
OCTETS = "application/octet-stream"
# A full tile never changes. A partial one does not either, but the spec lets a log drop it once
# the full tile exists, so caches keep it briefly. Hash tiles say nothing of the events (each
# hash commits to a random stream id), so shared caches may keep them; bundles hold the events
# themselves, which only the roles below may read, so only the caller's own cache may.
FULL_TILE = "public, max-age=31536000, immutable"
PARTIAL_TILE = "public, max-age=60"
FULL_BUNDLE = "private, max-age=31536000, immutable"
PARTIAL_BUNDLE = "private, max-age=60"

_INDEX = Path(
    description="The tile's index, three digits at a time, all but the last group after an "
    "`x` (1234067 → `x001/x234/067`); `.p/<W>` after it for a partial tile of W (1-255)",
    examples=["000", "x001/x234/067.p/8"],
)
_TILE_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"content": {OCTETS: {"schema": {"type": "string", "format": "binary"}}}},
    400: {"description": "Not a canonical tile path (`invalid_tile_path`)"},
    404: {
        "description": "Beyond the latest checkpoint (`tile_not_sealed`), or nothing is sealed "
        "yet (`no_checkpoint`)"
    },
}


def _tile(path: str) -> Tile:
    try:
        return parse_tile_path(path)
    except TilePathError as e:
        raise ApiError(400, "invalid_tile_path", "Invalid tile path", str(e)) from e


def _octets(body: bytes, tile: Tile, full: str, partial: str) -> Response:
    headers = {"Cache-Control": partial if tile.partial else full}
    return Response(body, media_type=OCTETS, headers=headers)


# Declared before the hash tiles, whose level would otherwise match ``entries``.
@router.get(
    "/tile/entries/{index:path}",
    summary="An entry bundle (C2SP tlog-tiles): the canonical leaf data of 256 sealed events",
    response_class=Response,
    responses={
        **_TILE_ANSWERS,
        409: {"description": "An event is too large for a bundle's entry (`entry_too_large`)"},
    },
)
def tile_entries(index: Annotated[str, _INDEX], _: Verifier, reads: ReadSide) -> Response:
    bundle = _tile(f"tile/entries/{index}")
    body = AuditTiles(reads.audit, reads.log.source).entries(bundle)
    return _octets(body, bundle, FULL_BUNDLE, PARTIAL_BUNDLE)


@router.get(
    "/tile/{level}/{index:path}",
    summary="A tile of the sealed Merkle tree (C2SP tlog-tiles): up to 256 hashes of one level",
    response_class=Response,
    responses=_TILE_ANSWERS,
)
def tile_hashes(
    level: Annotated[str, Path(description="0 (leaf hashes) to 63: hashes at tree height 8·level")],
    index: Annotated[str, _INDEX],
    _: Verifier,
    reads: ReadSide,
) -> Response:
    tile = _tile(f"tile/{level}/{index}")
    body = AuditTiles(reads.audit, reads.log.source).hashes(tile)
    return _octets(body, tile, FULL_TILE, PARTIAL_TILE)
