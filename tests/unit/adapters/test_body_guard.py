"""Request bodies within bounds: the `/mcp` size cap answers a JSON-RPC error naming it; a body that does
not arrive in time gets 408; a body within bounds reaches the app whole, and the app still hears the
client leave."""

from __future__ import annotations

import json
from typing import Any

import anyio
import pytest
from starlette.types import Message, Receive, Scope, Send

from adapters.mcp.body_guard import MIB, BodyGuard

pytestmark = pytest.mark.anyio


class Echo:
    """Reads the body and answers with its length; remembers the messages it received."""

    def __init__(self) -> None:
        self.received: list[Message] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = b""
        while True:
            message = await receive()
            self.received.append(message)
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        self.received.append(await receive())  # what comes after the body: the disconnect
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": str(len(body)).encode()})


async def run(
    guard: BodyGuard,
    chunks: list[bytes],
    *,
    path: str = "/mcp",
    declared: int | None = None,
    stall: bool = False,
) -> tuple[int, bytes]:
    headers = [] if declared is None else [(b"content-length", str(declared).encode())]
    scope: dict[str, Any] = {"type": "http", "path": path, "method": "POST", "headers": headers}
    pending = [
        {"type": "http.request", "body": chunk, "more_body": index < len(chunks) - 1 or stall}
        for index, chunk in enumerate(chunks)
    ]

    async def receive() -> Message:
        if pending:
            return pending.pop(0)
        if stall:
            await anyio.sleep(3600)
        return {"type": "http.disconnect"}

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    await guard(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def guard_over(app: Any, *, max_bytes: int = 2 * MIB, timeout: float = 5.0) -> BodyGuard:
    return BodyGuard(app, max_bytes=max_bytes, timeout=timeout, setting="TIFLUX_HTTP_MAX_BODY_MB")


async def test_a_body_within_the_cap_reaches_the_app_whole() -> None:
    app = Echo()
    status, body = await run(guard_over(app), [b"a" * 1000, b"b" * 1000])
    assert (status, body) == (200, b"2000")
    assert app.received[-1] == {"type": "http.disconnect"}  # after the body, the app still hears the client


@pytest.mark.parametrize("declared", [None, 3 * MIB])
async def test_a_body_past_the_cap_is_a_json_rpc_error_naming_it(declared: int | None) -> None:
    app = Echo()
    status, body = await run(guard_over(app), [b"x" * MIB] * 3, declared=declared)
    error = json.loads(body)
    assert status == 413 and error["jsonrpc"] == "2.0" and error["id"] is None
    assert error["error"]["code"] == -32600
    assert "2 MiB" in error["error"]["message"] and "TIFLUX_HTTP_MAX_BODY_MB" in error["error"]["message"]
    assert not app.received  # the app never ran


async def test_other_paths_are_not_capped_but_are_timed() -> None:
    status, body = await run(guard_over(Echo()), [b"x" * MIB] * 3, path="/token")
    assert (status, body) == (200, str(3 * MIB).encode())
    status, _ = await run(guard_over(Echo(), timeout=0.1), [b"partial"], path="/token", stall=True)
    assert status == 408


async def test_a_stalled_body_gets_408_in_time() -> None:
    app = Echo()
    with anyio.fail_after(2):
        status, body = await run(guard_over(app, timeout=0.2), [b'{"jsonrpc":'], stall=True)
    assert status == 408 and b"0.2 s" in body
    assert not app.received
