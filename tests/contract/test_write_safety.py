"""A write whose answer never comes is sent exactly once, and the user is told to check before retrying."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import anyio
import httpx2
import pytest
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.http.client import TifluxHttpClient
from adapters.tiflux.http.gateway import HttpTifluxGateway
from application.commands import NewTicket
from application.ports.failures import UpstreamUnavailable
from domain.ids import ClientId, DeskId

pytestmark = pytest.mark.anyio


class Stalling:
    """Answers reads at once, and holds every write until released (or forever, for the client)."""

    def __init__(self) -> None:
        self.released = threading.Event()
        self.writes = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["method"] != "GET":
            self.writes += 1
            while not self.released.is_set():  # noqa: ASYNC110 - released from the test's thread
                await anyio.sleep(0.02)
            return
        body = b'{"ticket_number": 1040, "title": "x", "is_closed": false}'
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})


@pytest.fixture
def stalling(live_fake_api: Any) -> Iterator[tuple[Stalling, str]]:
    app = Stalling()
    live_fake_api.app.target = app
    yield app, live_fake_api.base_url
    app.released.set()


async def test_a_stalled_create_is_sent_once(stalling: tuple[Stalling, str]) -> None:
    app, base_url = stalling
    async with httpx2.AsyncClient(base_url=base_url, timeout=httpx2.Timeout(0.3, connect=2)) as http:
        gateway = HttpTifluxGateway(TifluxHttpClient(http), "k")
        with pytest.raises(UpstreamUnavailable) as caught:
            await gateway.tickets.create(NewTicket("t", "<p>d</p>", ClientId(101), DeskId(14)))
    assert caught.value.write_may_have_happened
    await anyio.sleep(0.2)
    assert app.writes == 1


async def test_the_user_is_told_how_to_check(stalling: tuple[Stalling, str]) -> None:
    app, base_url = stalling
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, backend="http", api_key="k", api_base_url=base_url, read_timeout=0.3
    )
    async with Client(create_container(settings).mcp_server()) as client:
        result = await client.call_tool("close_ticket", {"ticket_number": "1040"})
    assert result.is_error
    text = result.content[0].text  # type: ignore[union-attr]
    assert "pode ter sido aplicada" in text and "get_ticket" in text
    assert app.writes == 1
