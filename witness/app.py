"""The witness over HTTP (C2SP ``tlog-witness``): a small Starlette app, not the ledger's API.

==============================  ==============================================================
``POST /add-checkpoint``        a log submits a checkpoint with a consistency proof; the answer
                                is the cosignature line, or a refusal (:mod:`witness.core`)
``GET /<origin hash>/checkpoint``  the latest checkpoint of a log the witness cosigned, with its
                                cosignature, for monitors (404 if it never cosigned that log)
==============================  ==============================================================

Every body is text. Checking and recording a checkpoint reads and writes files, so it runs on
the thread pool, never on the event loop.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from witness.core import TEXT, Witness, WitnessRefusalError

MAX_BODY_BYTES = 64 * 1024
"""A checkpoint with 63 proof lines and 100 signatures is well under this."""


def _text(body: str, status: int = 200, media_type: str = TEXT) -> Response:
    # Given as a header, so that Starlette adds no charset: a 409's type is exactly the spec's.
    return Response(body.encode(), status_code=status, headers={"Content-Type": media_type})


async def _body(request: Request) -> bytes:
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY_BYTES:
            raise WitnessRefusalError(413, f"a submission is at most {MAX_BODY_BYTES} bytes")
    return bytes(data)


def create_witness_app(witness: Witness) -> Starlette:
    """The HTTP face of ``witness``."""

    async def add_checkpoint(request: Request) -> Response:
        try:
            body = await _body(request)
            line = await run_in_threadpool(witness.add_checkpoint, body)
        except WitnessRefusalError as e:
            return _text(e.body, e.status, e.content_type)
        return _text(line)

    async def checkpoint(request: Request) -> Response:
        hashed = str(request.path_params["origin_hash"])
        note = await run_in_threadpool(witness.checkpoint, hashed)
        if note is None:
            return _text("this witness has cosigned no checkpoint of that log\n", 404)
        return Response(note, media_type=TEXT, headers={"Cache-Control": "no-cache"})

    return Starlette(
        routes=[
            Route("/add-checkpoint", add_checkpoint, methods=["POST"]),
            Route("/{origin_hash}/checkpoint", checkpoint, methods=["GET"]),
        ]
    )
