"""The fake TiFlux API as tests use it: the shipped app wrapped in the test-only switches.

`InstrumentedFakeApi` logs every request (`requests`, as ``(method, path, query string, content type)``),
serves the fault, latency and request-count switches of ``faults.py`` outside ``/api/v2``, and injects the
queued faults between the token check and the routes. `fake_gateway` is every port over the real HTTP
adapter to such a fake, in process.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from adapters.tiflux.fake.asgi import create_fake_api_app
from adapters.tiflux.fake.in_process import in_process_gateway
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.http.gateway import HttpTifluxGateway
from tests.support.faults import FaultControl, FaultInjector, FaultPlan

RequestLogEntry = tuple[str, str, str, str | None]


class InstrumentedFakeApi:
    """The fake TiFlux API on `tenant`, with a request log and the fault switch around it."""

    def __init__(
        self, tenant: FakeTenant, *, api_key: str | None = None, faults: FaultPlan | None = None
    ) -> None:
        self.tenant = tenant
        self.faults = faults or FaultPlan()
        self.requests: list[RequestLogEntry] = []
        api = create_fake_api_app(
            tenant, api_key=api_key, middleware=[Middleware(FaultInjector, plan=self.faults)]
        )
        self._app = FaultControl(_RequestLog(api, self.requests), plan=self.faults, log=self.requests)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._app(scope, receive, send)


def fake_gateway(fake: FakeTenant | InstrumentedFakeApi | None = None) -> HttpTifluxGateway:
    """Every port over HTTP, in process, to this fake (a fresh demo tenant by default)."""
    if not isinstance(fake, InstrumentedFakeApi):
        fake = InstrumentedFakeApi(fake or FakeTenant.demo())
    return in_process_gateway(fake)


class _RequestLog:
    """Notes every request to the API, before its token is checked."""

    def __init__(self, app: ASGIApp, log: list[RequestLogEntry]) -> None:
        self._app = app
        self._log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query = scope["query_string"].decode("latin-1")
            content_type = Headers(scope=scope).get("content-type")
            self._log.append((scope["method"], scope["path"], query, content_type))
        await self._app(scope, receive, send)
