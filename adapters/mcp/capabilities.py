"""What the server says it can do, at `initialize` (and `server/discover`): only what it really offers.

The SDK's `MCPServer` always serves the resource methods, so it always advertises `resources`; this
server has no resources, and a client should not be told to look for them.
"""

from __future__ import annotations

from typing import Any

from mcp.server import MCPServer
from mcp.server.context import CallNext, HandlerResult, ServerRequestContext

_ANNOUNCEMENTS = frozenset({"initialize", "server/discover"})


class OfferedCapabilities:
    """Server middleware: drops `resources` from the announced capabilities while there are none."""

    def __init__(self, server: MCPServer[Any]) -> None:
        self._server = server

    async def __call__(self, ctx: ServerRequestContext[Any, Any], call_next: CallNext) -> HandlerResult:
        result = await call_next(ctx)
        if ctx.method not in _ANNOUNCEMENTS or not isinstance(result, dict):
            return result
        capabilities = result.get("capabilities")
        if not isinstance(capabilities, dict) or "resources" not in capabilities:
            return result
        if await self._server.list_resources() or await self._server.list_resource_templates():
            return result
        offered = {key: value for key, value in capabilities.items() if key != "resources"}
        return {**result, "capabilities": offered}
