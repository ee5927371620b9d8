"""The contract suite's one fixture: every port over the HTTP adapter to the fake TiFlux on real HTTP.

There is one fake, the API itself (`adapters/tiflux/fake/asgi.py`): each test here drives the real adapter
against it, and every request it sends is checked against `contracts/tiflux-api-v2.yaml`
(`openapi_requests.py`); `test_openapi_fake.py` checks the fake's answers against the same contract.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx2
import pytest

from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.http.client import TifluxHttpClient
from adapters.tiflux.http.gateway import HttpTifluxGateway
from application.ports.gateway import TifluxGateway
from tests.conftest import LiveFakeApi
from tests.contract.openapi_requests import validated_requests  # noqa: F401 - every request vs the contract


@pytest.fixture
async def gateway(live_fake_api: LiveFakeApi, tenant: FakeTenant) -> AsyncIterator[TifluxGateway]:
    live_fake_api.serve(tenant)
    async with httpx2.AsyncClient(base_url=live_fake_api.base_url, timeout=5) as http:
        yield HttpTifluxGateway(TifluxHttpClient(http), "demo-key")
