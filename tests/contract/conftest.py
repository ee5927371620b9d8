"""The contract suite's one fixture: the same ports on the fake tenant and over HTTP to that tenant."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx2
import pytest

from adapters.tiflux.fake.gateway import FakeTifluxGateway
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.http.client import TifluxHttpClient
from adapters.tiflux.http.gateway import HttpTifluxGateway
from application.ports.gateway import TifluxGateway
from tests.contract.openapi_requests import validated_requests  # noqa: F401 - every request vs the contract


@pytest.fixture(params=["fake", "http"])
async def gateway(request: pytest.FixtureRequest, tenant: FakeTenant) -> AsyncIterator[TifluxGateway]:
    if request.param == "fake":
        yield FakeTifluxGateway(tenant)
        return
    live = request.getfixturevalue("live_fake_api")
    live.serve(tenant)
    async with httpx2.AsyncClient(base_url=live.base_url, timeout=5) as http:
        yield HttpTifluxGateway(TifluxHttpClient(http), "demo-key")
