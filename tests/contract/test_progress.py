"""A client that asks for progress hears each request a long call makes (pages, uploads); others do not."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator

import pytest
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.fake.tenant import FakeTenant
from tests.conftest import LiveFakeApi

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client(live_fake_api: LiveFakeApi) -> AsyncIterator[Client]:
    live_fake_api.serve(FakeTenant.demo())
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        backend="http",
        api_key="progress-key",
        api_base_url=live_fake_api.base_url,
        cache_ttl=0,
    )
    async with Client(create_container(settings).mcp_server()) as connected:
        yield connected


async def test_a_name_based_listing_reports_each_request(client: Client) -> None:
    heard: list[tuple[float, str | None]] = []

    async def progress(done: float, _total: float | None, message: str | None) -> None:
        heard.append((done, message))

    result = await client.call_tool("list_tickets", {"desk_name": "cansados"}, progress_callback=progress)
    assert not result.is_error
    assert [done for done, _ in heard] == list(range(1, len(heard) + 1)) and len(heard) >= 2
    assert any(message and message.startswith("GET /desks") for _, message in heard)
    assert any(message and message.startswith("GET /tickets") for _, message in heard)


async def test_an_upload_says_how_many_files(client: Client) -> None:
    heard: list[str | None] = []

    async def progress(_done: float, _total: float | None, message: str | None) -> None:
        heard.append(message)

    file = {"filename": "a.txt", "content": base64.b64encode(b"ola").decode()}
    result = await client.call_tool(
        "create_internal_communication",
        {"ticket_number": "1040", "text": "Nota", "files_base64": [file, file]},
        progress_callback=progress,
    )
    assert not result.is_error
    assert any(message and "(2 file(s))" in message for message in heard)


async def test_without_a_progress_token_nothing_is_sent(client: Client) -> None:
    result = await client.call_tool("list_desks", {})  # no callback: the client asked for nothing
    assert not result.is_error
