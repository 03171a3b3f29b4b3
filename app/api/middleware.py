"""ASGI middleware for the API: refuse calls without credentials early, and cap body size
while the body streams in (before any of it is parsed or spooled)."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_PREFIX = "/api/v1"
PUBLIC_PATHS = {f"{API_PREFIX}/openapi.json", f"{API_PREFIX}/docs"}


async def _send_json(
    send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]]
) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), *headers],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequireCredentialsMiddleware:
    """401 for API calls with neither an Authorization header nor a session cookie, before the
    body is read (so a malformed body without credentials still answers 401)."""

    def __init__(self, app: ASGIApp, cookie_name: str = "session") -> None:
        self.app = app
        self.cookie_name = cookie_name.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and path.startswith(API_PREFIX) and path not in PUBLIC_PATHS:
            headers = dict(scope.get("headers", []))
            cookies = headers.get(b"cookie", b"")
            if b"authorization" not in headers and self.cookie_name + b"=" not in cookies:
                await _send_json(
                    send,
                    401,
                    "Login eller API-nøgle mangler eller er ugyldig",
                    [(b"www-authenticate", b"Bearer")],
                )
                return
        await self.app(scope, receive, send)


class BodySizeLimitMiddleware:
    """413 when Content-Length says too much; while streaming, stop at the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _send_json(send, 413, self._message(), [])
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # FastAPI re-raises HTTPException from body parsing (others become 400)
                    raise HTTPException(413, self._message())
            return message

        await self.app(scope, limited_receive, send)

    def _message(self) -> str:
        return f"Filen er for stor; grænsen er {self.max_bytes // (1024 * 1024)} MB"
