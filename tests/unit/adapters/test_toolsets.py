"""Toolsets and read-only mode are decided when the server is built: left-out tools are neither listed
nor callable, and a read-only server refuses a write even when a client names it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from dependency_injector import providers
from mcp import Client
from pydantic import ValidationError

from adapters.container import create_container
from adapters.mcp.tools import ALL_TOOLS, REGISTRY, TOOLSET_OF, declared_in
from adapters.mcp.toolsets import (
    DEFAULT_TOOLSETS,
    OPT_IN,
    TOOLSET_TABLE,
    TOOLSETS,
    TOOLSETS_HEADER,
    narrowing_from,
    parse_toolsets,
)
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio
ROOT = Path(__file__).resolve().parents[3]


def server(tenant: FakeTenant, **settings: Any) -> Any:
    container = create_container(Settings(_env_file=None, backend="fake", **settings))  # type: ignore[call-arg]
    container.fake_tenant.override(providers.Object(tenant))
    return container.mcp_server()


async def test_read_only_lists_only_read_tools_and_refuses_a_write_by_name(tenant: FakeTenant) -> None:
    async with Client(server(tenant, read_only=True, toolsets="all")) as client:
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
    assert {spec.toolset for spec in ALL_TOOLS} <= set(TOOLSETS)


def test_the_table_says_what_each_toolset_is_for_and_whether_it_is_on() -> None:
    assert [toolset.name for toolset in TOOLSET_TABLE] == list(TOOLSETS)
    assert len(set(TOOLSETS)) == len(TOOLSETS)
    for toolset in TOOLSET_TABLE:
        for language in ("pt-BR", "en"):
            text = toolset.description(language)
            assert text.endswith(".") and "\n" not in text and len(text) <= 120, (toolset.name, language)
    assert set(DEFAULT_TOOLSETS) == {t.name for t in TOOLSET_TABLE if t.default}
    # everyday work on, administration opt-in (issue 22)
    assert set(DEFAULT_TOOLSETS) >= {"tickets", "records", "chats", "requestors", "knowledge", "desks"}
    assert {"clients", "users", "catalogs", "equipment", "finance", "pre_tickets", "reports"} <= OPT_IN


async def test_a_toolset_with_no_tool_yet_can_be_chosen(tenant: FakeTenant) -> None:
    empty = [name for name in TOOLSETS if not any(spec.toolset == name for spec in ALL_TOOLS)]
    assert parse_toolsets(",".join(empty or ["tickets"]))  # accepted by the settings
    async with Client(server(tenant, toolsets=",".join([*empty, "desks"]))) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
    assert names == {spec.name for spec in ALL_TOOLS if spec.toolset == "desks"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, DEFAULT_TOOLSETS),
        ("", DEFAULT_TOOLSETS),
        ("all", None),
        ("tickets, ALL", None),
        ("default", DEFAULT_TOOLSETS),
        ("Default,equipment", (*DEFAULT_TOOLSETS, "equipment")),
        ("equipment,default,tickets", ("equipment", *DEFAULT_TOOLSETS)),
        ("Tickets,custom-fields", ("tickets", "custom_fields")),
    ],
)
def test_toolset_names_are_read_leniently(raw: str | None, expected: tuple[str, ...] | None) -> None:
    assert parse_toolsets(raw) == expected


def test_an_unknown_toolset_stops_the_configuration() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None, toolsets="tickets,fax")  # type: ignore[call-arg]
    assert "fax" in str(caught.value) and "custom_fields" in str(caught.value)
    assert "default" in str(caught.value) and "all" in str(caught.value)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("default", set(DEFAULT_TOOLSETS)),
        ("default,equipment", {*DEFAULT_TOOLSETS, "equipment"}),
        ("desks, fax", {"desks"}),
        ("all", None),
    ],
)
def test_a_hosted_header_takes_the_same_words(header: str, expected: set[str] | None) -> None:
    narrowing = narrowing_from({TOOLSETS_HEADER: header})
    assert (narrowing.toolsets if narrowing else None) == (None if expected is None else frozenset(expected))


def test_the_registry_is_what_its_modules_declare() -> None:
    """Every spec a registered module declares is registered once, under its own toolset, and nothing
    else is: a tool cannot be declared and forgotten, nor registered under another toolset's switch."""
    for module in {entry.module for entry in REGISTRY}:
        declared = declared_in(module)
        registered = {name: e.toolset for e in REGISTRY if e.module == module for name in e.names}
        assert set(declared) == set(registered), module
        assert {name: spec.toolset for name, spec in declared.items()} == registered, module
    assert set(TOOLSET_OF) == {spec.name for spec in ALL_TOOLS}
    assert set(TOOLSET_OF.values()) <= set(TOOLSETS)


def test_a_toolset_that_is_off_is_not_even_imported() -> None:
    """Start-up with the default toolsets imports no module that only an opt-in toolset needs (the server
    built and tools/list answered, on the HTTP backend that production uses)."""
    default_modules = {entry.module for entry in REGISTRY if entry.toolset in DEFAULT_TOOLSETS}
    opt_in_only = {entry.module for entry in REGISTRY if entry.module not in default_modules}
    assert opt_in_only  # equipment, at least
    program = (
        "import sys\n"
        "from mcp import Client\n"
        "import anyio\n"
        "from adapters.container import create_container\n"
        "from adapters.settings import Settings\n"
        "server = create_container(Settings(_env_file=None, api_key='k' * 32)).mcp_server()\n"
        "async def main():\n"
        "    async with Client(server) as client:\n"
        "        print(len((await client.list_tools()).tools))\n"
        "anyio.run(main)\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIFLUX_")}
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    count, modules = done.stdout.splitlines()
    assert int(count) == sum(spec.toolset in DEFAULT_TOOLSETS for spec in ALL_TOOLS)
    loaded = set(modules.split())
    assert {f"adapters.mcp.tools.{module}" for module in default_modules} <= loaded
    assert not {f"adapters.mcp.tools.{module}" for module in opt_in_only} & loaded
    # nor the layers below an opt-in area's tools: presenter, use cases, port, HTTP adapter, wire, domain
    below = {
        "adapters.presenters.markdown.equipment",
        "application.use_cases.equipment",
        "application.ports.equipment",
        "adapters.tiflux.http.equipment",
        "adapters.tiflux.wire.equipment",
        "domain.equipment",
        "adapters.presenters.markdown.catalogs",
        "application.use_cases.catalogs",
        "application.ports.catalogs",
        "adapters.tiflux.http.catalogs",
        "adapters.tiflux.wire.catalogs",
        "domain.catalogs",
    }
    assert not below & loaded
