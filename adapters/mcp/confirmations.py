"""Asking the person, through MCP elicitation: before a write that cannot be taken back, and to pick one of
several matches when a name is ambiguous.

Which tools ask, and what, is declared in their specs (`ToolSpec.confirmation`); the question builders
here turn validated arguments into words. Clients without elicitation get the write straight away, and an
ambiguous name is an error that lists the candidates, as before.

This uses the SDK's resolver mechanism, which works at protocol 2025-11-25 (a request over the back
channel) and at 2026-07-28 (an `InputRequiredResult` the client answers by retrying the call), so it also
works on stateless HTTP. The two resolvers are module-level functions: their names are the wire keys, the
same on every replica; what they show travels in their one argument.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from mcp.server.elicitation import AcceptedElicitation
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.resolve import (
    Elicit,
    Resolve,
    build_resolver_plans,
    resolve_arguments,
)
from mcp.types import InputRequiredResult
from pydantic import BaseModel, Field, create_model

from adapters.i18n import Translator
from adapters.mcp.spec import Asking
from adapters.presenters.markdown.labels import label
from adapters.presenters.markdown.text import inline
from application.ports.failures import UpstreamFailure
from domain.errors import Ambiguous, DomainError
from domain.ids import TicketNumber

PREVIEW_LINES = 3
PREVIEW_CHARS = 300
MAX_CHOICES = 20
_INPUT_REQUIRED_VERSION = "2026-07-28"


@dataclass(frozen=True)
class Asker:
    """Puts questions to the person in the user's language, when their client can show a form."""

    translator: Translator

    @staticmethod
    def can_ask(context: Context[Any, Any] | None) -> bool:
        """The client declared form elicitation, and this request can carry a question."""
        if context is None:
            return False
        capabilities = context.client_capabilities
        elicitation = capabilities.elicitation if capabilities is not None else None
        if elicitation is None or (elicitation.form is None and elicitation.url is not None):
            return False
        version = context.protocol_version or ""
        return version >= _INPUT_REQUIRED_VERSION or context.session.can_send_request

    async def confirm(self, question: str, context: Context[Any, Any]) -> bool | InputRequiredResult:
        """True: go ahead. An `InputRequiredResult`: ask first (2026-07-28). False: the person said no."""
        t = self.translator
        form = json.dumps(
            {"question": question, "title": t("confirm.box.title"), "help": t("confirm.box.description")},
            ensure_ascii=False,
        )
        outcome = await resolve_arguments(*_CONFIRM, {"confirmation_form": form}, context)
        if isinstance(outcome, InputRequiredResult):
            return outcome
        answer = outcome["confirmation"]
        return isinstance(answer, AcceptedElicitation) and bool(answer.data.confirm)

    async def choose(
        self, ambiguity: Ambiguous, context: Context[Any, Any]
    ) -> object | InputRequiredResult | None:
        """The record picked; an `InputRequiredResult` to ask (2026-07-28); None: nothing was chosen."""
        options = {_option(record, self.translator): record for record in ambiguity.options[:MAX_CHOICES]}
        kind = f"choose.{ambiguity.kind}"
        t = self.translator
        question = t(kind if t.has(kind) else "choose.any", term=inline(ambiguity.term, limit=80))
        form = json.dumps({"question": question, "choices": list(options)}, ensure_ascii=False)
        outcome = await resolve_arguments(*_CHOOSE, {"choice_form": form}, context)
        if isinstance(outcome, InputRequiredResult):
            return outcome
        answer = outcome["choice"]
        if not isinstance(answer, AcceptedElicitation):
            return None
        return options.get(str(getattr(answer.data, "choice", "")))


async def finish_question(key: str, ticket_number: TicketNumber, asking: Asking) -> str:
    """ "Close ticket #1040 — <title>?" (`key` "confirm.close") or cancel: the title read from TiFlux."""
    t = asking.translator
    title = ""
    try:
        ticket = await asking.gateway.tickets.get(ticket_number)
        title = inline(ticket.title, limit=120)
    except (DomainError, UpstreamFailure):
        pass  # the call itself will say what is wrong; the question can do without the title
    if title:
        return t(key, number=ticket_number.value, title=title)
    return t(f"{key}.untitled", number=ticket_number.value)


def answer_question(ticket_number: TicketNumber, text: str, t: Translator) -> str:
    """ "Send this answer to the customer of ticket #1040?" and the answer's first lines."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:PREVIEW_LINES]
    preview = "\n".join(f"> {inline(line, limit=PREVIEW_CHARS)}" for line in lines)
    return t("confirm.answer", number=ticket_number.value, preview=preview)


def _option(record: object, t: Translator) -> str:
    """What the person picks from: the record as answers show it, always with its ID (so unique)."""
    shown = inline(label(record, t), limit=100)
    ident = getattr(record, "id", None)
    return shown if ident is None or f"ID {ident}" in shown else f"{shown} (ID {ident})"


@cache
def _confirmation_form(title: str, help_text: str) -> type[BaseModel]:
    return create_model("Confirmation", confirm=(bool, Field(title=title, description=help_text)))


async def ask_to_confirm(confirmation_form: str) -> Elicit[BaseModel]:
    form = json.loads(confirmation_form)
    return Elicit(form["question"], _confirmation_form(form["title"], form["help"]))


async def ask_to_choose(choice_form: str) -> Elicit[BaseModel]:
    form = json.loads(choice_form)
    choices: Any = Literal[tuple(form["choices"])]
    model = create_model("Choice", choice=(choices, Field(title=form["question"])))
    return Elicit(form["question"], model)


def _plan(
    resolver: Callable[..., Any], argument: str, result: str
) -> tuple[dict[str, Any], dict[Hashable, Any]]:
    resolved = {result: (Resolve(resolver), True)}  # True: the whole outcome (accept, decline or cancel)
    return resolved, build_resolver_plans(resolved, {argument})


_CONFIRM = _plan(ask_to_confirm, "confirmation_form", "confirmation")
_CHOOSE = _plan(ask_to_choose, "choice_form", "choice")
