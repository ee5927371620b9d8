"""Asking the person, through MCP elicitation: before a write that cannot be taken back, and to pick one of
several matches when a name is ambiguous.

Cancelling or closing a ticket and sending an answer to the customer are confirmed by the user when the
client can elicit: the question shows the ticket's number and title (or the answer's first lines). This
uses the SDK's resolver mechanism, which works at protocol 2025-11-25 (a request over the back channel)
and at 2026-07-28 (an `InputRequiredResult` the client answers by retrying the call), so it also works on
stateless HTTP. Clients without elicitation get the write straight away, as before.

The resolvers are module-level functions (their names are the wire keys, the same on every replica);
they reach the running server's `Confirmer` through the call's context.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from mcp.server.elicitation import AcceptedElicitation, ElicitationResult
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.resolve import (
    Elicit,
    Resolve,
    build_resolver_plans,
    find_resolved_parameters,
    resolve_arguments,
)
from mcp.types import CallToolResult, InputRequiredResult, TextContent
from pydantic import BaseModel, Field, create_model

from adapters.i18n import Translator
from adapters.mcp.runtime import GatewayFor
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from domain.errors import Ambiguous, DomainError
from domain.ids import TicketNumber

PREVIEW_LINES = 3
PREVIEW_CHARS = 300
_INPUT_REQUIRED_VERSION = "2026-07-28"


class Confirmation(BaseModel):
    """What the client shows the person: one yes/no box."""

    confirm: bool = Field(
        title="Confirmar / Confirm", description="Marque para continuar (check to proceed)."
    )


@dataclass(frozen=True)
class Confirmer:
    """Writes the running server asks the person about, and the words of the question."""

    gateway_for: GatewayFor
    translator: Translator
    credential: Callable[[Context[Any, Any]], str | None]

    def applies(self, tool: str, context: Context[Any, Any] | None) -> bool:
        """Whether to ask: a confirmed tool, and a client that said it can show a form."""
        if tool not in _QUESTIONS or context is None:
            return False
        return self.can_elicit(context)

    @staticmethod
    def can_elicit(context: Context[Any, Any]) -> bool:
        """The client declared form elicitation, and this request can carry a question."""
        capabilities = context.client_capabilities
        elicitation = capabilities.elicitation if capabilities is not None else None
        if elicitation is None or (elicitation.form is None and elicitation.url is not None):
            return False
        version = context.protocol_version or ""
        return version >= _INPUT_REQUIRED_VERSION or context.session.can_send_request

    async def ask(
        self, tool: str, arguments: Mapping[str, Any], context: Context[Any, Any]
    ) -> CallToolResult | InputRequiredResult | None:
        """None: go ahead. An `InputRequiredResult`: ask first (2026-07-28). A result: the person said no."""
        resolved, plans = _QUESTIONS[tool]
        outcome = await resolve_arguments(resolved, plans, dict(arguments), context)
        if isinstance(outcome, InputRequiredResult):
            return outcome
        answer = outcome["confirmation"]
        if isinstance(answer, AcceptedElicitation) and answer.data.confirm:
            return None
        text = self.translator("confirm.declined", tool=tool)
        return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)

    async def finish_question(self, tool: str, ticket_number: object, context: Context[Any, Any]) -> str:
        t = self.translator
        number = TicketNumber.parse(ticket_number)
        title = ""
        try:
            ticket = await self.gateway_for(self.credential(context)).tickets.get(number)
            title = inline(ticket.title, limit=120)
        except DomainError:
            pass  # the call itself will say what is wrong; the question can do without the title
        key = "confirm.close" if tool == "close_ticket" else "confirm.cancel"
        return (
            t(key, number=number.value, title=title) if title else t(f"{key}.untitled", number=number.value)
        )

    def answer_question(self, ticket_number: object, text: object) -> str:
        number = TicketNumber.parse(ticket_number)
        lines = [line.strip() for line in str(text).splitlines() if line.strip()][:PREVIEW_LINES]
        preview = "\n".join(f"> {inline(line, limit=PREVIEW_CHARS)}" for line in lines)
        return self.translator("confirm.answer", number=number.value, preview=preview)


# Which arguments an ambiguous name came from, and which argument takes the chosen ID instead.
NAME_AND_ID = {
    "desk": ("desk_name", "desk_id"),
    "client": ("client_name", "client_id"),
    "responsible": ("responsible_name", "responsible_id"),
    "requestor": ("requestor_name", "requestor_id"),
    "stage": ("stage_name", "stage_id"),
    "catalog_item": ("catalog_item_name", "services_catalogs_item_id"),
}
MAX_CHOICES = 20


@dataclass(frozen=True)
class Chooser:
    """Turns an ambiguous name into a question with the candidates, and the answer into an ID."""

    translator: Translator

    @staticmethod
    def rerun(
        ambiguity: Ambiguous, arguments: Mapping[str, Any], fields: set[str]
    ) -> Callable[[int], dict[str, Any]] | None:
        """How to call again with the chosen ID (`desk_id`, or `desk_ids` as a list); None if it cannot."""
        pair = NAME_AND_ID.get(ambiguity.kind)
        if pair is None or pair[0] not in arguments or not ambiguity.options:
            return None
        name_arg, id_arg = pair
        rest = {key: value for key, value in arguments.items() if key != name_arg}
        if id_arg in fields:
            return lambda chosen: rest | {id_arg: chosen}
        if f"{id_arg}s" in fields:
            return lambda chosen: rest | {f"{id_arg}s": [chosen]}
        return None

    async def choose(
        self, ambiguity: Ambiguous, context: Context[Any, Any]
    ) -> int | InputRequiredResult | None:
        """The chosen ID; an `InputRequiredResult` to ask (2026-07-28); None if the person chose nothing."""
        choices = [(getattr(o, "id", 0), label(o, self.translator)) for o in ambiguity.options]
        spec = json.dumps(
            {
                "question": self.translator(
                    f"choose.{ambiguity.kind}", term=inline(ambiguity.term, limit=80)
                ),
                "choices": [[ident, _option(ident, label)] for ident, label in choices[:MAX_CHOICES]],
            },
            ensure_ascii=False,
        )
        resolved, plans = _CHOICES[ambiguity.kind]
        outcome = await resolve_arguments(resolved, plans, {"choice_spec": spec}, context)
        if isinstance(outcome, InputRequiredResult):
            return outcome
        answer = outcome["choice"]
        if not isinstance(answer, AcceptedElicitation):
            return None
        picked = getattr(answer.data, "choice", None)
        return next((ident for ident, shown in choices if _option(ident, shown) == picked), None)


def _option(ident: int, label: str) -> str:
    """What the person picks from: the candidate as answers show it, always with its ID (unique)."""
    shown = inline(label, limit=100)
    return shown if f"ID {ident}" in shown else f"{shown} (ID {ident})"


def _choice_question(choice_spec: str) -> Elicit[BaseModel]:
    spec = json.loads(choice_spec)
    options = tuple(label for _ident, label in spec["choices"])
    model = create_model(
        "Escolha",
        choice=(Literal[options], Field(title=spec["question"])),  # type: ignore[valid-type]
    )
    return Elicit(spec["question"], model)


async def choose_desk(choice_spec: str) -> Elicit[BaseModel]:
    return _choice_question(choice_spec)


async def choose_client(choice_spec: str) -> Elicit[BaseModel]:
    return _choice_question(choice_spec)


async def choose_responsible(choice_spec: str) -> Elicit[BaseModel]:
    return _choice_question(choice_spec)


async def choose_requestor(choice_spec: str) -> Elicit[BaseModel]:
    return _choice_question(choice_spec)


async def choose_stage(choice_spec: str) -> Elicit[BaseModel]:
    return _choice_question(choice_spec)


async def choose_catalog_item(choice_spec: str) -> Elicit[BaseModel]:
    return _choice_question(choice_spec)


def _confirmer(ctx: Context[Any, Any]) -> Confirmer:
    confirmer = getattr(ctx.mcp_server, "confirmer", None)
    if not isinstance(confirmer, Confirmer):
        raise RuntimeError("the server has no confirmer")
    return confirmer


async def ask_to_close(ticket_number: str, ctx: Context[Any, Any]) -> Elicit[Confirmation]:
    return Elicit(await _confirmer(ctx).finish_question("close_ticket", ticket_number, ctx), Confirmation)


async def ask_to_cancel(ticket_number: str, ctx: Context[Any, Any]) -> Elicit[Confirmation]:
    return Elicit(await _confirmer(ctx).finish_question("cancel_ticket", ticket_number, ctx), Confirmation)


async def ask_to_answer(ticket_number: str, text: str, ctx: Context[Any, Any]) -> Elicit[Confirmation]:
    return Elicit(_confirmer(ctx).answer_question(ticket_number, text), Confirmation)


def _close(confirmation: Annotated[ElicitationResult[Confirmation], Resolve(ask_to_close)]) -> None: ...
def _cancel(confirmation: Annotated[ElicitationResult[Confirmation], Resolve(ask_to_cancel)]) -> None: ...
def _answer(confirmation: Annotated[ElicitationResult[Confirmation], Resolve(ask_to_answer)]) -> None: ...


def _plan(consumer: Callable[..., None], arguments: set[str]) -> tuple[dict[str, Any], dict[Hashable, Any]]:
    resolved = find_resolved_parameters(consumer)
    return resolved, build_resolver_plans(resolved, arguments)


_QUESTIONS = {
    "close_ticket": _plan(_close, {"ticket_number"}),
    "cancel_ticket": _plan(_cancel, {"ticket_number"}),
    "create_ticket_answer": _plan(_answer, {"ticket_number", "text"}),
}
CONFIRMED_TOOLS = frozenset(_QUESTIONS)


def _choice_plan(resolver: Callable[..., Any]) -> tuple[dict[str, Any], dict[Hashable, Any]]:
    resolved = {"choice": (Resolve(resolver), True)}  # True: the whole outcome (accept/decline/cancel)
    return resolved, build_resolver_plans(resolved, {"choice_spec"})


_CHOICES = {
    "desk": _choice_plan(choose_desk),
    "client": _choice_plan(choose_client),
    "responsible": _choice_plan(choose_responsible),
    "requestor": _choice_plan(choose_requestor),
    "stage": _choice_plan(choose_stage),
    "catalog_item": _choice_plan(choose_catalog_item),
}
