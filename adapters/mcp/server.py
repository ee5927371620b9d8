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
from mcp.types import CallToolResult, TextContent
from mcp.types import Tool as MCPTool

from adapters.mcp.runtime import ToolRuntime, unknown_tool
from adapters.mcp.spec import ToolSpec

CredentialSource = Callable[[Context[Any, Any] | None], str | None]

INSTRUCTIONS = (
    "Servidor do helpdesk TiFlux. Tickets são identificados pelo número visível (ex.: 1040). "
    "Listas são paginadas: offset é o número da página (começa em 1) e limit o tamanho (até 200). "
    "Quando uma ferramenta responde com erro, a mensagem diz qual parâmetro corrigir e o que é aceito."
)


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
    ) -> None:
        super().__init__("tiflux-mcp", version=version, instructions=INSTRUCTIONS, lifespan=lifespan)
        self._specs = {spec.name: spec for spec in specs}
        self._disabled = dict(disabled or {})
        self._listing = [spec.to_mcp() for spec in specs]
        self._runtime = runtime
        self._credential = credential
        self.middleware.append(MalformedToolCall(runtime))

    async def list_tools(self) -> list[MCPTool]:
        return list(self._listing)

    async def call_tool(
        self, name: str, arguments: dict[str, Any], context: Context[Any, Any] | None = None
    ) -> CallToolResult:
        spec = self._specs.get(name)
        if spec is None:
            return unknown_tool(name, self._runtime.translator, self._disabled.get(name))
        return await self._runtime.call(spec, arguments or {}, self._credential(context))


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
