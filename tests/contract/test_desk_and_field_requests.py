"""What the desk-detail and custom-field tools send to TiFlux (the HTTP backend against the stand-in)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from dependency_injector import providers
from mcp import Client

from adapters.container import create_container
from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.tools.custom_fields import CUSTOM_FIELD_TOOLS
from adapters.mcp.tools.desks import DESK_DETAIL_TOOLS
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client(live_fake_api: Any, tenant: FakeTenant) -> AsyncIterator[Client]:
    live_fake_api.serve(tenant)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, backend="http", api_key="k", api_base_url=live_fake_api.base_url
    )
    container = create_container(settings)
    registered = {spec.name for spec in ALL_TOOLS}
    extra = tuple(spec for spec in (*DESK_DETAIL_TOOLS, *CUSTOM_FIELD_TOOLS) if spec.name not in registered)
    container.tools.override(providers.Object((*ALL_TOOLS, *extra)))
    async with Client(container.mcp_server()) as mcp:
        yield mcp


def sent(live_fake_api: Any) -> list[str]:
    return [
        f"{r.method} {r.path}?{r.query}" if r.query else f"{r.method} {r.path}"
        for r in live_fake_api.captured
    ]


@pytest.mark.parametrize(
    ("tool", "arguments", "requests"),
    [
        ("get_desk", {"desk_id": 14}, ["GET /api/v2/desks/14"]),
        (
            "list_desk_priorities",
            {"desk_id": 14},
            ["GET /api/v2/desks/14", "GET /api/v2/desks/14/priorities?offset=1&limit=20"],
        ),
        (
            "list_desk_priorities",
            {"desk_id": 14, "priority_name": "alta", "offset": 3, "limit": 5},
            ["GET /api/v2/desks/14", "GET /api/v2/desks/14/priorities?offset=1&limit=200"],
        ),
        (
            "list_desk_services_catalogs",
            {"desk_id": 14, "offset": 2, "limit": 500},
            ["GET /api/v2/desks/14", "GET /api/v2/desks/14/services-catalogs?offset=2&limit=200"],
        ),
        (
            "list_desk_services_catalogs",
            {"desk_id": 14, "catalog_name": "acesso"},
            ["GET /api/v2/desks/14", "GET /api/v2/desks/14/services-catalogs?offset=1&limit=200"],
        ),
        ("list_entities", {}, ["GET /api/v2/entities?offset=1&limit=20"]),
        (
            "list_entities",
            {"applied_in": "ticket", "active": True, "name": "Dados do", "limit": 50},
            ["GET /api/v2/entities?offset=1&limit=50&active=true&applied_in=ticket&name=Dados+do"],
        ),
        (
            "list_entity_fields",
            {"entity_id": 10, "field_type": "checkbox", "required": False},
            ["GET /api/v2/entities/10/fields?offset=1&limit=20&field_type=checkbox&required=false"],
        ),
        (
            "list_entity_field_options",
            {"entity_field_id": 81, "value": "rede", "offset": 2},
            ["GET /api/v2/entity_fields/81/options?offset=2&limit=20&value=rede"],
        ),
    ],
)
async def test_each_tool_sends_exactly_this(
    client: Client, live_fake_api: Any, tool: str, arguments: dict[str, Any], requests: list[str]
) -> None:
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, result.content
    assert sent(live_fake_api) == requests


async def test_a_desk_name_is_resolved_then_the_desk_read_by_id(client: Client, live_fake_api: Any) -> None:
    result = await client.call_tool("get_desk", {"desk_name": "Suporte"})
    assert not result.is_error, result.content
    requests = sent(live_fake_api)
    assert requests[0].startswith("GET /api/v2/desks?") and "name=Suporte" in requests[0]
    assert requests[-1] == "GET /api/v2/desks/14"


@pytest.mark.parametrize(
    ("tool", "arguments"),
    [
        ("get_desk", {}),
        ("get_desk", {"desk_id": 0}),
        ("get_desk", {"desk_name": "--"}),
        ("get_desk", {"desk_id": 14, "extra": 1}),
        ("list_desk_priorities", {}),
        ("list_desk_priorities", {"desk_id": 14, "priority_name": "--"}),
        ("list_desk_priorities", {"desk_name": "suporte", "priority_name": "  "}),
        ("list_desk_services_catalogs", {"catalog_name": "infra"}),
        ("list_desk_services_catalogs", {"desk_id": 14, "offset": 0}),
        ("list_entities", {"applied_in": "foo"}),
        ("list_entities", {"active": "talvez"}),
        ("list_entity_fields", {}),
        ("list_entity_fields", {"entity_id": 0}),
        ("list_entity_fields", {"entity_id": True}),
        ("list_entity_fields", {"entity_id": 10, "field_type": "number"}),
        ("list_entity_field_options", {}),
        ("list_entity_field_options", {"entity_field_id": 81, "value": ""}),
    ],
)
async def test_rejected_without_any_request(
    client: Client, live_fake_api: Any, tool: str, arguments: dict[str, Any]
) -> None:
    result = await client.call_tool(tool, arguments)
    assert result.is_error
    assert live_fake_api.captured == []
