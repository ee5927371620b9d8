"""The MCP server: our tool registry served through the official SDK's `MCPServer`.

The SDK builds tools from Python signatures and validates with its own messages; we declare tools as data
and validate with ours. The one hook for that is here: `list_tools` and `call_tool` are overridden to
read the registry, and a middleware turns malformed `tools/call` params into a tool error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from mcp.server import MCPServer
from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS, CallToolResult, InputRequiredResult, ListToolsResult, TextContent
from mcp.types import Tool as MCPTool

from adapters.mcp.capabilities import OfferedCapabilities
from adapters.mcp.confirmations import Asker
from adapters.mcp.discovery import DISCOVERY_TOOLS, LIST_TOOLSETS, AnnouncesListChanged, Discovery
from adapters.mcp.outcome import ChoiceNeeded, ConfirmationNeeded
from adapters.mcp.runtime import ToolRuntime, unknown_tool
from adapters.mcp.spec import ToolSpec
from adapters.mcp.toolsets import Narrowing, narrowing_from
from adapters.mcp.verbosity import verbosity_from
from application.resolvers import Resolutions

CredentialSource = Callable[[Context[Any, Any] | None], str | None]


class TifluxMCPServer(MCPServer[Any]):
    """`MCPServer` whose tools come from `ToolSpec` declarations."""

    def __init__(
        self,
        specs: Sequence[ToolSpec[Any, Any, Any]],
        runtime: ToolRuntime,
        credential: CredentialSource,
        *,
        version: str,
        disabled: Mapping[str, str] | None = None,
        lifespan: Callable[[Any], AbstractAsyncContextManager[Any]] | None = None,
        asker: Asker | None = None,
        confirm_writes: bool = True,
        discovery: Discovery | None = None,
    ) -> None:
        super().__init__(
            "tiflux-mcp",
            version=version,
            instructions=runtime.translator("server.instructions"),
            lifespan=lifespan,
        )
        self._specs = {spec.name: spec for spec in specs}
        self._disabled = dict(disabled or {})
        self._listing = [spec.to_mcp(runtime.translator.language) for spec in specs]
        self._runtime = runtime
        self._credential = credential
        self._asker = asker  # asks to pick among matches; and to confirm writes, when `confirm_writes`
        self._confirm_writes = confirm_writes
        self._discovery = discovery  # toolsets turned on during the session (stdio)
        if discovery is not None:
            self._listing += discovery.tools(runtime.translator.language)
            self.middleware.append(AnnouncesListChanged())
        self.middleware.append(MalformedToolCall(runtime))
        self.middleware.append(HeaderNarrowing(self._specs, runtime))
        self.middleware.append(OfferedCapabilities(self))

    async def list_tools(self) -> list[MCPTool]:
        return list(self._listing)

    async def call_tool(  # may also ask the user (InputRequiredResult)
        self, name: str, arguments: dict[str, Any], context: Context[Any, Any] | None = None
    ) -> CallToolResult | InputRequiredResult:
        if self._discovery is not None and name in DISCOVERY_TOOLS:
            return await self._discover(name, arguments or {}, context)
        spec = self._specs.get(name)
        waiting = self._discovery.waiting(name) if self._discovery is not None and spec is None else None
        if waiting is not None:
            text = self._runtime.translator("error.tool_disabled.discovery", name=name, toolset=waiting)
            return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)
        if spec is None and name not in self._disabled:  # no such tool: the spec's protocol error
            raise MCPError(INVALID_PARAMS, self._runtime.translator("error.unknown_tool", name=name[:100]))
        if spec is None:
            return unknown_tool(name, self._runtime.translator, self._disabled.get(name))
        asker = self._asker if Asker.can_ask(context) else None
        key = self._credential(context)
        report = context.report_progress if context is not None else None  # sent only if the client asked
        confirm_first = asker is not None and self._confirm_writes
        compact = verbosity_from(context.headers if context is not None else None)
        outcome = await self._runtime.call(
            spec, arguments or {}, key, report, confirm_first=confirm_first, compact=compact
        )
        if isinstance(outcome, ConfirmationNeeded):
            assert asker is not None and context is not None
            verdict = await self._confirmed(spec, outcome, asker, context)
            if verdict is not None:
                return verdict
            outcome = await self._runtime.run(spec, outcome.args, key, Resolutions(), report, compact=compact)
        if isinstance(outcome, ChoiceNeeded):
            if asker is None or context is None:
                return outcome.refusal  # an error listing the candidates
            return await self._choose_and_go_on(spec, outcome, asker, context, key, compact)
        return outcome.result

    async def _discover(
        self, name: str, arguments: dict[str, Any], context: Context[Any, Any] | None
    ) -> CallToolResult:
        """`list_toolsets`, or `enable_toolset` and then `notifications/tools/list_changed`."""
        assert self._discovery is not None
        t = self._runtime.translator
        if name == LIST_TOOLSETS:
            return self._discovery.listing(arguments, t, self._specs)
        answer, toolset, added = self._discovery.enable(arguments, t)
        if toolset is None:
            return answer
        for name, of in self._discovery.toolset_of.items():
            if of == toolset and name not in self._specs:  # a write, in read-only mode
                self._disabled[name] = "read_only"
        for spec in added:
            self._specs[spec.name] = spec
            self._disabled.pop(spec.name, None)
        listed = {tool.name for tool in self._listing}
        discovery_tools = [tool for tool in self._listing if tool.name in DISCOVERY_TOOLS]
        self._listing = [tool for tool in self._listing if tool.name not in DISCOVERY_TOOLS]
        self._listing += [spec.to_mcp(t.language) for spec in added if spec.name not in listed]
        self._listing += discovery_tools
        if added and context is not None:
            await tools_changed(context)
        return answer

    async def _confirmed(
        self,
        spec: ToolSpec[Any, Any, Any],
        pending: ConfirmationNeeded,
        asker: Asker,
        context: Context[Any, Any],
    ) -> CallToolResult | InputRequiredResult | None:
        """None: the person said yes. Otherwise what to answer: the question (2026-07-28) or the refusal."""
        try:
            verdict = await asker.confirm(pending.question, context)
        except ToolError:  # the client answered with something other than the form: no write
            verdict = False
        if verdict is True:
            return None
        if isinstance(verdict, InputRequiredResult):
            return verdict
        text = self._runtime.translator("confirm.declined", tool=spec.name)
        return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)

    async def _choose_and_go_on(
        self,
        spec: ToolSpec[Any, Any, Any],
        pending: ChoiceNeeded,
        asker: Asker,
        context: Context[Any, Any],
        key: str | None,
        compact: bool | None = None,
    ) -> CallToolResult | InputRequiredResult:
        """An ambiguous name: the person picks, and the call goes on from the names already resolved."""
        ambiguity = pending.ambiguity
        if not ambiguity.field or not ambiguity.options:
            return pending.refusal
        try:
            picked = await asker.choose(ambiguity, context)
        except ToolError:
            return pending.refusal
        if picked is None:
            return pending.refusal
        if isinstance(picked, InputRequiredResult):
            return picked
        resolutions = pending.resolutions.with_pick(ambiguity.field, picked)
        outcome = await self._runtime.run(
            spec, pending.args, key, resolutions, context.report_progress, compact=compact
        )
        return outcome.refusal if isinstance(outcome, ChoiceNeeded) else outcome.result


class MalformedToolCall:
    """A `tools/call` whose `arguments` is not an object gets a tool error, not JSON-RPC -32602."""

    def __init__(self, runtime: ToolRuntime) -> None:
        self._runtime = runtime

    async def __call__(self, ctx: ServerRequestContext[Any, Any], call_next: CallNext) -> HandlerResult:
        params = ctx.params
        if ctx.method == "tools/call" and isinstance(params, dict):
            arguments = params.get("arguments")
            if arguments is not None and not isinstance(arguments, dict):
                t = self._runtime.translator
                text = t(
                    "error.invalid_input",
                    field="arguments",
                    accepted=t("rule.arguments_object", example='{"ticket_number": "1040"}'),
                )
                return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)
        return await call_next(ctx)


class HeaderNarrowing:
    """Hosted mode: `x-tiflux-toolsets` / `x-tiflux-read-only` hide and refuse tools for one connection.

    They can only take tools away from what the operator enabled; a header cannot bring one back.
    """

    def __init__(self, specs: Mapping[str, ToolSpec[Any, Any, Any]], runtime: ToolRuntime) -> None:
        self._specs = specs
        self._runtime = runtime

    async def __call__(self, ctx: ServerRequestContext[Any, Any], call_next: CallNext) -> HandlerResult:
        if ctx.method not in ("tools/list", "tools/call"):
            return await call_next(ctx)
        narrowing = narrowing_from(getattr(ctx.request, "headers", None))
        if narrowing is None:
            return await call_next(ctx)
        if ctx.method == "tools/call" and isinstance(ctx.params, dict):
            spec = self._specs.get(str(ctx.params.get("name")))
            reason = narrowing.refusal(spec) if spec is not None else None
            if spec is not None and reason is not None:
                return unknown_tool(spec.name, self._runtime.translator, reason)
            return await call_next(ctx)
        result = await call_next(ctx)
        if isinstance(result, ListToolsResult):
            return result.model_copy(
                update={"tools": [t for t in result.tools if self._shown(t.name, narrowing)]}
            )
        if isinstance(result, dict) and isinstance(result.get("tools"), list):
            return {**result, "tools": [t for t in result["tools"] if self._shown(t.get("name"), narrowing)]}
        return result

    def _shown(self, name: object, narrowing: Narrowing) -> bool:
        spec = self._specs.get(str(name))
        return spec is None or narrowing.refusal(spec) is None


async def tools_changed(context: Context[Any, Any]) -> None:
    """Tell the client its tool list changed: on the session (protocol 2025-11-25 and before) and to the
    `subscriptions/listen` streams (2026-07-28, where the session drops a list_changed of its own)."""
    await context.session.send_tool_list_changed()
    await context.notify_tools_changed()
