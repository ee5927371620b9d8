"""The tool registry: every tool the server offers, in the order `tools/list` shows them."""

from __future__ import annotations

from adapters.mcp.spec import ToolSpec
from adapters.mcp.tools.desks import DESK_TOOLS
from adapters.mcp.tools.tickets import TICKET_TOOLS

ALL_TOOLS: tuple[ToolSpec, ...] = (*TICKET_TOOLS, *DESK_TOOLS)
