"""Toolsets and read-only mode are decided when the server is built: left-out tools are neither listed
nor callable, and a read-only server refuses a write even when a client names it."""

from __future__ import annotations

from typing import Any

import pytest
from dependency_injector import providers
from mcp import Client
from pydantic import ValidationError

from adapters.container import create_container
from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.toolsets import TOOLSETS, parse_toolsets
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio


def server(tenant: FakeTenant, **settings: Any) -> Any:
    container = create_container(Settings(_env_file=None, backend="fake", **settings))  # type: ignore[call-arg]
    container.fake_tenant.override(providers.Object(tenant))
    return container.mcp_server()


async def test_read_only_lists_only_read_tools_and_refuses_a_write_by_name(tenant: FakeTenant) -> None:
    async with Client(server(tenant, read_only=True)) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        refused = await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert names == {spec.name for spec in ALL_TOOLS if spec.read_only}
    assert "close_ticket" not in names and "get_ticket" in names
    assert refused.is_error and "somente leitura" in refused.content[0].text  # type: ignore[union-attr]
    assert tenant.tickets.get_ticket(1040)["is_closed"] is False


async def test_toolsets_choose_what_is_offered(tenant: FakeTenant) -> None:
    async with Client(server(tenant, toolsets="chats, desks")) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        refused = await client.call_tool("get_ticket", {"ticket_number": "1040"})
    assert names == {spec.name for spec in ALL_TOOLS if spec.toolset in ("chats", "desks")}
    assert "list_inbox_chats" in names and "get_desk" in names
    assert refused.is_error and "TIFLUX_TOOLSETS" in refused.content[0].text  # type: ignore[union-attr]


def test_every_tool_belongs_to_a_known_toolset() -> None:
    assert {spec.toolset for spec in ALL_TOOLS} == set(TOOLSETS)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, None), ("", None), ("all", None), ("Tickets,custom-fields", ("tickets", "custom_fields"))],
)
def test_toolset_names_are_read_leniently(raw: str | None, expected: tuple[str, ...] | None) -> None:
    assert parse_toolsets(raw) == expected


def test_an_unknown_toolset_stops_the_configuration() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None, toolsets="tickets,fax")  # type: ignore[call-arg]
    assert "fax" in str(caught.value) and "custom_fields" in str(caught.value)
