"""A :class:`FakeTenant` served over HTTP as TiFlux API v2 (the routes of its areas, under ``/api/v2``).

Requests need ``Authorization: Bearer <token>``; each is read as its route declares (``routing.py``) and
handed to the area that answers it; answers go out as ``application/json; charset=utf-8`` (200 for
GET/PUT, 201 for POST, 204 without a body for DELETE, unless the route says otherwise). The demo reaches
it in process (``in_process.py``), ``tiflux-mcp fake-api`` over HTTP; tests wrap it in their own switches
(faults, latency, request log: ``tests/support/``).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from adapters.tiflux.fake.routing import call_route
from adapters.tiflux.fake.tenant import FakeApiError, FakeTenant, Json
from adapters.tiflux.fake.tenant.routes import Route as ApiRoute

API_PREFIX = "/api/v2"
JSON_MEDIA_TYPE = "application/json; charset=utf-8"


class JsonResponse(Response):
    """A JSON body in UTF-8 (accents kept as is) with an explicit charset."""

    media_type = JSON_MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False).encode("utf-8")


def create_fake_api_app(
    tenant: FakeTenant, *, api_key: str | None = None, middleware: Sequence[Middleware] = ()
) -> Starlette:
    """The tenant behind HTTP; ``api_key=None`` accepts any non-empty bearer token. ``middleware`` runs
    between the token check and the routes (where tests put their fault switch)."""
    guard = Middleware(_GuardMiddleware, api_key=api_key, unauthorized=tenant.error_template("unauthorized"))
    return Starlette(
        routes=_routes(tenant),
        middleware=[guard, *middleware],
        exception_handlers={HTTPException: _http_error},
    )


class _GuardMiddleware:
    """Lets through only the requests bearing an accepted token (else 401)."""

    def __init__(self, app: ASGIApp, *, api_key: str | None, unauthorized: Json) -> None:
        self._app = app
        self._api_key = api_key
        self._unauthorized = unauthorized

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if self._accepts(headers.get("authorization")):
            await self._app(scope, receive, send)
            return
        denied = JsonResponse(self._unauthorized, status_code=401, headers={"WWW-Authenticate": "Bearer"})
        await denied(scope, receive, send)

    def _accepts(self, authorization: str | None) -> bool:
        scheme, _, token = (authorization or "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return False
        return self._api_key is None or hmac.compare_digest(token.encode(), self._api_key.encode())


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own errors (no route: 404, wrong method: 405, bad multipart: 400) as JSON."""
    assert isinstance(exc, HTTPException)
    body = {"message": exc.detail, "error_code": exc.status_code * 100 + 1}
    return JsonResponse(body, status_code=exc.status_code, headers=exc.headers)


def _routes(tenant: FakeTenant) -> list[Route]:
    """One route per path, dispatching on the method, so that a 405 lists every method of its path."""
    by_path: dict[str, dict[str, tuple[ApiRoute, object]]] = {}
    for route, area in tenant.routes():
        by_path.setdefault(API_PREFIX + route.path, {})[route.method] = (route, area)

    def serve(path: str, methods: dict[str, tuple[ApiRoute, object]]) -> Route:
        async def endpoint(request: Request) -> Response:
            route, area = methods["GET" if request.method == "HEAD" else request.method]
            try:
                body = await call_route(route, area, request)
            except FakeApiError as error:
                return JsonResponse(error.body, status_code=error.status)
            if route.success == 204:
                return Response(status_code=204)
            return JsonResponse(body, status_code=route.success)

        return Route(path, endpoint, methods=list(methods))

    return [serve(path, methods) for path, methods in by_path.items()]
