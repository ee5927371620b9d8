"""Which tools a server offers: chosen when the server is built, so a tool left out is neither listed nor
callable (a read-only server cannot be talked into a write by naming the tool)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # settings validate toolset names without importing the MCP layer
    from adapters.mcp.spec import ToolSpec

TOOLSETS = (
    "tickets",
    "records",
    "chats",
    "desks",
    "custom_fields",
    "requestors",
    "knowledge",
    "equipment",
    "clients",
)
# Administration and niche areas: offered only when named in TIFLUX_TOOLSETS (or with `all`).
OPT_IN = frozenset({"equipment", "clients"})
DEFAULT_TOOLSETS = tuple(name for name in TOOLSETS if name not in OPT_IN)


class UnknownToolset(ValueError):
    """A toolset name in the configuration that does not exist."""


@dataclass(frozen=True)
class Selection:
    """The tools offered, and why each other tool is not."""

    enabled: tuple[ToolSpec[Any, Any, Any], ...]
    disabled: dict[str, str]  # tool name → "read_only" or "toolset"


def parse_toolsets(raw: str | None) -> tuple[str, ...] | None:
    """`"tickets, desks"` → ("tickets", "desks"); "all" → None (every toolset); unset or empty → the
    toolsets on by default (every one but the opt-in ones)."""
    if raw is None or not raw.strip():
        return DEFAULT_TOOLSETS
    if raw.strip().lower() == "all":
        return None
    names = tuple(
        dict.fromkeys(part.strip().lower().replace("-", "_") for part in raw.split(",") if part.strip())
    )
    unknown = [name for name in names if name not in TOOLSETS]
    if unknown:
        raise UnknownToolset(f"unknown toolset(s) {', '.join(unknown)}; known: {', '.join(TOOLSETS)}")
    return names


def select_tools(
    specs: Sequence[ToolSpec[Any, Any, Any]], toolsets: tuple[str, ...] | None, read_only: bool
) -> Selection:
    enabled: list[ToolSpec[Any, Any, Any]] = []
    disabled: dict[str, str] = {}
    for spec in specs:
        if read_only and not spec.read_only:
            disabled[spec.name] = "read_only"
        elif toolsets is not None and spec.toolset not in toolsets:
            disabled[spec.name] = "toolset"
        else:
            enabled.append(spec)
    return Selection(tuple(enabled), disabled)


TOOLSETS_HEADER = "x-tiflux-toolsets"
READ_ONLY_HEADER = "x-tiflux-read-only"
_TRUE = frozenset({"1", "true", "yes", "on", "sim"})


@dataclass(frozen=True)
class Narrowing:
    """What one hosted connection asked to see, within what the operator allows (never more)."""

    toolsets: frozenset[str] | None
    read_only: bool

    def refusal(self, spec: ToolSpec[Any, Any, Any]) -> str | None:
        """Why this connection may not use the tool ("header_read_only", "header_toolset"), or None."""
        if self.read_only and not spec.read_only:
            return "header_read_only"
        if self.toolsets is not None and spec.toolset not in self.toolsets:
            return "header_toolset"
        return None


def narrowing_from(headers: Mapping[str, str] | None) -> Narrowing | None:
    """The request's narrowing headers; unknown toolset names are ignored, `false` widens nothing."""
    if not headers:
        return None
    raw_sets, raw_read_only = headers.get(TOOLSETS_HEADER), headers.get(READ_ONLY_HEADER)
    toolsets = None
    if raw_sets is not None and raw_sets.strip() and raw_sets.strip().lower() != "all":
        asked = {part.strip().lower().replace("-", "_") for part in raw_sets.split(",")}
        toolsets = frozenset(asked & set(TOOLSETS))
    read_only = raw_read_only is not None and raw_read_only.strip().lower() in _TRUE
    if toolsets is None and not read_only:
        return None
    return Narrowing(toolsets, read_only)
