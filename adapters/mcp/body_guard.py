"""Request bodies within bounds: a size cap on `/mcp` and a deadline for every body to arrive.

A body is read whole here, before the app sees it (the SDK reads it whole anyway): a client that stops
sending gets 408 after `timeout` seconds instead of holding a connection and a worker, and a `/mcp` body
past `max_bytes` gets 413 with a JSON-RPC error that names the limit, which MCP clients show as such.
The rest of an oversized body is read and dropped (within the same deadline) before answering: a client
still sending would otherwise see the connection reset instead of the answer.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MIB = 1024 * 1024
INVALID_REQUEST = -32600  # JSON-RPC


class BodyGuard:
    """Reads each HTTP request's body within `timeout` seconds; caps `/mcp` bodies at `max_bytes`."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, timeout: float, setting: str) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self._timeout = timeout
        self._setting = setting  # the environment variable that raises the cap, named in the error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        capped = scope["path"].rstrip("/") == "/mcp"
        declared = _content_length(scope)
        cap = self.max_bytes if capped else None
        try:
            with anyio.fail_after(self._timeout):
                if cap is not None and declared is not None and declared > cap:
                    messages = None
                    await _drain(receive)
                else:
                    messages = await _read_body(receive, cap)
        except TimeoutError:
            await _answer(send, 408, {"error": "request_timeout", "message": self._slow_message()})
            return
        if messages is None:
            await self._too_large(send)
            return
        await self.app(scope, _replay(messages, receive), send)

    async def _too_large(self, send: Send) -> None:
        limit = f"{self.max_bytes / MIB:g} MiB"
        message = (
            f"Request too large: this server accepts at most {limit} per request ({self._setting}). "
            "Attach fewer or smaller files in files_base64, or ask the operator to raise the limit."
        )
        data = {"max_bytes": self.max_bytes}
        error = {"code": INVALID_REQUEST, "message": message, "data": data}
        await _answer(send, 413, {"jsonrpc": "2.0", "id": None, "error": error})

    def _slow_message(self) -> str:
        return f"The request body did not arrive within {self._timeout:g} s."


async def _read_body(receive: Receive, cap: int | None) -> list[Message] | None:
    """The body's messages; None when it grows past `cap` (the rest is read and dropped)."""
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages  # the client went away: the app sees that as it would have
        size += len(message.get("body", b""))
        if cap is not None and size > cap:
            if message.get("more_body", False):
                await _drain(receive)
            return None
        if not message.get("more_body", False):
            return messages


async def _drain(receive: Receive) -> None:
    """Read the rest of a body without keeping it."""
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(messages: list[Message], receive: Receive) -> Callable[[], Awaitable[Message]]:
    pending = list(messages)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()  # after the body: waits for the disconnect, as the app expects

    return replayed


async def _answer(send: Send, status: int, body: dict[str, object]) -> None:
    """A JSON answer that also closes the connection (the rest of the body is never read)."""
    payload = json.dumps(body).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
