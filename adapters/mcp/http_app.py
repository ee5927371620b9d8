"""Hosted mode: the MCP server over streamable HTTP, stateless, one TiFlux key per request.

Endpoints: `POST /mcp` (stateless: any replica answers any request), `GET /mcp` without an event-stream
Accept → server info as JSON, `GET /health` → status, version and whether the token store answers, and
the OAuth authorization server's routes when one is configured. A call to `/mcp` brings either the key
(`x-tiflux-api-key`) or a bearer token our authorization server issued; without either it gets 401 with
`WWW-Authenticate` pointing at the protected-resource metadata. The key never appears in logs or answers.

Before any work for a call, its key must have been seen to work (`GET /users/me`, remembered per key hash,
see `adapters/accounts.py`): keys not yet checked share one small budget, refused ones get 401 at once,
and every limit is kept per verified account. Bodies are read within a deadline and capped (`BodyGuard`).
"""

from __future__ import annotations

import logging
import math
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from mcp.server.auth.provider import AccessToken
from mcp.server.transport_security import TransportSecuritySettings
from sse_starlette.sse import AppStatus
from starlette.applications import Starlette
from starlette.authentication import AuthCredentials
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from adapters.accounts import CURRENT_ACCOUNT, KeyRefused, KnownAccounts, account_name
from adapters.mcp.body_guard import MIB, BodyGuard
from adapters.mcp.server import TifluxMCPServer
from adapters.mcp.tenant_limits import UNVERIFIED, TenantBusy, TenantLimits

logger = logging.getLogger(__name__)

API_KEY_HEADER = "x-tiflux-api-key"
LOOPBACK_HOSTS = ("127.0.0.1:*", "localhost:*", "[::1]:*")
LOOPBACK_ORIGINS = ("http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*")
CORS_HEADERS = [
    "authorization",
    "content-type",
    "accept",
    "last-event-id",
    "mcp-protocol-version",
    "mcp-session-id",
    API_KEY_HEADER,
]
ANONYMOUS = "anonymous"  # the demo's account: its fake backend needs no key
GRANT_SUBJECT_PREFIX = "tiflux-user:"  # how an OAuth grant names the TiFlux user whose key it holds
DEFAULT_MAX_BODY_BYTES = 56 * MIB


@dataclass(frozen=True)
class HostedLimits:
    """Everything the gate needs to keep calls within their account's share.

    `ask` learns whose a key is (`GET /users/me`): it returns the account, raises `KeyRefused` for a key
    TiFlux refuses, and anything else when TiFlux could not say.
    """

    accounts: KnownAccounts
    ask: Callable[[str], Awaitable[str]]
    tenants: TenantLimits
    unverified: TenantLimits
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    body_timeout: float = 60.0


class AuthorizationServer(Protocol):
    """What the transport needs from the OAuth authorization server (adapters/oauth)."""

    metadata_url: str
    resource_metadata_url: str

    def routes(self) -> Sequence[BaseRoute]: ...

    async def authenticate(self, token: str) -> tuple[AccessToken, str] | None:
        """A live token issued for this server, with its TiFlux key; None otherwise."""
        ...

    async def store_answers(self) -> bool: ...

    async def close(self) -> None: ...


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
    auth: AuthorizationServer | None = None,
    limits: HostedLimits | None = None,
) -> ASGIApp:
    """The SDK's streamable HTTP app with health, info, OAuth routes and the credential gate."""

    @server.custom_route("/health", methods=["GET"])  # type: ignore[untyped-decorator]
    async def health(_request: Request) -> Response:
        store_ok = await auth.store_answers() if auth else None
        body: dict[str, Any] = {"status": "ok" if store_ok is not False else "degraded"}
        body |= {"name": "tiflux-mcp", "version": version}
        if store_ok is not None:
            body["token_store"] = "ok" if store_ok else "unavailable"
        return JSONResponse(body, status_code=200 if store_ok is not False else 503)

    security = TransportSecuritySettings(
        allowed_hosts=[*LOOPBACK_HOSTS, *allowed_hosts],
        allowed_origins=[*LOOPBACK_ORIGINS, *allowed_origins],
    )
    max_body = limits.max_body_bytes if limits else DEFAULT_MAX_BODY_BYTES
    inner = server.streamable_http_app(
        stateless_http=True, transport_security=security, max_request_body_size=max_body
    )

    # The SDK answers over SSE (sse-starlette), which by default cuts every open stream the moment
    # SIGTERM arrives. Stateless streams end with their answer, so let uvicorn's graceful shutdown wait
    # for calls in flight instead. (Its exit flag is process-wide and never reset: leave it alone, or every
    # later app in the process, e.g. in tests, would end its streams at once.)
    AppStatus.disable_automatic_graceful_drain()  # type: ignore[no-untyped-call]

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        async with inner.router.lifespan_context(inner):
            try:
                yield
            finally:
                if auth:
                    await auth.close()
                if limits:
                    await limits.tenants.close()  # the rate store, shared with `unverified`

    # The SDK app's own routes (/mcp, /health) beside the OAuth ones, in one router, so that a wrong
    # method on any of them is a 405 (the SDK app has no middleware of its own without SDK auth).
    outer = Starlette(routes=[*(auth.routes() if auth else []), *inner.routes], lifespan=lifespan)
    # The gate first: a request that may not run never gets its body read.
    guarded = BodyGuard(
        outer,
        max_bytes=max_body,
        timeout=limits.body_timeout if limits else 60.0,
        setting="TIFLUX_HTTP_MAX_BODY_MB",
    )
    app: ASGIApp = CredentialGate(guarded, version=version, require_key=require_key, auth=auth, limits=limits)
    if allowed_origins:
        app = CORSMiddleware(
            app,
            allow_origins=allowed_origins,
            allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
            allow_headers=CORS_HEADERS,
            expose_headers=["mcp-session-id", "www-authenticate"],
            max_age=600,
        )
    return app


class CredentialGate:
    """Answers `GET /mcp` info itself; lets `/mcp` calls through only with a key that works or a valid
    token, each within its account's share."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        version: str,
        require_key: bool,
        auth: AuthorizationServer | None,
        limits: HostedLimits | None = None,
    ) -> None:
        self.app = app
        self._version = version
        self._require_key = require_key
        self._auth = auth
        self._limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].rstrip("/") != "/mcp":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if request.method == "GET" and "text/event-stream" not in request.headers.get("accept", ""):
            await self._info()(scope, receive, send)
            return
        if request.method != "POST":  # preflight, or 405 from the stateless app
            await self.app(scope, receive, send)
            return
        authorization = request.headers.get("authorization", "")
        subject: str | None = None
        if authorization[:7].lower() == "bearer ":
            found = await self._with_token_key(scope, authorization[7:].strip())
            if found is None:
                await self._unauthorized("invalid_token", "The access token is invalid, expired or revoked.")(
                    request.scope, receive, send
                )
                return
            scope, subject = found
        elif self._require_key and header_credential(request.headers) is None:
            await self._unauthorized(
                "invalid_request",
                f"Send your TiFlux API key in the {API_KEY_HEADER} header, or connect with OAuth.",
            )(scope, receive, send)
            return
        if self._limits is None:
            await self.app(scope, receive, send)
            return
        account = await self._account(header_credential(Request(scope).headers), subject, self._limits)
        if isinstance(account, Response):
            await account(scope, receive, send)
            return
        await self._within_limits(account, self._limits, scope, receive, send)

    async def _account(self, key: str | None, subject: str | None, limits: HostedLimits) -> str | Response:
        """The verified account the call runs under, or the answer that refuses it."""
        if key is None:
            return ANONYMOUS  # only when no key is required (the demo)
        if subject is not None and subject.startswith(GRANT_SUBJECT_PREFIX):
            user = subject.removeprefix(GRANT_SUBJECT_PREFIX)
            if user.isdigit():  # the grant's key was checked when the person approved it
                account = account_name(int(user))
                limits.accounts.remember(key, account)
                return account
        try:
            known = limits.accounts.recall(key)
        except KeyRefused:
            return self._refused()
        if known is not None:
            return known
        try:
            if limits.accounts.checking(key):  # TiFlux is being asked already: wait for its answer
                return await limits.accounts.check(key, limits.ask)
            return await self._first_check(key, limits)
        except KeyRefused:
            return self._refused()
        except Exception as exc:  # TiFlux down or slow: nothing is remembered, the client may retry
            logger.warning("could not check a TiFlux key: %s", type(exc).__name__)
            return JSONResponse(
                {
                    "error": "key_check_unavailable",
                    "message": "TiFlux did not answer while checking the key.",
                },
                status_code=503,
                headers={"Retry-After": "5"},
            )

    async def _first_check(self, key: str, limits: HostedLimits) -> str | Response:
        """Ask TiFlux about a key never seen to work, within the budget all such keys share."""
        wait = await limits.unverified.retry_after(UNVERIFIED)
        if wait is not None:
            seconds = max(1, math.ceil(wait))
            message = f"Too many calls with TiFlux keys not yet checked; retry in {seconds} s."
            return self._too_many("rate_limited", message, seconds)
        try:
            async with limits.unverified.slot(UNVERIFIED):
                return await limits.accounts.check(key, limits.ask)
        except TenantBusy:
            return self._too_many("rate_limited", "Too many TiFlux keys being checked; retry shortly.", 2)

    async def _within_limits(
        self, account: str, limits: HostedLimits, scope: Scope, receive: Receive, send: Send
    ) -> None:
        """Pass the call on inside its account's share of the process: rate first, then a slot."""
        tenants = limits.tenants
        wait = await tenants.retry_after(account)
        if wait is not None:
            seconds = max(1, math.ceil(wait))
            message = (
                f"Too many calls for this TiFlux account: at most {tenants.per_minute} per minute. "
                f"Retry in {seconds} s."
            )
            await self._too_many("rate_limited", message, seconds)(scope, receive, send)
            return
        try:
            async with tenants.slot(account):
                token = CURRENT_ACCOUNT.set(account)
                try:
                    await self.app(scope, receive, send)
                finally:
                    CURRENT_ACCOUNT.reset(token)
        except TenantBusy:
            message = (
                f"This TiFlux account already has {tenants.concurrency} calls in progress; "
                "retry when one has finished."
            )
            await self._too_many("too_many_concurrent_calls", message, 2)(scope, receive, send)

    async def _with_token_key(self, scope: Scope, token: str) -> tuple[Scope, str | None] | None:
        """The request as the tools see it (the token's TiFlux key in place of any key header), and the
        grant's subject."""
        if self._auth is None or not token:
            return None
        found = await self._auth.authenticate(token)
        if found is None:
            return None
        access, api_key = found
        headers = [
            (name, value) for name, value in scope["headers"] if name.lower() != API_KEY_HEADER.encode()
        ]
        headers.append((API_KEY_HEADER.encode(), api_key.encode()))
        scope = {
            **scope,
            "headers": headers,
            "user": AuthenticatedUser(access),
            "auth": AuthCredentials(access.scopes),
        }
        return scope, access.subject

    def _refused(self) -> Response:
        return self._unauthorized(
            "invalid_token", f"TiFlux refused the key sent in {API_KEY_HEADER}; check it and send it again."
        )

    def _info(self) -> Response:
        methods: list[dict[str, Any]] = [{"type": "header", "header": API_KEY_HEADER}]
        if self._auth:
            methods.append(
                {
                    "type": "oauth2",
                    "authorization_server": self._auth.metadata_url,
                    "resource_metadata": self._auth.resource_metadata_url,
                }
            )
        body: dict[str, Any] = {
            "name": "tiflux-mcp",
            "version": self._version,
            "transport": "streamable-http (stateless)",
            "auth": methods,
        }
        return JSONResponse(body)

    @staticmethod
    def _too_many(error: str, message: str, retry_after: int) -> Response:
        return JSONResponse(
            {"error": error, "message": message}, status_code=429, headers={"Retry-After": str(retry_after)}
        )

    def _unauthorized(self, error: str, message: str) -> Response:
        challenge = f'Bearer realm="tiflux-mcp", error="{error}"'
        if self._auth:
            challenge += f', resource_metadata="{self._auth.resource_metadata_url}"'
        return JSONResponse(
            {"error": error, "message": message},
            status_code=401,
            headers={"WWW-Authenticate": challenge},
        )
