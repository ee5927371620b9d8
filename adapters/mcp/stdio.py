"""Serving over stdio so that every request that arrived before stdin closed gets its answer.

The SDK's stdio runner stops at end of input and cancels the calls still running, so a client that pipes
its requests and closes stdin (`printf … | tiflux-mcp --demo`) loses the last replies. Here the server
reads through a relay that passes end of input on only once each request it delivered has been answered
(or cancelled by the client), or after `DRAIN_SECONDS` at most (a call waiting for a person who is gone).
"""

from __future__ import annotations

from typing import Any

import anyio
from anyio.abc import ObjectReceiveStream, ObjectSendStream
from mcp.server import MCPServer
from mcp.server.stdio import stdio_server
from mcp.shared.message import SessionMessage
from mcp.types import JSONRPCError, JSONRPCNotification, JSONRPCRequest, JSONRPCResponse

DRAIN_SECONDS = 60.0

Inbound = SessionMessage | Exception


async def serve_stdio(server: MCPServer[Any]) -> None:
    """Serve `server` on this process's stdin/stdout until stdin closes and every request is answered."""
    # The SDK has no public hook to run an `MCPServer` on streams of our own; its in-memory client
    # reaches the low-level server the same way.
    lowlevel = server._lowlevel_server
    async with stdio_server() as (stdin_messages, stdout_messages):
        inbound_send, inbound = anyio.create_memory_object_stream[Inbound](0)
        outbound, outbound_receive = anyio.create_memory_object_stream[SessionMessage](0)
        unanswered = Unanswered()
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(_relay_requests, stdin_messages, inbound_send, unanswered)
            tasks.start_soon(_relay_answers, outbound_receive, stdout_messages, unanswered)
            await lowlevel.run(inbound, outbound, lowlevel.create_initialization_options())


class Unanswered:
    """The IDs of requests delivered to the server and not yet answered."""

    def __init__(self) -> None:
        self._ids: set[object] = set()
        self._changed = anyio.Event()

    def add(self, request_id: object) -> None:
        self._ids.add(request_id)

    def settle(self, request_id: object) -> None:
        self._ids.discard(request_id)
        self._changed.set()
        self._changed = anyio.Event()

    async def drained(self) -> None:
        while self._ids:
            await self._changed.wait()


async def _relay_requests(
    source: ObjectReceiveStream[Inbound], sink: ObjectSendStream[Inbound], unanswered: Unanswered
) -> None:
    async with sink:
        async for item in source:
            if isinstance(item, SessionMessage):
                message = item.message
                if isinstance(message, JSONRPCRequest):
                    unanswered.add(message.id)
                elif isinstance(message, JSONRPCNotification) and message.method == "notifications/cancelled":
                    unanswered.settle((message.params or {}).get("requestId"))
            await sink.send(item)
        with anyio.move_on_after(DRAIN_SECONDS):  # stdin closed: let the calls in flight answer first
            await unanswered.drained()


async def _relay_answers(
    source: ObjectReceiveStream[SessionMessage],
    sink: ObjectSendStream[SessionMessage],
    unanswered: Unanswered,
) -> None:
    async with sink:
        async for item in source:
            await sink.send(item)
            if isinstance(item.message, JSONRPCResponse | JSONRPCError):
                unanswered.settle(item.message.id)
