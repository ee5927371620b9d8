"""Which tools a server offers: chosen when the server is built, so a tool left out is neither listed nor
callable (a read-only server cannot be talked into a write by naming the tool)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # settings validate toolset names without importing the MCP layer
    from adapters.mcp.spec import ToolSpec

TOOLSETS = ("tickets", "records", "chats", "desks", "custom_fields")


class UnknownToolset(ValueError):
    """A toolset name in the configuration that does not exist."""


@dataclass(frozen=True)
class Selection:
    """The tools offered, and why each other tool is not."""

    enabled: tuple[ToolSpec[Any, Any], ...]
    disabled: dict[str, str]  # tool name → "read_only" or "toolset"


def parse_toolsets(raw: str | None) -> tuple[str, ...] | None:
    """`"tickets, desks"` → ("tickets", "desks"); empty or "all" → None (every toolset)."""
    if raw is None or not raw.strip() or raw.strip().lower() == "all":
        return None
    names = tuple(
        dict.fromkeys(part.strip().lower().replace("-", "_") for part in raw.split(",") if part.strip())
    )
    unknown = [name for name in names if name not in TOOLSETS]
    if unknown:
        raise UnknownToolset(f"unknown toolset(s) {', '.join(unknown)}; known: {', '.join(TOOLSETS)}")
    return names


def select_tools(
    specs: Sequence[ToolSpec[Any, Any]], toolsets: tuple[str, ...] | None, read_only: bool
) -> Selection:
    enabled: list[ToolSpec[Any, Any]] = []
    disabled: dict[str, str] = {}
    for spec in specs:
        if read_only and not spec.read_only:
            disabled[spec.name] = "read_only"
        elif toolsets is not None and spec.toolset not in toolsets:
            disabled[spec.name] = "toolset"
        else:
            enabled.append(spec)
    return Selection(tuple(enabled), disabled)
