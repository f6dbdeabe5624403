"""What HTTP promises of every read, kept in one place: ``HEAD``, conditional ``GET``, ``OPTIONS``
and the ``Allow`` of a 405.

- ``HEAD`` is routed as ``GET`` (here, not per route, so FastAPI's document and operationIds stay
  one per ``GET``) and answers the ``GET``'s status and headers, ``Content-Length`` included,
  with no body. The access audit and the metrics still see ``HEAD``.
- A ``GET`` (or ``HEAD``) answered ``200`` without an ``ETag`` gets a weak one, a digest of the
  body: a list's or a view's answer depends on the caller, the parameters and the day as well as
  the log, so a log position alone would not tell two answers apart, while the digest does. An
  answer marked ``Cache-Control: no-store`` (personal information) gets none: a digest of a
  phone number is too easily guessed back.
- ``If-None-Match`` (RFC 9110 13.1.2: weak comparison, ``*``, a list of tags) on a 2xx answer
  that matches is answered ``304 Not Modified``, without a body, keeping ``ETag``,
  ``Cache-Control`` and ``Vary``. A dated resource read for today (no ``as_on``, ``as_of`` or
  ``business_date``) changes at midnight under the same version, so it is never a 304
  (:func:`not_revalidated`).
- An event stream (``text/event-stream``: the change feed) is passed on as it is sent, never
  buffered, digested or answered 304; its ``HEAD`` is the route's to answer (:func:`asked_head`).
- ``OPTIONS`` on a path answers ``204`` with ``Allow``: every method its routes take; a 405
  says the same ``Allow`` (Starlette names only the first route's methods).
"""

from __future__ import annotations

import hashlib
import re

from fastapi import Request
from starlette.datastructures import Headers, MutableHeaders
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_ENTITY_TAG = re.compile(r'(?:W/)?"[^"]*"|\*|[^\s,"]+')
# What a 304 keeps of the 200 it stands for (RFC 9110 15.4.5).
_KEPT_ON_304 = {b"etag", b"cache-control", b"vary", b"content-location", b"expires", b"date"}
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
_NOT_REVALIDATED = "not_revalidated"
_ASKED_HEAD = "asked_head"


def not_revalidated(request: Request) -> None:
    """Mark this answer as not to be replaced by a 304: its ``ETag`` does not cover all of it."""
    setattr(request.state, _NOT_REVALIDATED, True)


def asked_head(request: Request) -> bool:
    """Whether the request is a ``HEAD`` (routed as its ``GET``): for an answer that streams
    until it is told to stop, which must then not start."""
    return bool(getattr(request.state, _ASKED_HEAD, False))


def allowed_methods(scope: Scope) -> list[str]:
    """Every method the routes of ``scope``'s path take (empty if no route has that path).

    Asked of the routes themselves (``matches``, as the router asks them), so routers included
    into others are asked too; a mount (the documentation's assets) says nothing of methods."""
    methods = {
        method
        for route in scope["app"].router.routes
        if not isinstance(route, Mount)
        for method in _METHODS
        if route.matches({**scope, "method": method})[0] is Match.FULL
    }
    if not methods:
        return []
    if "GET" in methods:
        methods.add("HEAD")
    return sorted({*methods, "OPTIONS"})


def matches(if_none_match: str, etag: str | None) -> bool:
    """Whether ``If-None-Match`` names ``etag`` by weak comparison (``*`` names any)."""
    tags = _ENTITY_TAG.findall(if_none_match)
    if "*" in tags:
        return True
    if etag is None:
        return False
    return _opaque(etag) in {_opaque(tag) for tag in tags}


def _opaque(tag: str) -> str:
    # A bare 3 is read as "3", as If-Match reads it.
    tag = tag.removeprefix("W/")
    return tag if tag.startswith('"') else f'"{tag}"'


def digest_etag(body: bytes) -> str:
    """A weak ``ETag`` for an answer that has no version: a digest of its bytes."""
    return f'W/"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'


class HttpReadsMiddleware:
    """Answers ``OPTIONS``, completes ``HEAD``, adds digest ETags, answers ``If-None-Match``
    and corrects the ``Allow`` of a 405. Runs inside the access audit, so a 304 is recorded as
    one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method == "OPTIONS" and (allowed := allowed_methods(scope)):
            headers = [(b"allow", ", ".join(allowed).encode()), (b"content-length", b"0")]
            await send({"type": "http.response.start", "status": 204, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        start: Message | None = None
        chunks: list[bytes] = []
        streaming = False

        async def buffered(message: Message) -> None:
            nonlocal start, streaming
            if streaming:
                await send(message)
            elif message["type"] == "http.response.start":
                if _is_event_stream(message):
                    # An event stream has no end to digest: passed on as it comes, unbuffered.
                    streaming = True
                    await send(message)
                    return
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    await self._answer(scope, method, start, b"".join(chunks), send)
            else:
                await send(message)

        if method == "HEAD":
            scope["method"] = "GET"
            scope.setdefault("state", {})[_ASKED_HEAD] = True
        try:
            await self.app(scope, receive, buffered)
        finally:
            scope["method"] = method

    async def _answer(
        self, scope: Scope, method: str, start: Message, body: bytes, send: Send
    ) -> None:
        # Said again before the answer leaves, so the access audit records a HEAD as one.
        scope["method"] = method
        status: int = start["status"]
        headers = MutableHeaders(raw=list(start.get("headers", [])))
        if status == 405:
            headers["allow"] = ", ".join(allowed_methods(scope))
        if method in ("GET", "HEAD") and 200 <= status < 300:
            if status == 200 and "etag" not in headers and not _no_store(headers):
                headers["etag"] = digest_etag(body)
            condition = Headers(scope=scope).get("if-none-match")
            revalidated = not scope.get("state", {}).get(_NOT_REVALIDATED, False)
            if condition is not None and revalidated and matches(condition, headers.get("etag")):
                kept = [(k, v) for k, v in headers.raw if k in _KEPT_ON_304]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
        await send({**start, "headers": headers.raw})
        # A HEAD keeps the GET's Content-Length, and loses its body.
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})


def _is_event_stream(start: Message) -> bool:
    media = Headers(raw=list(start.get("headers", []))).get("content-type", "")
    return media.split(";", 1)[0].strip().lower() == "text/event-stream"


def _no_store(headers: MutableHeaders) -> bool:
    return "no-store" in headers.get("cache-control", "").lower()
