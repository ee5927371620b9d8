"""Running one tool call: validate, pick the tenant's gateway, run the use case, present, explain failures.

Every outcome is a `CallToolResult`; nothing here raises to the SDK, so the model never sees a JSON-RPC
error, a traceback or a secret.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from mcp.types import CallToolResult, TextContent
from pydantic import ValidationError

from adapters import progress
from adapters.i18n import Translator
from adapters.mcp.spec import Services, ToolSpec
from adapters.mcp.structured import structured
from adapters.mcp.validation import explain
from adapters.presenters.markdown.errors import present_error
from adapters.presenters.markdown.format import Formatter
from application.ports.attachments import AttachmentsPort
from application.ports.gateway import TifluxGateway
from application.ports.rich_text import RichTextPort
from application.use_cases.create_ticket import TicketDefaults
from domain.errors import Ambiguous, DomainError

logger = logging.getLogger(__name__)

GatewayFor = Callable[[str | None], TifluxGateway]


@dataclass(frozen=True)
class ToolRuntime:
    """What every call needs: how to reach the tenant's TiFlux, and how to speak to the user."""

    gateway_for: GatewayFor
    translator: Translator
    zone: ZoneInfo
    rich_text: RichTextPort
    attachments: AttachmentsPort
    ticket_defaults: TicketDefaults = field(default_factory=TicketDefaults)

    def valid(self, spec: ToolSpec[Any, Any], arguments: Mapping[str, Any]) -> bool:
        """Whether the arguments pass the tool's own validation (nothing is sent to find out)."""
        try:
            spec.input_model.model_validate(dict(arguments), context={"zone": self.zone})
        except ValidationError:
            return False
        return True

    async def call(
        self,
        spec: ToolSpec[Any, Any],
        arguments: Mapping[str, Any],
        api_key: str | None,
        report: progress.Report | None = None,
        ambiguities: list[Ambiguous] | None = None,
    ) -> CallToolResult:
        """The call's result; an ambiguous name is also handed to `ambiguities` (to ask the user)."""
        with progress.reporting(report):
            return _without_key(await self._answer(spec, arguments, api_key, ambiguities), api_key)

    async def _answer(
        self,
        spec: ToolSpec[Any, Any],
        arguments: Mapping[str, Any],
        api_key: str | None,
        ambiguities: list[Ambiguous] | None = None,
    ) -> CallToolResult:
        t = self.translator
        try:
            args = spec.input_model.model_validate(dict(arguments), context={"zone": self.zone})
        except ValidationError as exc:
            logger.info("%s: invalid arguments %s", spec.name, sorted(_fields(exc)))
            return _error(explain(exc, spec.input_model, t))
        try:
            services = Services(
                self.gateway_for(api_key), self.rich_text, self.ticket_defaults, self.attachments
            )
            result = await spec.use_case(services, args)
            text = spec.presenter(result, args, Formatter(t, self.zone))
        except DomainError as exc:
            logger.info("%s: %s", spec.name, type(exc).__name__)
            if isinstance(exc, Ambiguous) and ambiguities is not None:
                ambiguities.append(exc)
            return _error(present_error(exc, t))
        except Exception:
            reference = uuid.uuid4().hex[:8]
            logger.exception("%s: unexpected failure (ref %s)", spec.name, reference)
            return _error(t("error.internal", ref=reference))
        return CallToolResult(
            content=[TextContent(type="text", text=text)],
            structured_content=structured(result, spec.output_model),
        )


def unknown_tool(name: str, t: Translator, disabled_because: str | None = None) -> CallToolResult:
    """An unknown tool, or one this server was configured not to offer (read-only mode, toolsets)."""
    if disabled_because is not None:
        return _error(t(f"error.tool_disabled.{disabled_because}", name=name))
    return _error(t("error.unknown_tool", name=name[:100]))


def _error(text: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)


def _without_key(result: CallToolResult, api_key: str | None) -> CallToolResult:
    """TiFlux, or a proxy before it, may repeat the credential in an error body: it never reaches the model.
    (A key too short to be real, like a test's "k", is left alone rather than masking every letter k.)"""
    if not api_key or len(api_key) < _SHORTEST_MASKED_KEY:
        return result
    if not any(isinstance(c, TextContent) and api_key in c.text for c in result.content):
        return result
    content = [
        TextContent(type="text", text=c.text.replace(api_key, _MASK)) if isinstance(c, TextContent) else c
        for c in result.content
    ]
    return CallToolResult(
        content=content, is_error=result.is_error, structured_content=result.structured_content
    )


_SHORTEST_MASKED_KEY = 8
_MASK = "***"


def _fields(exc: ValidationError) -> set[str]:
    return {".".join(str(part) for part in err["loc"]) for err in exc.errors(include_url=False)}
