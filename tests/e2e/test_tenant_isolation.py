"""Two tenants through one hosted process, concurrently: nothing of one ever reaches the other.

Upstream, two fake TiFlux tenants answer by API key; every name and title of tenant A starts with "[A] "
and of tenant B with "[B] ". The hosted app (real HTTP adapter, reference cache on, name resolution)
serves 10,000 interleaved calls of both keys, 32 at a time. Then: no answer of A carries a "[B]" and vice
versa; each tenant's cache holds only its own names; no log line carries a key or mixes the tenants.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import anyio
import httpx2
import pytest
import uvicorn
from starlette.types import Receive, Scope, Send

from adapters.container import create_container
from adapters.mcp.http_app import create_http_app
from adapters.settings import Settings
from adapters.tiflux.fake.asgi import create_fake_api_app
from adapters.tiflux.fake.tenant import FakeTenant
from adapters.tiflux.fake.tenant.data import load_demo_data

pytestmark = pytest.mark.anyio

KEYS = {"A": "isolation-key-of-tenant-A", "B": "isolation-key-of-tenant-B"}
CALLS = int(os.environ.get("TIFLUX_ISOLATION_CALLS", "10000"))
CONCURRENCY = 32
MARKED_FIELDS = frozenset({"name", "display_name", "title"})
CALL_MIX: list[tuple[str, dict[str, Any]]] = [
    ("list_desks", {}),
    ("get_ticket", {"ticket_number": "1040"}),
    ("list_tickets", {"desk_name": "cansados", "limit": 3}),
    ("search_stage", {"desk_name": "cansados"}),
    ("get_desk", {"desk_name": "cansados"}),
    ("search_client", {"client_name": "a"}),
]


def marked(value: Any, mark: str) -> Any:
    """The demo data with every name and title prefixed by the tenant's mark."""
    if isinstance(value, dict):
        return {
            key: f"{mark} {item}" if key in MARKED_FIELDS and isinstance(item, str) else marked(item, mark)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [marked(item, mark) for item in value]
    return value


class ByKey:
    """The upstream: routes each request to the tenant whose key it carries."""

    def __init__(self) -> None:
        self.apps = {
            f"Bearer {key}".encode(): create_fake_api_app(
                FakeTenant(marked(load_demo_data(), f"[{name}]")), api_key=key
            )
            for name, key in KEYS.items()
        }
        self.fallback = next(iter(self.apps.values()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            auth = dict(scope["headers"]).get(b"authorization", b"")
            await self.apps.get(auth, self.fallback)(scope, receive, send)
        elif scope["type"] == "lifespan":  # nothing to start: answer the lifespan protocol ourselves
            while True:
                message = await receive()
                kind = message["type"].removeprefix("lifespan.")
                await send({"type": f"lifespan.{kind}.complete"})
                if kind == "shutdown":
                    return


def serve_in_thread(app: Any) -> tuple[str, uvicorn.Server, threading.Thread]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("a test server did not start")
        time.sleep(0.02)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server, thread


@pytest.fixture(scope="module")
def hosted() -> Iterator[tuple[str, Any]]:
    upstream, upstream_server, upstream_thread = serve_in_thread(ByKey())
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, backend="http", hosted=True, api_base_url=f"{upstream}/api/v2", log_level="DEBUG"
    )
    container = create_container(settings)
    app = create_http_app(container.mcp_server(), version="test", allowed_hosts=[], allowed_origins=[])
    base, server, thread = serve_in_thread(app)
    yield base, container
    for each, each_thread in ((server, thread), (upstream_server, upstream_thread)):
        each.should_exit = True
        each_thread.join(timeout=10)


def answer_text(body: str) -> tuple[bool, str]:
    """The tool result's text and isError flag, from an SSE or JSON answer."""
    payload = next(line[5:] for line in body.splitlines() if line.startswith("data:") and line[5:].strip())
    result = json.loads(payload)["result"]
    return bool(result.get("isError")), "".join(part.get("text", "") for part in result["content"])


async def test_ten_thousand_interleaved_calls_never_cross_tenants(
    hosted: tuple[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    base, container = hosted
    caplog.set_level(logging.WARNING)
    for ours in ("adapters", "tiflux_mcp"):  # our own loggers at DEBUG; libraries' chatter left out
        caplog.set_level(logging.DEBUG, logger=ours)
    answers: dict[str, list[str]] = {"A": [], "B": []}
    failures: list[str] = []
    limiter = anyio.Semaphore(CONCURRENCY)

    async def call(http: httpx2.AsyncClient, index: int) -> None:
        tenant = "AB"[index % 2]
        tool, arguments = CALL_MIX[(index // 2) % len(CALL_MIX)]
        message = {"jsonrpc": "2.0", "id": index, "method": "tools/call"}
        message["params"] = {"name": tool, "arguments": arguments}
        async with limiter:
            response = await http.post(
                f"{base}/mcp",
                json=message,
                headers={"x-tiflux-api-key": KEYS[tenant], "accept": "application/json, text/event-stream"},
            )
        if response.status_code != 200:
            failures.append(f"{tool}: HTTP {response.status_code}")
            return
        is_error, text = answer_text(response.text)
        if is_error:
            failures.append(f"{tool} for {tenant}: {text[:200]}")
        answers[tenant].append(text)

    limits = httpx2.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx2.AsyncClient(timeout=60, limits=limits) as http, anyio.create_task_group() as group:
        for index in range(CALLS):
            group.start_soon(call, http, index)

    assert not failures, failures[:5]
    assert len(answers["A"]) + len(answers["B"]) == CALLS
    for own, other in (("A", "B"), ("B", "A")):
        assert all(f"[{own}]" in text for text in answers[own])
        leaked = [text for text in answers[own] if f"[{other}]" in text]
        assert not leaked, leaked[:1]

    caches = container.gateways()._caches._tenants  # the reference cache, per tenant (hashed key)
    assert len(caches) == 2
    contents = [repr(list(cache._entries.values())) for cache in caches.values()]
    assert {("[A]" in text, "[B]" in text) for text in contents} == {(True, False), (False, True)}

    lines = [record.getMessage() for record in caplog.records]
    assert lines, "the server logs at DEBUG, so there are lines to check"
    for line in lines:
        assert KEYS["A"] not in line and KEYS["B"] not in line
        assert not ("[A]" in line and "[B]" in line)
