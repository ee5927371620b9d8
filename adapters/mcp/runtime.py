"""Running one tool call: validate once, build the account's use case, run it, present, explain failures.

The outcome is a value (`adapters/mcp/outcome.py`): an answer, a refusal, or a question for the person (a
confirmation, a choice) that the server asks before going on with the same validated arguments. Nothing
here raises to the SDK, so the model never sees a JSON-RPC error, a traceback or a secret.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from mcp.types import CallToolResult, TextContent
from pydantic import ValidationError

from adapters import progress
from adapters.i18n import Translator
from adapters.mcp.outcome import Answered, ChoiceNeeded, ConfirmationNeeded, Outcome, Refused
from adapters.mcp.spec import Asking, ToolSpec
from adapters.mcp.structured import structured
from adapters.mcp.validation import explain
from adapters.presenters.markdown.errors import present_error
from adapters.presenters.markdown.format import Formatter
from adapters.use_cases import UseCasesFor
from application.ports.failures import UpstreamFailure
from application.resolvers import Resolutions
from domain.errors import Ambiguous, DomainError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ToolRuntime:
    """What every call needs: the use cases of the caller's TiFlux account, and how to speak to the user."""

    use_cases: UseCasesFor
    translator: Translator
    zone: ZoneInfo
    compact: bool = False  # TIFLUX_VERBOSITY=compact; a hosted request's x-tiflux-verbosity may say otherwise

    async def call(
        self,
        spec: ToolSpec[Any, Any, Any],
        arguments: Mapping[str, Any],
        api_key: str | None,
        report: progress.Report | None = None,
        *,
        confirm_first: bool = False,
        compact: bool | None = None,
    ) -> Outcome:
        """Validate once; then ask first (a confirmed write, when `confirm_first`), or run."""
        try:
            args = spec.input_model.model_validate(dict(arguments), context={"zone": self.zone})
        except ValidationError as exc:
            logger.info("%s: invalid arguments %s", spec.name, sorted(_fields(exc)))
            return Refused(_error(explain(exc, spec.input_model, self.translator)))
        if confirm_first and spec.confirmation is not None:
            return await self._confirmation(spec, args, api_key)
        return await self.run(spec, args, api_key, Resolutions(), report, compact=compact)

    async def run(
        self,
        spec: ToolSpec[Any, Any, Any],
        args: Any,
        api_key: str | None,
        resolutions: Resolutions,
        report: progress.Report | None = None,
        *,
        compact: bool | None = None,
    ) -> Answered | Refused | ChoiceNeeded:
        """Run the use case on validated arguments, from what the call's names already became; the answer is
        compact when `compact` says so (None: as the server is configured)."""
        t = self.translator
        fmt = Formatter(t, self.zone, self.compact if compact is None else compact)
        with progress.reporting(report):
            try:
                use_case = self.use_cases.build(spec.use_case, api_key, resolutions)
                result = await spec.run(args, use_case)
                text = fmt.finish(spec.presented(result, args, fmt))
            except Ambiguous as exc:
                logger.info("%s: %s", spec.name, type(exc).__name__)
                refusal = _without_key(_error(present_error(exc, t)), api_key)
                return ChoiceNeeded(args, exc, resolutions, refusal)
            except (DomainError, UpstreamFailure) as exc:  # TiFlux's answer, or its absence, explained
                logger.info("%s: %s", spec.name, type(exc).__name__)
                return Refused(_without_key(_error(present_error(exc, t)), api_key))
            except Exception:
                reference = uuid.uuid4().hex[:8]
                logger.exception("%s: unexpected failure (ref %s)", spec.name, reference)
                return Refused(_error(t("error.internal", ref=reference)))
        answer = CallToolResult(
            content=[TextContent(type="text", text=text)],
            structured_content=structured(result, spec.output_model),
        )
        return Answered(_without_key(answer, api_key))

    async def _confirmation(
        self, spec: ToolSpec[Any, Any, Any], args: Any, api_key: str | None
    ) -> ConfirmationNeeded | Refused:
        assert spec.confirmation is not None
        try:
            asking = Asking(self.translator, self.use_cases.gateway(api_key))
        except DomainError as exc:  # no usable key: the call would fail anyway, so say why now
            return Refused(_error(present_error(exc, self.translator)))
        try:
            question = await spec.confirmation.question(args, asking)
        except (DomainError, UpstreamFailure) as exc:  # what the question shows could not be read (a
            # cascade's count, say): nothing is sent, and the person learns why
            logger.info("%s: confirmation %s", spec.name, type(exc).__name__)
            text = f"{present_error(exc, self.translator)}\n{self.translator('confirm.not_sent')}"
            return Refused(_without_key(_error(text), api_key))
        return ConfirmationNeeded(args, question)


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
