"""Hosted mode: the MCP server over streamable HTTP, stateless, one TiFlux key per request.

Endpoints: `POST /mcp` (stateless: any replica answers any request), `GET /mcp` without an event-stream
Accept → server info as JSON, `GET /health` → status and version. A request to `/mcp` without
`x-tiflux-api-key` gets 401 before the MCP layer sees it; the key never appears in logs or answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from adapters.mcp.server import TifluxMCPServer

API_KEY_HEADER = "x-tiflux-api-key"
LOOPBACK_HOSTS = ("127.0.0.1:*", "localhost:*", "[::1]:*")
LOOPBACK_ORIGINS = ("http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*")


def header_credential(headers: Mapping[str, str] | None) -> str | None:
    """The TiFlux key a hosted request carries (never logged)."""
    if not headers:
        return None
    key = headers.get(API_KEY_HEADER)
    return key.strip() if key and key.strip() else None


def create_http_app(
    server: TifluxMCPServer,
    *,
    version: str,
    allowed_hosts: list[str],
    allowed_origins: list[str],
    require_key: bool = True,
) -> ASGIApp:
    """The SDK's streamable HTTP app with our health route, info route and credential gate."""

    @server.custom_route("/health", methods=["GET"])
    async def health(_request: Request) -> Response:
        return JSONResponse({"status": "ok", "name": "tiflux-mcp", "version": version})

    security = TransportSecuritySettings(
        allowed_hosts=[*LOOPBACK_HOSTS, *allowed_hosts],
        allowed_origins=[*LOOPBACK_ORIGINS, *allowed_origins],
    )
    inner = server.streamable_http_app(stateless_http=True, transport_security=security)
    return CredentialGate(inner, version=version, require_key=require_key)


class CredentialGate:
    """Answers `GET /mcp` info itself and refuses `/mcp` calls that bring no TiFlux key."""

    def __init__(self, app: Starlette, *, version: str, require_key: bool) -> None:
        self.app = app
        self._version = version
        self._require_key = require_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].rstrip("/") != "/mcp":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if request.method == "GET" and "text/event-stream" not in request.headers.get("accept", ""):
            await self._info()(scope, receive, send)
            return
        if self._require_key and request.method == "POST" and header_credential(request.headers) is None:
            await self._unauthorized()(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _info(self) -> Response:
        body: dict[str, Any] = {
            "name": "tiflux-mcp",
            "version": self._version,
            "transport": "streamable-http (stateless)",
            "auth": [{"type": "header", "header": API_KEY_HEADER}],
        }
        return JSONResponse(body)

    def _unauthorized(self) -> Response:
        return JSONResponse(
            {
                "error": "missing_credentials",
                "message": f"Send your TiFlux API key in the {API_KEY_HEADER} header.",
            },
            status_code=401,
            headers={"WWW-Authenticate": 'Bearer realm="tiflux-mcp", error="invalid_request"'},
        )
