"""For auditors: the RFC 3161 timestamp of a checkpoint note (docs/audit.md, "Trusted time
(RFC 3161)"), exactly as the time-stamping authority returned it, to verify offline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.deps import LARGEST
from api.reads import ReadSide
from api.routes.audit import Verifier
from api.shapes import ShapedRoute
from evidence.timestamp import REPLY_TYPE
from ledger.domain.errors import NoTimestampError

router = APIRouter(route_class=ShapedRoute, prefix="/v1/audit", tags=["audit"])


@router.get(
    "/checkpoints/{tree_size}/timestamp",
    summary="The RFC 3161 timestamp of a checkpoint's signed note (DER TimeStampResp)",
    response_class=Response,
    responses={
        200: {
            "content": {REPLY_TYPE: {"schema": {"type": "string", "format": "binary"}}},
            "description": "The DER TimeStampResp",
        },
        404: {"description": "No timestamp of that tree size (none obtained yet, or no TSA)"},
    },
)
def checkpoint_timestamp(
    tree_size: Annotated[int, Path(ge=1, le=LARGEST)], _: Verifier, reads: ReadSide
) -> Response:
    stamp = reads.audit.timestamp(tree_size)
    if stamp is None:
        msg = (
            f"No timestamp of the checkpoint of tree size {tree_size}: the time-stamping "
            "authority has not answered for it yet, or none is configured (LEDGER_TSA_URL)."
        )
        raise NoTimestampError(msg)
    return Response(stamp.reply, media_type=REPLY_TYPE)
