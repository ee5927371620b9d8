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
from adapters.mcp.confirmations import Chooser, Confirmer
from adapters.mcp.runtime import ToolRuntime, unknown_tool
from adapters.mcp.spec import ToolSpec
from adapters.mcp.toolsets import Narrowing, narrowing_from
from domain.errors import Ambiguous

CredentialSource = Callable[[Context[Any, Any] | None], str | None]


class TifluxMCPServer(MCPServer[Any]):
    """`MCPServer` whose tools come from `ToolSpec` declarations."""

    def __init__(
        self,
        specs: Sequence[ToolSpec[Any, Any]],
        runtime: ToolRuntime,
        credential: CredentialSource,
        *,
        version: str,
        disabled: Mapping[str, str] | None = None,
        lifespan: Callable[[Any], AbstractAsyncContextManager[Any]] | None = None,
        confirmer: Confirmer | None = None,
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
        self.confirmer = confirmer  # read by the confirmation resolvers through the call's context
        self.middleware.append(MalformedToolCall(runtime))
        self.middleware.append(HeaderNarrowing(self._specs, runtime))
        self.middleware.append(OfferedCapabilities(self))

    async def list_tools(self) -> list[MCPTool]:
        return list(self._listing)

    async def call_tool(  # type: ignore[override]  # may also ask the user (InputRequiredResult)
        self, name: str, arguments: dict[str, Any], context: Context[Any, Any] | None = None
    ) -> CallToolResult | InputRequiredResult:
        spec = self._specs.get(name)
        if spec is None and name not in self._disabled:  # no such tool: the spec's protocol error
            raise MCPError(INVALID_PARAMS, self._runtime.translator("error.unknown_tool", name=name[:100]))
        if spec is None:
            return unknown_tool(name, self._runtime.translator, self._disabled.get(name))
        arguments = arguments or {}
        if self._should_confirm(spec, arguments, context):
            assert self.confirmer is not None and context is not None
            try:
                verdict = await self.confirmer.ask(name, arguments, context)
            except ToolError:  # the client answered with something other than the form: no write
                text = self._runtime.translator("confirm.declined", tool=name)
                return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)
            if verdict is not None:
                return verdict
        report = context.report_progress if context is not None else None  # sent only if the client asked
        ambiguities: list[Ambiguous] = []
        result = await self._runtime.call(spec, arguments, self._credential(context), report, ambiguities)
        if not ambiguities or context is None:
            return result
        return await self._choose_and_retry(spec, arguments, context, result, ambiguities[0])

    async def _choose_and_retry(
        self,
        spec: ToolSpec[Any, Any],
        arguments: dict[str, Any],
        context: Context[Any, Any],
        refused: CallToolResult,
        ambiguity: Ambiguous,
    ) -> CallToolResult | InputRequiredResult:
        """An ambiguous name: ask the user to pick (when the client can), then call again with the ID."""
        rerun = Chooser.rerun(ambiguity, arguments, set(spec.input_model.model_fields))
        if rerun is None or not Confirmer.can_elicit(context):
            return refused  # today's answer: an error listing the candidates
        try:
            chosen = await Chooser(self._runtime.translator).choose(ambiguity, context)
        except ToolError:
            return refused
        if chosen is None:
            return refused
        if isinstance(chosen, InputRequiredResult):
            return chosen
        return await self._runtime.call(
            spec, rerun(chosen), self._credential(context), context.report_progress
        )

    def _should_confirm(
        self, spec: ToolSpec[Any, Any], arguments: dict[str, Any], context: Context[Any, Any] | None
    ) -> bool:
        """Ask first: a confirmed write, a client that can show a form, and input that would be sent."""
        return (
            self.confirmer is not None
            and context is not None
            and self.confirmer.applies(spec.name, context)
            and self._runtime.valid(spec, arguments)  # bad input is refused without asking
        )


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

    def __init__(self, specs: Mapping[str, ToolSpec[Any, Any]], runtime: ToolRuntime) -> None:
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
