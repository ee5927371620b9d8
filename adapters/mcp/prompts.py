"""MCP prompts: everyday helpdesk workflows written out for the model, naming the tools that do each step.

Prompts are data, like tools: a name, the tools its text names, its arguments and how its text is written.
A prompt is offered only when every tool it names is offered (a read-only server has no "log the day's
hours"), and speaks the server's language. Arguments are checked here, with messages in that language: the
SDK's own check answers in English and hides any other failure behind "Error rendering prompt".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from mcp.server import MCPServer
from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.mcpserver.prompts.base import Message, Prompt, PromptArgument, UserMessage
from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS, ListPromptsResult
from pydantic import Field

from adapters.i18n import Translator
from adapters.mcp.spec import ToolSpec
from adapters.mcp.tools.chats import GET_CHAT, LIST_INBOX_CHATS
from adapters.mcp.tools.records import (
    CREATE_APPOINTMENT,
    GET_TICKET_STAGES_SLAS,
    LIST_APPOINTMENTS,
    LIST_INTERNAL_COMMUNICATIONS,
)
from adapters.mcp.tools.tickets import GET_TICKET
from adapters.mcp.toolsets import Narrowing, narrowing_from
from domain.errors import InvalidInput
from domain.ids import TicketNumber

MAX_TICKETS = 15  # as many as a CSV list of IDs takes elsewhere
MAX_CHATS = 50
DEFAULT_CHATS = 10


class Refused(ValueError):
    """An argument's value is not accepted; `rule` is a catalogue key saying what is."""

    def __init__(self, rule: str, **params: object) -> None:
        super().__init__(rule)
        self.rule = rule
        self.params = params


Parse = Callable[[str | None, date], Any]  # (the text, None when absent or blank; today) → the value


@dataclass(frozen=True)
class ArgumentSpec:
    name: str
    parse: Parse
    required: bool = False


@dataclass(frozen=True)
class PromptSpec:
    """One prompt. `tools` are the tools its text names: all must be offered for the prompt to be."""

    name: str
    tools: tuple[ToolSpec[Any, Any, Any], ...]
    arguments: tuple[ArgumentSpec, ...]
    write: Callable[[Translator, Mapping[str, Any]], str]

    @property
    def tool_names(self) -> tuple[str, ...]:
        return tuple(tool.name for tool in self.tools)


def register_prompts(
    server: MCPServer[Any], translator: Translator, zone: ZoneInfo, offered: Sequence[ToolSpec[Any, Any, Any]]
) -> None:
    """Add to `server` every prompt whose tools are all `offered`, and the gate in front of them."""
    tools = {spec.name: spec for spec in offered}
    chosen = [spec for spec in PROMPTS if all(name in tools for name in spec.tool_names)]
    for spec in chosen:
        server.add_prompt(_as_prompt(spec, translator, zone))
    server.middleware.append(
        PromptGate({spec.name: [tools[n] for n in spec.tool_names] for spec in chosen}, translator)
    )


S = TypeVar("S", bound=MCPServer[Any])


def with_prompts(server_class: Callable[..., S]) -> Callable[..., S]:
    """`server_class`, built as before, with the prompts its tools allow (for the container's provider)."""

    def build(**kwargs: Any) -> S:
        server = server_class(**kwargs)
        runtime = kwargs["runtime"]
        register_prompts(server, runtime.translator, runtime.zone, kwargs["specs"])
        return server

    return build


class PromptGate:
    """`prompts/get` of an unknown prompt is invalid params (the SDK answers "Internal server error"), and
    in hosted mode a connection narrowed by `x-tiflux-toolsets` / `x-tiflux-read-only` is neither shown nor
    given a prompt whose tools it cannot call."""

    def __init__(
        self, tools_of: Mapping[str, Sequence[ToolSpec[Any, Any, Any]]], translator: Translator
    ) -> None:
        self._tools_of = tools_of
        self._t = translator

    async def __call__(self, ctx: ServerRequestContext[Any, Any], call_next: CallNext) -> HandlerResult:
        if ctx.method not in ("prompts/list", "prompts/get"):
            return await call_next(ctx)
        narrowing = narrowing_from(getattr(ctx.request, "headers", None))
        if ctx.method == "prompts/get":
            name = str((ctx.params or {}).get("name", ""))
            if name in self._tools_of and not self._shown(name, narrowing):
                raise _invalid(self._t("prompt.error.narrowed", name=name))
            if name not in self._tools_of:
                shown = [n for n in self._tools_of if self._shown(n, narrowing)]
                available = ", ".join(f"`{n}`" for n in shown) or self._t("prompt.rule.none")
                raise _invalid(self._t("prompt.error.unknown_prompt", name=name[:100], available=available))
            return await call_next(ctx)
        result = await call_next(ctx)
        if narrowing is None:
            return result
        if isinstance(result, ListPromptsResult):
            return result.model_copy(
                update={"prompts": [p for p in result.prompts if self._shown(p.name, narrowing)]}
            )
        if isinstance(result, dict) and isinstance(result.get("prompts"), list):
            return {
                **result,
                "prompts": [p for p in result["prompts"] if self._shown(p.get("name"), narrowing)],
            }
        return result

    def _shown(self, name: object, narrowing: Narrowing | None) -> bool:
        tools = self._tools_of.get(str(name), ())
        return narrowing is None or all(narrowing.refusal(tool) is None for tool in tools)


# --- the arguments


def ticket_number(raw: str | None, _today: date) -> str:
    if raw is None:
        raise Refused("prompt.rule.ticket_number")
    try:
        return str(TicketNumber.parse(raw))
    except InvalidInput:
        raise Refused("prompt.rule.ticket_number") from None


def ticket_numbers(raw: str | None, _today: date) -> tuple[str, ...]:
    """Comma-separated, e.g. "1040, #1041" → ("1040", "1041"); blank → () (the model asks the user)."""
    if raw is None:
        return ()
    parts = [part for part in raw.replace(";", ",").split(",") if part.strip()]
    try:
        numbers = tuple(dict.fromkeys(str(TicketNumber.parse(part)) for part in parts))
    except InvalidInput:
        raise Refused("prompt.rule.ticket_numbers", max=MAX_TICKETS) from None
    if len(numbers) > MAX_TICKETS:
        raise Refused("prompt.rule.ticket_numbers", max=MAX_TICKETS)
    return numbers


def past_day(raw: str | None, today: date) -> date:
    """A real YYYY-MM-DD day, today or before (appointments cannot be in the future); blank → today."""
    if raw is None:
        return today
    try:
        day = date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        day = None
    if day is None or day > today:
        raise Refused("prompt.rule.date", today=today.isoformat())
    return day


def chat_count(raw: str | None, _today: date) -> int:
    if raw is None:
        return DEFAULT_CHATS
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 3 or not 1 <= int(raw) <= MAX_CHATS:
        raise Refused("prompt.rule.range", min=1, max=MAX_CHATS)
    return int(raw)


def optional_id(raw: str | None, _today: date) -> int | None:
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18 or int(raw) < 1:
        raise Refused("prompt.rule.id")
    return int(raw)


# --- the texts


def _triage_chat_inbox(t: Translator, args: Mapping[str, Any]) -> str:
    department = args["department_id"]
    clause = t("prompt.triage_chat_inbox.department", department_id=department) if department else ""
    return t("prompt.triage_chat_inbox.text", limit=args["limit"], department=clause)


def _ticket_shift_handover(t: Translator, args: Mapping[str, Any]) -> str:
    return t("prompt.ticket_shift_handover.text", ticket_number=args["ticket_number"])


def _log_daily_hours(t: Translator, args: Mapping[str, Any]) -> str:
    numbers = args["ticket_numbers"]
    tickets = (
        t("prompt.log_daily_hours.tickets", tickets=", ".join(f"#{n}" for n in numbers))
        if numbers
        else t("prompt.log_daily_hours.no_tickets")
    )
    return t("prompt.log_daily_hours.text", date=args["date"].isoformat(), tickets=tickets)


TRIAGE_CHAT_INBOX = PromptSpec(
    name="triage_chat_inbox",
    tools=(LIST_INBOX_CHATS, GET_CHAT),
    arguments=(ArgumentSpec("limit", chat_count), ArgumentSpec("department_id", optional_id)),
    write=_triage_chat_inbox,
)
TICKET_SHIFT_HANDOVER = PromptSpec(
    name="ticket_shift_handover",
    tools=(GET_TICKET, LIST_INTERNAL_COMMUNICATIONS, GET_TICKET_STAGES_SLAS),
    arguments=(ArgumentSpec("ticket_number", ticket_number, required=True),),
    write=_ticket_shift_handover,
)
LOG_DAILY_HOURS = PromptSpec(
    name="log_daily_hours",
    tools=(LIST_APPOINTMENTS, CREATE_APPOINTMENT),
    arguments=(ArgumentSpec("date", past_day), ArgumentSpec("ticket_numbers", ticket_numbers)),
    write=_log_daily_hours,
)

PROMPTS: tuple[PromptSpec, ...] = (TRIAGE_CHAT_INBOX, TICKET_SHIFT_HANDOVER, LOG_DAILY_HOURS)


# --- the SDK's side


class CheckedPrompt(Prompt):
    """An SDK `Prompt` whose arguments are checked (in the user's language) before the SDK sees them."""

    check: Callable[[Mapping[str, Any] | None], dict[str, Any]] = Field(exclude=True)

    async def render(self, arguments: dict[str, Any] | None, context: Any) -> Any:
        return await super().render(self.check(arguments), context)


def _as_prompt(spec: PromptSpec, t: Translator, zone: ZoneInfo) -> Prompt:
    key = f"prompt.{spec.name}"

    def check(arguments: Mapping[str, Any] | None) -> dict[str, Any]:
        return check_arguments(spec, arguments or {}, t, datetime.now(zone).date())

    def render(**args: Any) -> list[Message]:
        return [UserMessage(spec.write(t, args))]

    return CheckedPrompt(
        name=spec.name,
        title=t(f"{key}.title"),
        description=t(f"{key}.description"),
        arguments=[
            PromptArgument(name=arg.name, description=t(f"{key}.arg.{arg.name}"), required=arg.required)
            for arg in spec.arguments
        ],
        fn=render,
        check=check,
        context_kwarg=None,  # `render` takes no context
    )


def check_arguments(
    spec: PromptSpec, arguments: Mapping[str, str], t: Translator, today: date
) -> dict[str, Any]:
    """The prompt's arguments parsed, or an MCP invalid-params error that names the argument to fix.

    A blank value is an absent one (clients send "" for an optional argument left empty).
    """
    known = [arg.name for arg in spec.arguments]
    for name in arguments:
        if name not in known:
            accepted = ", ".join(f"`{n}`" for n in known) or t("prompt.rule.none")
            raise _invalid(
                t("prompt.error.unknown", argument=name[:100], prompt=spec.name, accepted=accepted)
            )
    parsed: dict[str, Any] = {}
    for arg in spec.arguments:
        raw = (arguments.get(arg.name) or "").strip() or None
        try:
            parsed[arg.name] = arg.parse(raw, today)
        except Refused as refused:
            accepted = t(refused.rule, **refused.params)
            if raw is None:
                raise _invalid(
                    t("prompt.error.missing", argument=arg.name, prompt=spec.name, accepted=accepted)
                ) from None
            received = repr(raw if len(raw) <= 50 else raw[:50] + "…")
            raise _invalid(
                t(
                    "prompt.error.invalid",
                    argument=arg.name,
                    prompt=spec.name,
                    accepted=accepted,
                    received=received,
                )
            ) from None
    return parsed


def _invalid(message: str) -> MCPError:
    """JSON-RPC invalid params, the protocol's answer to a bad `prompts/get` (the SDK passes it through)."""
    return MCPError(INVALID_PARAMS, message)
