"""What only the HTTP backend can get wrong: the wire itself (auth, query encoding, which requests leave)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx2
import pytest
from dependency_injector import providers
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.http.client import TifluxHttpClient
from adapters.tiflux.http.gateway import HttpTifluxGateway
from application.queries import TicketFilter
from domain.errors import InvalidCredentials
from domain.ids import DeskId, TicketNumber
from domain.paging import PageRequest

pytestmark = pytest.mark.anyio

KEY = "tenant-key-123"


@pytest.fixture
def fake_app(live_fake_api: Any, tenant: FakeTenant) -> Any:
    return live_fake_api.serve(tenant, api_key=KEY)


@pytest.fixture
async def mcp_over_http(live_fake_api: Any, fake_app: Any) -> AsyncIterator[Client]:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, backend="http", api_key=KEY, api_base_url=live_fake_api.base_url
    )
    container = create_container(settings)
    async with httpx2.AsyncClient(base_url=live_fake_api.base_url, timeout=5) as http:
        container.tiflux_client.override(providers.Object(TifluxHttpClient(http)))
        async with Client(container.mcp_server()) as client:
            yield client


async def test_a_wrong_key_is_invalid_credentials(live_fake_api: Any, fake_app: Any) -> None:
    async with httpx2.AsyncClient(base_url=live_fake_api.base_url) as http:
        gateway = HttpTifluxGateway(TifluxHttpClient(http), "wrong-key")
        with pytest.raises(InvalidCredentials):
            await gateway.tickets.get(TicketNumber(1040))


async def test_queries_are_encoded_as_the_api_expects(live_fake_api: Any, fake_app: Any) -> None:
    async with httpx2.AsyncClient(base_url=live_fake_api.base_url) as http:
        gateway = HttpTifluxGateway(TifluxHttpClient(http), KEY)
        await gateway.tickets.list(TicketFilter(desk_ids=(DeskId(14), DeskId(15))), PageRequest(2, 50))
        await gateway.tickets.get(TicketNumber(1042), show_entities=True)
    (method, path, query, _), (_, detail_path, detail_query, _) = fake_app.requests
    assert (method, path) == ("GET", "/api/v2/tickets")
    assert query == "offset=2&limit=50&is_closed=false&desk_ids=14%2C15"
    assert (detail_path, detail_query) == ("/api/v2/tickets/1042", "show_entities=true")


async def test_tools_work_end_to_end_over_http(mcp_over_http: Client) -> None:
    result = await mcp_over_http.call_tool("get_ticket", {"ticket_number": "#1041"})
    assert not result.is_error
    assert "Servidor de arquivos lento" in result.content[0].text  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", ["../desks", "abc", "", "1040/close", "1040?x=1"])
async def test_a_bad_ticket_number_never_becomes_a_request(
    mcp_over_http: Client, fake_app: Any, bad: str
) -> None:
    result = await mcp_over_http.call_tool("get_ticket", {"ticket_number": bad})
    assert result.is_error
    assert "`ticket_number`" in result.content[0].text  # type: ignore[union-attr]
    assert fake_app.requests == []


async def test_a_missing_argument_never_becomes_a_request(mcp_over_http: Client, fake_app: Any) -> None:
    result = await mcp_over_http.call_tool("get_ticket", {})
    assert result.is_error
    assert fake_app.requests == []
