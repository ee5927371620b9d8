"""Per tool: latency of one typical call on the demo tenant (in process), and the requests it makes to
TiFlux over HTTP cold and warm (against the fake API served on 127.0.0.1)."""

from __future__ import annotations

import logging
import socket
import statistics
import threading
import time
from typing import Any

import anyio
import uvicorn
from mcp import Client

from adapters.container import create_container
from adapters.settings import Settings
from adapters.tiflux.fake.asgi import create_fake_api_app
from adapters.tiflux.fake.tenant import FakeTenant

TYPICAL: dict[str, dict[str, Any]] = {
    "get_ticket": {"ticket_number": "1040"},
    "create_ticket": {
        "title": "Teste",
        "description": "Descrição em **Markdown**",
        "client_id": 101,
        "desk_name": "cansados",
    },
    "update_ticket": {"ticket_number": "1040", "stage_name": "aguardando cliente"},
    "cancel_ticket": {"ticket_number": "1047"},
    "close_ticket": {"ticket_number": "1040"},
    "list_tickets": {"desk_name": "suporte"},
    "create_ticket_answer": {"ticket_number": "1040", "text": "Resolvido."},
    "update_ticket_entities": {"ticket_number": "1042", "entities": [{"entity_field_id": 72, "value": "x"}]},
    "search_client": {"client_name": "Padaria"},
    "search_user": {"name": "João"},
    "search_stage": {"desk_name": "suporte"},
    "search_catalog_item": {"desk_name": "suporte", "search": "rede"},
    "list_desks": {},
}
WRITES = {
    "create_ticket",
    "update_ticket",
    "cancel_ticket",
    "close_ticket",
    "create_ticket_answer",
    "update_ticket_entities",
}
REPEATS = 30


async def latencies() -> dict[str, float]:
    medians = {}
    for tool, arguments in TYPICAL.items():
        samples = []
        for _ in range(REPEATS if tool not in WRITES else 1):
            container = create_container(Settings(_env_file=None, backend="fake"))  # type: ignore[call-arg]
            async with Client(container.mcp_server()) as client:
                started = time.perf_counter()
                result = await client.call_tool(tool, arguments)
                samples.append((time.perf_counter() - started) * 1000)
                assert not result.is_error, (tool, result.content)
        medians[tool] = statistics.median(samples)
    return medians


class Counter:
    def __init__(self, app: Any) -> None:
        self.app, self.count = app, 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.count += 1
        await self.app(scope, receive, send)


async def requests_made(base_url: str, counter: Counter) -> dict[str, tuple[int, int]]:
    made = {}
    for tool, arguments in TYPICAL.items():
        counter.app = create_fake_api_app(FakeTenant.demo())
        settings = Settings(_env_file=None, backend="http", api_key="bench", api_base_url=base_url)  # type: ignore[call-arg]
        async with Client(create_container(settings).mcp_server()) as client:
            counter.count = 0
            await client.call_tool(tool, arguments)
            cold = counter.count
            counter.app = create_fake_api_app(FakeTenant.demo())
            counter.count = 0
            await client.call_tool(tool, arguments)
            made[tool] = (cold, counter.count)
    return made


def serve(counter: Counter) -> tuple[str, uvicorn.Server]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(counter, log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    return f"http://127.0.0.1:{sock.getsockname()[1]}/api/v2", server


def main() -> int:
    logging.disable(logging.INFO)  # the SDK logs every request at INFO; the table is what we want
    counter = Counter(None)
    base_url, server = serve(counter)
    try:
        medians = anyio.run(latencies)
        made = anyio.run(requests_made, base_url, counter)
    finally:
        server.should_exit = True
    print(f"{'tool':24s} {'demo latency (median ms)':>25s} {'HTTP requests cold/warm':>25s}")
    for tool in TYPICAL:
        cold, warm = made[tool]
        print(f"{tool:24s} {medians[tool]:25.1f} {f'{cold}/{warm}':>25s}")
    return 0
