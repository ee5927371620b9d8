"""`POST /register` (RFC 7591): the SDK's handler behind a per-source rate limit and a small body cap.

Registration needs no account, so it is where a stranger can make this server store things: the body is
capped by the route (16 KiB), every field by the provider (`client_metadata.py`), the pace here, and a
client that never gets a token is forgotten after a day (`Lifetimes.client_unused`).
"""

from __future__ import annotations

from dataclasses import dataclass

from mcp.server.auth.handlers.register import RegistrationHandler
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from adapters.oauth.limits import SourceLimiter, source_of


@dataclass(frozen=True)
class RegistrationEndpoint:
    sdk: RegistrationHandler
    limiter: SourceLimiter
    per_minute: int

    async def handle(self, request: Request) -> Response:
        wait = await self.limiter.retry_after("register", source_of(request), self.per_minute)
        if wait is not None:
            return JSONResponse(
                {
                    "error": "rate_limited",
                    "error_description": f"at most {self.per_minute} registrations a minute from one "
                    f"address; retry in {wait} s",
                },
                status_code=429,
                headers={"Retry-After": str(wait), "Cache-Control": "no-store"},
            )
        return await self.sdk.handle(request)
