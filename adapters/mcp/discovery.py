"""Discovery on demand (`TIFLUX_DISCOVERY=true` or `--discovery`, stdio): a session starts with the default
toolsets and two small tools — `list_toolsets` says what each toolset is for and whether it is on,
`enable_toolset` turns one on — and the server tells the client that its tool list changed
(`notifications/tools/list_changed`), so the model reads the tools of an area only once it needs them.

What may be turned on is what the operator allows: TIFLUX_TOOLSETS (unset: every toolset). Read-only mode
still leaves every write out. Over stdio one process serves one session, so "this session" is this
process. Hosted mode is stateless streamable HTTP, where every request is a session of its own: a toolset
turned on would be forgotten by the next request, so discovery is refused there (see settings).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from mcp.types import Tool as MCPTool
from pydantic import Field, ValidationError

from adapters.i18n import Language, Translator
from adapters.i18n.words import Words
from adapters.mcp.spec import ToolInput, ToolSpec, advertised_schema
from adapters.mcp.toolsets import BY_NAME, TOOLSET_TABLE
from adapters.mcp.validation import explain

LIST_TOOLSETS = "list_toolsets"
ENABLE_TOOLSET = "enable_toolset"
DISCOVERY_TOOLS = frozenset({LIST_TOOLSETS, ENABLE_TOOLSET})

Loader = Callable[[Collection[str]], Sequence[ToolSpec[Any, Any, Any]]]


class ListToolsetsInput(ToolInput):
    """No arguments."""


class EnableToolsetInput(ToolInput):
    toolset: Annotated[
        str,
        Field(min_length=1, max_length=40),
        Words(pt="O grupo (list_toolsets).", en="The toolset (list_toolsets)."),
    ]


_LIST_TITLE = Words(pt="Grupos de ferramentas", en="Toolsets")
_LIST_DESCRIPTION = Words(
    pt="Lista os grupos de ferramentas: para que servem e se estão ligados. Ligue um com enable_toolset.",
    en="Lists the toolsets: what each is for and whether it is on. Turn one on with enable_toolset.",
)
_ENABLE_TITLE = Words(pt="Ligar grupo de ferramentas", en="Turn a toolset on")
_ENABLE_DESCRIPTION = Words(
    pt="Liga um grupo nesta sessão: as ferramentas dele passam a aparecer. Use quando a tarefa precisar.",
    en="Turns a toolset on for this session: its tools appear. Use it when the task needs them.",
)


@dataclass
class Discovery:
    """The session's toolsets: which may be turned on (`ceiling`), which are on, how to load their tools."""

    ceiling: tuple[str, ...]
    enabled: set[str]
    read_only: bool
    load: Loader
    toolset_of: Mapping[str, str]  # every registered tool's toolset (adapters.mcp.tools.TOOLSET_OF)
    turned_on: list[str] = field(default_factory=list)  # in this session, in order

    def tools(self, language: Language) -> list[MCPTool]:
        """The two tools, as `tools/list` shows them."""
        schema = advertised_schema(EnableToolsetInput, language)
        schema["properties"]["toolset"]["enum"] = list(self.ceiling)
        return [
            MCPTool(
                name=LIST_TOOLSETS,
                title=_LIST_TITLE(language),
                description=_LIST_DESCRIPTION(language),
                input_schema={"type": "object", "properties": {}},
                annotations=ToolAnnotations(read_only_hint=True, open_world_hint=False),
            ),
            MCPTool(
                name=ENABLE_TOOLSET,
                title=_ENABLE_TITLE(language),
                description=_ENABLE_DESCRIPTION(language),
                input_schema=schema,
                # changes only what this session offers; TiFlux is not called
                annotations=ToolAnnotations(
                    destructive_hint=False, idempotent_hint=True, open_world_hint=False
                ),
            ),
        ]

    def waiting(self, tool: str) -> str | None:
        """The toolset a tool waits for: one this session may turn on and has not (else None)."""
        toolset = self.toolset_of.get(tool)
        return toolset if toolset in self.ceiling and toolset not in self.enabled else None

    def listing(
        self, arguments: Mapping[str, Any], t: Translator, offered: Mapping[str, ToolSpec[Any, Any, Any]]
    ) -> CallToolResult:
        try:
            ListToolsetsInput.model_validate(dict(arguments))
        except ValidationError as exc:
            return _error(explain(exc, ListToolsetsInput, t))
        rows, lines = [], []
        for toolset in TOOLSET_TABLE:
            on = toolset.name in self.enabled
            count = sum(spec.toolset == toolset.name for spec in offered.values())
            available = toolset.name in self.ceiling
            state = "on" if on else "off" if available else "unavailable"
            description = toolset.description(t.language)
            lines.append(t(f"discovery.row.{state}", name=toolset.name, count=count, description=description))
            rows.append({"name": toolset.name, "on": on, "available": available, "tools": count if on else 0})
        heading = t("discovery.heading", on=len(self.enabled), total=len(TOOLSET_TABLE))
        text = "\n".join([heading, *lines, "", t("discovery.hint")])
        return CallToolResult(
            content=[TextContent(type="text", text=text)], structured_content={"toolsets": rows}
        )

    def enable(
        self, arguments: Mapping[str, Any], t: Translator
    ) -> tuple[CallToolResult, str | None, Sequence[ToolSpec[Any, Any, Any]]]:
        """Turn a toolset on: the answer, the toolset turned on (None: nothing changed), its tools offered."""
        try:
            asked = EnableToolsetInput.model_validate(dict(arguments))
        except ValidationError as exc:
            return _error(explain(exc, EnableToolsetInput, t)), None, ()
        name = asked.toolset.lower().replace("-", "_")
        allowed = ", ".join(self.ceiling)
        if name not in BY_NAME:
            return _error(t("discovery.unknown", allowed=allowed)), None, ()
        if name not in self.ceiling:
            return _error(t("discovery.refused", name=name, allowed=allowed)), None, ()
        if name in self.enabled:
            return _answer(t("discovery.already", name=name), name, []), None, ()
        specs = [spec for spec in self.load((name,)) if spec.toolset == name]  # a module may hold others
        offered = [spec for spec in specs if spec.read_only or not self.read_only]
        self.enabled.add(name)
        self.turned_on.append(name)
        names = [spec.name for spec in offered]
        if names:
            text = t("discovery.enabled", name=name, count=len(names), tools=", ".join(names))
        else:
            text = t("discovery.enabled.none", name=name)
        if len(offered) < len(specs):
            text += "\n" + t("discovery.enabled.read_only")
        return _answer(text, name, names), name, offered


def _answer(text: str, toolset: str, added: list[str]) -> CallToolResult:
    return CallToolResult(
        content=[TextContent(type="text", text=text)],
        structured_content={"toolset": toolset, "added": added},
    )


def _error(text: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)


class AnnouncesListChanged:
    """Server middleware: `initialize` (and `server/discover`) say `tools.listChanged`, for this server's
    tool list does change. (At protocol 2026-07-28 the SDK derives the flag from `subscriptions/listen`.)"""

    async def __call__(self, ctx: ServerRequestContext[Any, Any], call_next: CallNext) -> HandlerResult:
        result = await call_next(ctx)
        if ctx.method not in ("initialize", "server/discover") or not isinstance(result, dict):
            return result
        capabilities = result.get("capabilities")
        if not isinstance(capabilities, dict):
            return result
        tools = capabilities.get("tools")
        tools = tools if isinstance(tools, dict) else {}
        return {**result, "capabilities": {**capabilities, "tools": {**tools, "listChanged": True}}}
