"""The chat tools over HTTP against the local stand-in: the exact request, and none on bad input."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from dependency_injector import providers
from mcp import Client

from adapters.container import create_container
from adapters.mcp.tools import ALL_TOOLS
from adapters.mcp.tools.chats import CHAT_TOOLS
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant

pytestmark = pytest.mark.anyio

LISTS = {
    "list_inbox_chats": "inbox",
    "list_my_chats": "mine",
    "list_in_attendance_chats": "in_attendance",
    "list_archived_chats": "archived",
}
COMMON = {
    "offset": 1,
    "limit": 1,
    "department_id": 23,
    "client_id": 101,
    "requestor_id": 205,
    "number": "+55 (47) 99999-0000",
    "origins": "whatsapp,site_widget",
    "started_by": "Client",
}
# API.md §26–29, as captured from the official client.
COMMON_QUERY = (
    "offset=1&limit=1&department_id=23&client_id=101&requestor_id=205&number=5547999990000"
    "&origins=whatsapp%2Csite_widget&started_by=Client"
)


@pytest.fixture
async def client(live_fake_api: Any, tenant: FakeTenant) -> AsyncIterator[Client]:
    live_fake_api.serve(tenant)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, backend="http", api_key="k", api_base_url=live_fake_api.base_url
    )
    container = create_container(settings)
    registered = {spec.name for spec in ALL_TOOLS}
    extra = tuple(spec for spec in CHAT_TOOLS if spec.name not in registered)
    container.tools.override(providers.Object((*ALL_TOOLS, *extra)))
    async with Client(container.mcp_server()) as mcp:
        yield mcp


async def sent(client: Client, live_fake_api: Any, tool: str, arguments: dict[str, Any] | None) -> Any:
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, result.content
    (request,) = live_fake_api.captured
    assert request.method == "GET"
    return request


@pytest.mark.parametrize("tool", LISTS)
async def test_the_common_filters(client: Client, live_fake_api: Any, tool: str) -> None:
    request = await sent(client, live_fake_api, tool, COMMON)
    assert request.path == f"/api/v2/chats/{LISTS[tool]}"
    assert request.query == COMMON_QUERY


@pytest.mark.parametrize("tool", LISTS)
async def test_defaults_send_only_the_page(client: Client, live_fake_api: Any, tool: str) -> None:
    request = await sent(client, live_fake_api, tool, None)
    assert (request.path, request.query) == (f"/api/v2/chats/{LISTS[tool]}", "offset=1&limit=20")


async def test_in_attendance_adds_user_and_status(client: Client, live_fake_api: Any) -> None:
    arguments = {**COMMON, "user_id": 202, "status": "triage"}
    request = await sent(client, live_fake_api, "list_in_attendance_chats", arguments)
    assert request.query == COMMON_QUERY + "&user_id=202&status=triage"


@pytest.mark.parametrize(
    ("canceled", "suffix"), [(True, "&canceled=true"), (False, "&canceled=false"), (None, "")]
)
async def test_archived_adds_canceled_only_when_given(
    client: Client, live_fake_api: Any, canceled: bool | None, suffix: str
) -> None:
    request = await sent(client, live_fake_api, "list_archived_chats", {**COMMON, "canceled": canceled})
    assert request.query == COMMON_QUERY + suffix


async def test_origins_as_a_list_and_a_capped_page(client: Client, live_fake_api: Any) -> None:
    arguments = {"offset": 3, "limit": 500, "origins": ["gupshup", "whatsapp_cloud", "gupshup"]}
    request = await sent(client, live_fake_api, "list_my_chats", arguments)
    assert request.query == "offset=3&limit=200&origins=gupshup%2Cwhatsapp_cloud"


async def test_get_chat(client: Client, live_fake_api: Any) -> None:
    request = await sent(client, live_fake_api, "get_chat", {"id": "9008"})
    assert (request.path, request.query) == ("/api/v2/chats/9008", "")


REJECTIONS: list[tuple[str, dict[str, Any]]] = [
    ("get_chat", {}),
    ("get_chat", {"id": "abc"}),
    ("get_chat", {"id": 0}),
    *((tool, {"requestor_id": 0}) for tool in LISTS),
    *((tool, {"limit": "x"}) for tool in LISTS),
    *((tool, {"offset": 0}) for tool in LISTS),
    *((tool, {"origins": "fax"}) for tool in LISTS),
    *((tool, {"origins": ["whatsapp", "fax"]}) for tool in LISTS),
    *((tool, {"number": "55 47 abc"}) for tool in LISTS),
    *((tool, {"started_by": "Bot"}) for tool in LISTS),
    *((tool, {"unknown": 1}) for tool in LISTS),
    ("list_inbox_chats", {"user_id": 202}),
    ("list_my_chats", {"canceled": True}),
    ("list_in_attendance_chats", {"status": "closed"}),
    ("list_in_attendance_chats", {"user_id": 0}),
    ("list_archived_chats", {"canceled": "talvez"}),
]


@pytest.mark.parametrize(("tool", "arguments"), REJECTIONS)
async def test_rejected_without_any_request(
    client: Client, live_fake_api: Any, tool: str, arguments: dict[str, Any]
) -> None:
    result = await client.call_tool(tool, arguments)
    assert result.is_error
    assert live_fake_api.captured == []
