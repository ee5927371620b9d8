"""The fake TiFlux API reached in process by the real HTTP adapter: no socket, the production code path.

The demo (backend ``fake``) and the tests talk to the fake through `TifluxHttpClient` and
`HttpTifluxGateway`, as to TiFlux, over httpx2's ASGI transport; only the address is made up.
"""

from __future__ import annotations

import httpx2
from starlette.types import ASGIApp

from adapters.tiflux.http.client import TifluxHttpClient
from adapters.tiflux.http.gateway import HttpTifluxGateway

IN_PROCESS_URL = "http://fake-tiflux.invalid/api/v2"
DEMO_KEY = "demo-key"  # the fake accepts any token unless it was made with one


def in_process_client(app: ASGIApp) -> TifluxHttpClient:
    """A client whose requests go straight to `app` (the fake TiFlux API, or tests' wrapping of it)."""
    http = httpx2.AsyncClient(
        transport=httpx2.ASGITransport(app=app),
        base_url=IN_PROCESS_URL,
        headers={"Accept": "application/json"},
        follow_redirects=False,
    )
    return TifluxHttpClient(http)


def in_process_gateway(app: ASGIApp, api_key: str = DEMO_KEY) -> HttpTifluxGateway:
    """Every port, over HTTP to `app`, in this process."""
    return HttpTifluxGateway(in_process_client(app), api_key)
