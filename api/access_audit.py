"""The access audit trail (GB/T 22239-2019 8.1.4.3): one record per /v1 request, queued for
:class:`runtime.access_log.AccessLogWriter` before the response starts."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ledger.audit.records import AccessRecord
from runtime.access_log import AccessLogWriter


class AccessAuditMiddleware:
    """Records who asked for what on /v1, with the answer's status, before the answer leaves.

    Runs inside ``RequestContextMiddleware`` (it needs the request id). The principal is the
    one the route authenticated (``request.state.principal``), or ``anonymous``.
    """

    def __init__(self, app: ASGIApp, prefix: str = "/v1/") -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        writer: AccessLogWriter | None = getattr(scope["app"].state, "access_log", None)
        if writer is None:
            await self.app(scope, receive, send)
            return
        at = datetime.now(UTC)
        recorded = False

        async def record(status: int) -> None:
            nonlocal recorded
            if recorded:
                return
            recorded = True
            state = scope.get("state", {})
            principal = state.get("principal")
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            params = scope.get("path_params") or {}
            await writer.put(
                AccessRecord(
                    at=at,
                    principal=principal.actor if principal else "anonymous",
                    role=principal.role.value if principal else "-",
                    method=scope.get("method", "GET"),
                    route=route,
                    resource_id="/".join(str(v) for v in params.values()) or None,
                    status=status,
                    request_id=state.get("request_id", "-"),
                )
            )

        async def send_recorded(message: Message) -> None:
            if message["type"] == "http.response.start":
                await record(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_recorded)
        except BaseException:
            # The error handler outside answers 500; the attempt is still on record.
            await record(500)
            raise
