"""Bad input never becomes a request to TiFlux (the HTTP backend against the local stand-in)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client(live_fake_api: Any, tenant: FakeTenant) -> AsyncIterator[Client]:
    live_fake_api.serve(tenant)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, backend="http", api_key="k", api_base_url=live_fake_api.base_url
    )
    async with Client(create_container(settings).mcp_server()) as mcp:
        yield mcp


@pytest.mark.parametrize(
    ("tool", "arguments"),
    [
        ("list_tickets", {}),
        ("list_tickets", {"stage_name": "triagem"}),
        ("list_tickets", {"desk_ids": "14,abc"}),
        ("update_ticket", {"ticket_number": "1040"}),
        ("update_ticket_entities", {"ticket_number": "1042", "entities": []}),
        (
            "update_ticket_entities",
            {"ticket_number": "1042", "entities": [{"entity_field_id": 72, "value": "x"}] * 51},
        ),
        ("create_ticket", {"description": "d", "client_id": 101, "desk_id": 14}),
        ("close_ticket", {}),
        ("get_ticket", {"ticket_number": "12 3"}),
    ],
)
async def test_rejected_without_any_request(
    client: Client, live_fake_api: Any, tool: str, arguments: dict[str, Any]
) -> None:
    result = await client.call_tool(tool, arguments)
    assert result.is_error
    assert live_fake_api.captured == []


async def test_a_value_of_the_wrong_type_is_never_written(client: Client, live_fake_api: Any) -> None:
    """One read learns the fields' types; the write with a bad date never leaves."""
    result = await client.call_tool(
        "update_ticket_entities",
        {"ticket_number": "1042", "entities": [{"entity_field_id": 73, "value": "15/01/2025"}]},
    )
    assert result.is_error
    assert "`entities[0].value`" in result.content[0].text  # type: ignore[union-attr]
    assert [request.method for request in live_fake_api.captured] == ["GET"]
