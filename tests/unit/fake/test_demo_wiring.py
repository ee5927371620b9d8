"""The demo's one fake: built on the first call, reached through the real HTTP adapter, swappable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from dependency_injector import providers
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.http.gateway import HttpTifluxGateway
from tests.support.fake_api import InstrumentedFakeApi

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[3]
DEMO = Settings(_env_file=None, backend="fake", api_key=None)  # type: ignore[call-arg]


def test_the_demo_server_starts_without_the_fake_and_builds_it_on_the_first_call() -> None:
    program = (
        "import sys\n"
        "from adapters.container import create_container\n"
        "from adapters.settings import Settings\n"
        "container = create_container(Settings(_env_file=None, backend='fake', api_key=None))\n"
        "container.mcp_server()\n"
        "print('adapters.tiflux.fake.asgi' in sys.modules, 'adapters.tiflux.fake.tenant' in sys.modules)\n"
        "container.gateways()(None)\n"
        "print('adapters.tiflux.fake.asgi' in sys.modules, 'adapters.tiflux.fake.tenant' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert shown.stdout.split() == ["False", "False", "True", "True"]


def test_the_demo_gateway_is_the_http_adapter_whatever_the_key() -> None:
    gateways = create_container(DEMO).gateways()
    assert isinstance(gateways(None), HttpTifluxGateway)
    assert gateways("anything at all") is gateways(None)


async def test_a_call_reaches_the_fake_over_http_and_changes_its_tenant() -> None:
    tenant = FakeTenant.demo()
    fake = InstrumentedFakeApi(tenant)
    container = create_container(DEMO)
    container.fake_api.override(providers.Object(fake))
    async with Client(container.mcp_server()) as client:
        result = await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert not result.is_error
    assert tenant.tickets.get_ticket(1040)["is_closed"]
    assert ("PUT", "/api/v2/tickets/1040/close") in [(method, path) for method, path, _, _ in fake.requests]
