"""Declared `structuredContent` of the ticket writes: create, update, cancel, close, answer, custom fields."""

from __future__ import annotations

from typing import Literal

from adapters.mcp.outputs.common import EntityValues, Output, Ticket


class NameDecision(Output):
    field: str
    term: str
    label: str


class TicketCreated(Output):
    ticket: Ticket
    decisions: list[NameDecision] | None = None
    defaults_used: list[str] | None = None
    new_requestor: str | None = None
    parent: int | None = None


class TicketUpdated(Output):
    ticket: Ticket
    changed: list[str] | None = None
    decisions: list[NameDecision] | None = None


class TicketFinished(Output):
    how: Literal["cancel", "close"]
    before: Ticket
    message: str | None = None
    already: bool


class Answer(Output):
    id: int
    author: str | None = None
    answered_at: str | None = None
    origin: str | None = None
    with_signature: bool


class AnswerSent(Output):
    number: int
    answer: Answer
    text: str
    files: list[str] | None = None


class FieldsUpdated(Output):
    number: int
    sent: int
    fields: list[EntityValues] | None = None


CreateTicketOutput = TicketCreated

UpdateTicketOutput = TicketUpdated

CancelTicketOutput = TicketFinished

CloseTicketOutput = TicketFinished

CreateTicketAnswerOutput = AnswerSent

UpdateTicketEntitiesOutput = FieldsUpdated
