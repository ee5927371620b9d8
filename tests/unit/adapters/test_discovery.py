"""Discovery on demand: a session starts with the everyday toolsets and two tools, turns a toolset on, and
the client is told its tool list changed; the operator's TIFLUX_TOOLSETS and read-only mode still hold."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from dependency_injector import providers
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.shared.subscriptions import ToolsListChanged
from mcp.types import ToolListChangedNotification

from adapters.container import create_container
from adapters.mcp.discovery import ENABLE_TOOLSET, LIST_TOOLSETS, Discovery
from adapters.mcp.tools import ALL_TOOLS, TOOLSET_OF, tools_for
from adapters.mcp.toolsets import DEFAULT_TOOLSETS, TOOLSETS
from adapters.settings import ConfigurationError, Settings, load_settings
from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio

SERVER = str(Path(sys.executable).with_name("tiflux-mcp"))
EQUIPMENT = [spec.name for spec in ALL_TOOLS if spec.toolset == "equipment"]
EVERYDAY = [spec.name for spec in ALL_TOOLS if spec.toolset in DEFAULT_TOOLSETS]


def server(tenant: FakeTenant, discovery: Discovery | None = None, **settings: Any) -> Any:
    values = {"backend": "fake", "discovery": True, **settings}
    container = create_container(Settings(_env_file=None, **values))  # type: ignore[call-arg]
    container.fake_tenant.override(providers.Object(tenant))
    if discovery is not None:
        container.discovery.override(providers.Object(discovery))
    return container.mcp_server()


class Notices:
    """A client's message handler that counts `notifications/tools/list_changed`."""

    def __init__(self) -> None:
        self.count = 0
        self.changed = anyio.Event()

    async def __call__(self, message: Any) -> None:
        if isinstance(message, ToolListChangedNotification):
            self.count += 1
            self.changed.set()


def text_of(result: Any) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


async def test_starts_with_the_everyday_toolsets_and_two_small_tools(tenant: FakeTenant) -> None:
    async with Client(server(tenant, language="en"), mode="legacy") as client:
        assert client.server_capabilities.tools is not None
        assert client.server_capabilities.tools.list_changed is True
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        listed = await client.call_tool(LIST_TOOLSETS, {})
        refused = await client.call_tool("list_equipments", {})
    assert list(tools) == [*EVERYDAY, LIST_TOOLSETS, ENABLE_TOOLSET]
    assert tools[ENABLE_TOOLSET].input_schema["properties"]["toolset"]["enum"] == list(TOOLSETS)
    assert not listed.is_error
    rows = {row["name"]: row for row in listed.structured_content["toolsets"]}
    assert list(rows) == list(TOOLSETS)
    assert rows["tickets"]["on"] and not rows["equipment"]["on"] and rows["equipment"]["available"]
    assert (
        "- `equipment` (off): Equipment (assets): inventory, software, groups, types; registering and "
        "updating." in text_of(listed)
    )
    assert refused.is_error and "enable_toolset" in text_of(refused) and "`equipment`" in text_of(refused)


async def test_enabling_a_toolset_notifies_and_lists_its_tools(tenant: FakeTenant) -> None:
    """Protocol 2025-11-25: the notification comes on the session."""
    notices = Notices()
    async with Client(server(tenant), mode="legacy", message_handler=notices) as client:
        enabled = await client.call_tool(ENABLE_TOOLSET, {"toolset": "Equipment"})
        with anyio.fail_after(5):
            await notices.changed.wait()
        names = [tool.name for tool in (await client.list_tools()).tools]
        called = await client.call_tool("list_equipments", {})
        again = await client.call_tool(ENABLE_TOOLSET, {"toolset": "equipment"})
    assert not enabled.is_error and enabled.structured_content == {"toolset": "equipment", "added": EQUIPMENT}
    assert f"Grupo `equipment` ligado: {len(EQUIPMENT)} ferramentas novas" in text_of(enabled)
    assert names == [*EVERYDAY, *EQUIPMENT, LIST_TOOLSETS, ENABLE_TOOLSET]
    assert not called.is_error
    assert not again.is_error and "já está ligado" in text_of(again)
    assert notices.count == 1  # turned on again: nothing new, no notice


async def test_a_listening_client_hears_of_the_change(tenant: FakeTenant) -> None:
    """Protocol 2026-07-28: the change reaches the client's `subscriptions/listen` stream."""
    async with Client(server(tenant)) as client:
        async with client.listen(tools_list_changed=True) as changes:
            await client.call_tool(ENABLE_TOOLSET, {"toolset": "equipment"})
            with anyio.fail_after(5):
                event = await changes.__anext__()
        names = [tool.name for tool in (await client.list_tools()).tools]
    assert isinstance(event, ToolsListChanged)
    assert set(EQUIPMENT) <= set(names)


async def test_the_operators_toolsets_are_the_ceiling(tenant: FakeTenant) -> None:
    async with Client(server(tenant, toolsets="tickets,equipment", language="en")) as client:
        names = [tool.name for tool in (await client.list_tools()).tools]
        schema = next(t for t in (await client.list_tools()).tools if t.name == ENABLE_TOOLSET).input_schema
        beyond = await client.call_tool(ENABLE_TOOLSET, {"toolset": "desks"})
        unknown = await client.call_tool(ENABLE_TOOLSET, {"toolset": "fax"})
        extra = await client.call_tool(ENABLE_TOOLSET, {"toolset": "equipment", "force": True})
        desks = await client.call_tool("list_desks", {})
        within = await client.call_tool(ENABLE_TOOLSET, {"toolset": "equipment"})
    assert names == [*(s.name for s in ALL_TOOLS if s.toolset == "tickets"), LIST_TOOLSETS, ENABLE_TOOLSET]
    assert schema["properties"]["toolset"]["enum"] == ["tickets", "equipment"]
    assert beyond.is_error and text_of(beyond) == (
        "The toolset `desks` cannot be turned on on this server (the operator's TIFLUX_TOOLSETS); "
        "these can: tickets, equipment."
    )
    assert unknown.is_error and "accepted values: tickets, equipment" in text_of(unknown)
    assert extra.is_error and "`force`" in text_of(extra)
    assert desks.is_error and "TIFLUX_TOOLSETS" in text_of(desks)
    assert not within.is_error


async def test_read_only_still_leaves_the_writes_out(tenant: FakeTenant) -> None:
    # a session that starts with tickets only, so an everyday toolset with writes can be turned on
    session = Discovery(TOOLSETS, {"tickets"}, True, tools_for, TOOLSET_OF)
    async with Client(server(tenant, session, read_only=True, toolsets="tickets")) as client:
        enabled = await client.call_tool(ENABLE_TOOLSET, {"toolset": "requestors"})
        names = {tool.name for tool in (await client.list_tools()).tools}
        write = await client.call_tool("create_requestor", {"name": "Ana", "email": "ana@example.com"})
    reads = {s.name for s in ALL_TOOLS if s.toolset == "requestors" and s.read_only}
    writes = {s.name for s in ALL_TOOLS if s.toolset == "requestors" and not s.read_only}
    assert not enabled.is_error and "somente leitura" in text_of(enabled)
    assert reads <= names and not writes & names
    assert write.is_error and "TIFLUX_READ_ONLY" in text_of(write)


def test_discovery_is_refused_in_hosted_mode() -> None:
    with pytest.raises(ConfigurationError) as refused:
        load_settings(hosted=True, discovery=True, _env_file=None)
    assert "stdio only" in str(refused.value) and "TIFLUX_DISCOVERY" in str(refused.value)


async def test_a_real_stdio_session_hears_of_the_change(tmp_path: Path) -> None:
    notices = Notices()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    params = StdioServerParameters(command=SERVER, args=["--demo", "--discovery"], env=env, cwd=str(tmp_path))
    async with Client(params, mode="legacy", message_handler=notices) as client:
        before = [tool.name for tool in (await client.list_tools()).tools]
        await client.call_tool(ENABLE_TOOLSET, {"toolset": "equipment"})
        with anyio.fail_after(10):
            await notices.changed.wait()
        after = [tool.name for tool in (await client.list_tools()).tools]
    assert before == [*EVERYDAY, LIST_TOOLSETS, ENABLE_TOOLSET]
    assert after == [*EVERYDAY, *EQUIPMENT, LIST_TOOLSETS, ENABLE_TOOLSET]
